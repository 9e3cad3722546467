//! The front end: wasm build, clippy for wasm, and the static folder the
//! API serves (index.html, style.css, pkg/).
//!
//! rustup cannot download the wasm32 standard library here, so the build
//! uses Debian's Rust (`rustc-web`, which ships std's source) with
//! build-std, in a target directory of its own. Nightly flags are allowed
//! through `RUSTC_BOOTSTRAP`, as Debian's own packaging does.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};
use flate2::Compression;
use flate2::write::GzEncoder;

use crate::process::run;
use crate::tools::Tools;
use crate::workspace::Workspace;

const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Files copied as they are from `frontend/` into the dist folder: the
/// page, its style, and the script (with an example page) that embeds the
/// fair in a school's own site.
const STATIC_FILES: &[&str] = &["index.html", "style.css", "embed.js", "embed-example.html"];

/// Builds the front end (release) into the dist folder and returns it.
pub fn build(ws: &Workspace, tools: &Tools) -> Result<PathBuf> {
    let wasm_target_dir = ws.wasm_target_dir();
    run(debian_cargo(ws)
        .args(["build", "--release", "--target", WASM_TARGET])
        .args([
            "-Zbuild-std=std,panic_abort",
            "-p",
            "frontend",
            "--target-dir",
        ])
        .arg(&wasm_target_dir))?;

    let release = wasm_target_dir.join(WASM_TARGET).join("release");
    let dist = ws.dist_dir();
    let pkg = dist.join("pkg");
    std::fs::create_dir_all(&pkg).with_context(|| format!("creating {}", pkg.display()))?;
    let bundles = bundles(ws)?;
    remove_strays(&pkg, &bundles)?;
    for bundle in &bundles {
        let wasm = release.join(format!("{bundle}.wasm"));
        if is_newer(&pkg.join(format!("{bundle}_bg.wasm")), &wasm) {
            continue;
        }
        run(Command::new(&tools.wasm_bindgen)
            .args(["--target", "web", "--out-dir"])
            .arg(&pkg)
            .arg(&wasm))?;
    }

    let source = ws.root.join("frontend");
    for file in STATIC_FILES {
        std::fs::copy(source.join(file), dist.join(file))
            .with_context(|| format!("copying frontend/{file} into {}", dist.display()))?;
    }
    Ok(dist)
}

/// The front end's bundles, one per screen: the binaries in
/// `frontend/src/bin`, by name.
fn bundles(ws: &Workspace) -> Result<Vec<String>> {
    let bin = ws.root.join("frontend/src/bin");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&bin).with_context(|| format!("reading {}", bin.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "rs")
            && let Some(name) = path.file_stem().and_then(|name| name.to_str())
        {
            names.push(name.to_owned());
        }
    }
    names.sort();
    Ok(names)
}

/// Removes files of bundles that no longer exist (an older build's, in a
/// reused target folder), so they are never deployed.
fn remove_strays(pkg: &Path, bundles: &[String]) -> Result<()> {
    for entry in std::fs::read_dir(pkg).with_context(|| format!("reading {}", pkg.display()))? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or_default();
        let ours = bundles.iter().any(|bundle| {
            name.strip_prefix(bundle)
                .is_some_and(|rest| rest.starts_with(['.', '_']))
        });
        if !ours {
            std::fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
        }
    }
    Ok(())
}

/// True if `output` exists and was written after `input` (so the step that
/// makes one from the other can be skipped).
fn is_newer(output: &Path, input: &Path) -> bool {
    let modified = |path: &Path| std::fs::metadata(path).and_then(|meta| meta.modified());
    match (modified(output), modified(input)) {
        (Ok(output), Ok(input)) => output >= input,
        _ => false,
    }
}

/// Clippy on the front end, for the wasm target, warnings as errors.
pub fn clippy(ws: &Workspace) -> Result<()> {
    run(debian_cargo(ws)
        .args(["clippy", "--release", "--target", WASM_TARGET])
        .args([
            "-Zbuild-std=std,panic_abort",
            "-p",
            "frontend",
            "--target-dir",
        ])
        .arg(ws.wasm_target_dir())
        .args(["--", "-D", "warnings"]))
}

/// Debian's cargo and rustc, first on PATH so that `cargo clippy` finds
/// Debian's `cargo-clippy` rather than rustup's (which wants rust-src).
fn debian_cargo(ws: &Workspace) -> Command {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![PathBuf::from("/usr/bin")];
    dirs.extend(std::env::split_paths(&path));
    let mut cmd = Command::new("/usr/bin/cargo");
    cmd.current_dir(&ws.root)
        .env("PATH", std::env::join_paths(dirs).unwrap_or(path))
        .env("RUSTC", "/usr/bin/rustc")
        .env("RUSTC_BOOTSTRAP", "1")
        // Set for clippy as well as the build, so they share one target
        // folder. Leptos erases each component's view type, so the wasm
        // carries far less monomorphised code: 8.9% smaller gzipped when
        // measured. A panic stops the page at once, without formatting a
        // message or its place in the source: the page is as dead either
        // way, and each bundle is 8 to 9% smaller gzipped (measured on the
        // hall and the stand). A panic then shows in the browser's console
        // as "unreachable" only.
        .env(
            "RUSTFLAGS",
            "--cfg erase_components -Zunstable-options -Cpanic=immediate-abort \
             -Zlocation-detail=none",
        )
        // Set by rustup for the cargo that runs xtask; not for Debian's.
        .env_remove("RUSTUP_TOOLCHAIN");
    cmd
}

/// Prints the size of each wasm and JavaScript file, raw and gzipped (what
/// a pupil's browser downloads).
pub fn print_sizes(dist: &Path) -> Result<()> {
    let pkg = dist.join("pkg");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&pkg)
        .with_context(|| format!("reading {}", pkg.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "wasm" || ext == "js")
        })
        .collect();
    files.sort();
    println!("front end in {}", dist.display());
    for file in files {
        let bytes = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
        let name = file.strip_prefix(dist).unwrap_or(&file).display();
        println!(
            "  {name:<28} {:>8.1} KB  ({:.1} KB gzipped)",
            kb(bytes.len()),
            kb(gzipped_len(&bytes)?)
        );
    }
    Ok(())
}

fn gzipped_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

fn kb(bytes: usize) -> f64 {
    // Sizes are far below 2^52, so the conversion is exact.
    bytes as f64 / 1024.0
}
