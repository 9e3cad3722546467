//! Where things are: the repository, the cargo target directory and the
//! folders xtask derives from them.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

use crate::process;

/// The repository and its build output.
pub struct Workspace {
    /// The repository root (the workspace `Cargo.toml` lives here).
    pub root: PathBuf,
    /// Cargo's target directory: `CARGO_TARGET_DIR` if set, otherwise what
    /// `cargo metadata` reports.
    pub target: PathBuf,
}

impl Workspace {
    /// Finds the repository (xtask's parent) and the target directory.
    pub fn locate() -> Result<Self> {
        // `cargo xtask` (cargo run) says where xtask's manifest is at run
        // time. The path compiled in can be another clone's: a target
        // directory shared between clones (CI's cache) keeps an xtask built
        // elsewhere whenever this clone's sources look no newer.
        let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
        let root = manifest_dir
            .parent()
            .context("xtask has no parent directory")?
            .to_path_buf();
        let target = match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) if !dir.is_empty() => {
                std::path::absolute(&dir).context("resolving CARGO_TARGET_DIR")?
            }
            _ => metadata_target_dir(&root)?,
        };
        Ok(Self { root, target })
    }

    /// `cargo` (the one running xtask), started in the repository root.
    pub fn cargo(&self) -> Command {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut cmd = Command::new(cargo);
        cmd.current_dir(&self.root);
        cmd
    }

    /// Local state of the demo: DynamoDB data, signing key, files.
    pub fn local_dir(&self) -> PathBuf {
        self.root.join(".local")
    }

    /// The npm project that installs DynamoDB Local.
    pub fn tools_dir(&self) -> PathBuf {
        self.root.join("xtask").join("tools")
    }

    /// Target directory of the wasm build (kept apart from the native one,
    /// since it is built by another compiler with build-std).
    pub fn wasm_target_dir(&self) -> PathBuf {
        self.target.join("wasm")
    }

    /// The built front end: index.html, style.css, pkg/.
    pub fn dist_dir(&self) -> PathBuf {
        self.target.join("web").join("dist")
    }

    /// A debug binary of the native workspace.
    pub fn debug_bin(&self, name: &str) -> PathBuf {
        self.target.join("debug").join(name)
    }
}

fn metadata_target_dir(root: &Path) -> Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let json = process::capture(
        Command::new(cargo)
            .args(["metadata", "--no-deps", "--format-version", "1"])
            .current_dir(root),
    )?;
    let metadata: serde_json::Value =
        serde_json::from_str(&json).context("parsing `cargo metadata`")?;
    let dir = metadata["target_directory"]
        .as_str()
        .context("`cargo metadata` has no target_directory")?;
    Ok(PathBuf::from(dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_metadata_names_an_absolute_target_dir() {
        let ws = Workspace::locate().unwrap();
        let dir = metadata_target_dir(&ws.root).unwrap();
        assert!(dir.is_absolute(), "{}", dir.display());
    }
}
