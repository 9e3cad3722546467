//! `cargo xtask package`: builds every Lambda function of the SAM template
//! for `provided.al2023` on arm64 and checks the zips before anyone uploads
//! them.
//!
//! The functions are the template's `CodeUri: ../target/lambda/<bin>/bootstrap.zip`
//! lines, so a function added to the template is built without touching
//! xtask. Each is built with cargo-lambda (release profile, zig as the
//! linker so the binary asks for no newer glibc than Amazon Linux 2023 has),
//! by Debian's Rust with the aarch64 std built from source, since rustup
//! cannot download targets here (see the project's toolchain notes). The
//! build has a target directory of its own, apart from the native debug
//! builds, and the zip is copied to where the template points when cargo's
//! target directory is not the repository's `target/`.
//!
//! Each zip must hold a file named `bootstrap` that is an aarch64 ELF
//! executable (the program Lambda starts); its sizes are printed.

use std::io::Read as _;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail, ensure};
use flate2::read::DeflateDecoder;

use crate::process::{capture, run};
use crate::tools::LambdaTools;
use crate::workspace::Workspace;

/// The SAM template, relative to the repository.
const TEMPLATE: &str = "infra/template.yaml";
/// What a function's `CodeUri` ends with: cargo-lambda's zip name.
const ZIP_NAME: &str = "bootstrap.zip";
/// The program Lambda's `provided` runtimes start.
const BOOTSTRAP: &str = "bootstrap";
/// ELF `e_machine` of AArch64.
const EM_AARCH64: u16 = 183;
/// Amazon Linux 2023's glibc; a binary asking for a newer one fails to start.
const AL2023_GLIBC: (u32, u32) = (2, 34);

/// A function the template deploys from a zip that this workspace builds.
#[derive(Debug, PartialEq, Eq)]
struct Function {
    /// The cargo binary, which is also the folder name under `lambda/`.
    bin: String,
    /// Where the template takes the zip from (absolute).
    zip: PathBuf,
}

/// Builds every function, copies each zip where the template expects it,
/// checks it and prints its sizes.
pub fn run_all(ws: &Workspace, tools: &LambdaTools) -> Result<()> {
    let template_path = ws.root.join(TEMPLATE);
    let template = std::fs::read_to_string(&template_path)
        .with_context(|| format!("reading {}", template_path.display()))?;
    let functions = functions(&template, &ws.root.join("infra"))?;
    let packages = bin_packages(ws)?;
    // One build at a time: each already uses every core.
    for function in &functions {
        let package = packages
            .iter()
            .find(|(_, bin)| *bin == function.bin)
            .map(|(package, _)| package.as_str())
            .with_context(|| {
                format!(
                    "{TEMPLATE} deploys `{}`, but no workspace package has a binary of that name",
                    function.bin
                )
            })?;
        let built = build(ws, tools, package, &function.bin)?;
        if !same_file(&built, &function.zip) {
            let dir = function.zip.parent().context("zip path has no folder")?;
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            std::fs::copy(&built, &function.zip).with_context(|| {
                format!("copying {} to {}", built.display(), function.zip.display())
            })?;
        }
        let zip = std::fs::read(&function.zip)
            .with_context(|| format!("reading {}", function.zip.display()))?;
        let report =
            check_zip(&zip).with_context(|| format!("checking {}", function.zip.display()))?;
        println!(
            "{}: {}\n  zip        {:>10} bytes  {:>6.2} MB\n  bootstrap  {:>10} bytes  {:>6.2} MB  (aarch64 ELF, needs glibc {})",
            function.bin,
            function.zip.display(),
            zip.len(),
            mb(zip.len()),
            report.bootstrap_len,
            mb(report.bootstrap_len),
            report.glibc.map_or_else(
                || "none".to_owned(),
                |(major, minor)| format!("{major}.{minor}")
            ),
        );
    }
    Ok(())
}

/// Writes the `bootstrap` inside `zip` to `dest` as an executable, so the
/// tests run exactly what Lambda would.
pub fn extract_bootstrap(zip: &Path, dest: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    let bytes = std::fs::read(zip).with_context(|| format!("reading {}", zip.display()))?;
    let entry = find_entry(&bytes, BOOTSTRAP)?;
    let data = entry_data(&bytes, &entry)?;
    if let Some(dir) = dest.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(dest, data).with_context(|| format!("writing {}", dest.display()))?;
    std::fs::set_permissions(dest, std::fs::Permissions::from_mode(0o755))
        .with_context(|| format!("making {} executable", dest.display()))
}

/// Target directory of the Lambda build: another compiler, another target
/// and build-std, so kept apart from the native builds.
fn lambda_target_dir(ws: &Workspace) -> PathBuf {
    ws.target.join("lambda-build")
}

/// `cargo lambda build` of one binary; returns the zip it wrote
/// (`<target>/lambda/<bin>/bootstrap.zip`).
fn build(ws: &Workspace, tools: &LambdaTools, package: &str, bin: &str) -> Result<PathBuf> {
    let lambda_dir = ws.target.join("lambda");
    run(debian_cargo(ws, tools)
        // cargo-lambda hands `--target-dir` to `cargo metadata`, which
        // rejects it, so the target directory goes through the environment.
        .env("CARGO_TARGET_DIR", lambda_target_dir(ws))
        .args(["lambda", "build", "--release", "--arm64"])
        // No `rustup target add`: build-std needs no prebuilt std.
        .arg("--skip-target-check")
        .args(["-Zbuild-std=std,panic_abort", "--output-format", "zip"])
        .args(["--package", package, "--bin", bin, "--lambda-dir"])
        .arg(&lambda_dir))?;
    Ok(lambda_dir.join(bin).join(ZIP_NAME))
}

/// Debian's cargo and rustc first on PATH (cargo-lambda runs `cargo` and
/// `rustc` by name), nightly flags allowed as Debian's packaging does, and
/// cargo-lambda's folder on PATH so `cargo lambda` finds it.
fn debian_cargo(ws: &Workspace, tools: &LambdaTools) -> Command {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![PathBuf::from("/usr/bin")];
    if let Some(dir) = tools
        .cargo_lambda
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
    {
        dirs.push(dir.to_path_buf());
    }
    dirs.extend(std::env::split_paths(&path));
    let mut cmd = Command::new("/usr/bin/cargo");
    cmd.current_dir(&ws.root)
        .env("PATH", std::env::join_paths(dirs).unwrap_or(path))
        .env("CARGO", "/usr/bin/cargo")
        .env("RUSTC", "/usr/bin/rustc")
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_ZIGBUILD_ZIG_PATH", &tools.zig)
        // Set by rustup for the cargo that runs xtask; not for Debian's.
        .env_remove("RUSTUP_TOOLCHAIN");
    cmd
}

/// The functions the template builds from this workspace: every
/// `CodeUri: <path>/<bin>/bootstrap.zip`, resolved against `infra`.
fn functions(template: &str, infra: &Path) -> Result<Vec<Function>> {
    let mut found = Vec::new();
    for line in template.lines() {
        let Some(uri) = line.trim().strip_prefix("CodeUri:") else {
            continue;
        };
        let uri = uri.trim().trim_matches(['"', '\'']);
        let path = Path::new(uri);
        let bin = match (path.file_name(), path.parent().and_then(Path::file_name)) {
            (Some(zip), Some(bin)) if zip == ZIP_NAME => bin.to_string_lossy().into_owned(),
            _ => bail!(
                "{TEMPLATE}: `CodeUri: {uri}` is not a `.../<bin>/{ZIP_NAME}` that \
                 `cargo xtask package` knows how to build"
            ),
        };
        found.push(Function {
            bin,
            zip: normalise(&infra.join(path)),
        });
    }
    ensure!(
        !found.is_empty(),
        "{TEMPLATE} has no `CodeUri: .../<bin>/{ZIP_NAME}`"
    );
    Ok(found)
}

/// `a/b/../c` as `a/c`, without touching the file system (the zip's folder
/// need not exist yet).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// True if both paths name one existing file (the copy is then skipped).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// `(package, binary)` for every binary of the workspace's packages.
fn bin_packages(ws: &Workspace) -> Result<Vec<(String, String)>> {
    let json = capture(
        ws.cargo()
            .args(["metadata", "--no-deps", "--format-version", "1"]),
    )?;
    let metadata: serde_json::Value =
        serde_json::from_str(&json).context("parsing `cargo metadata`")?;
    let mut bins = Vec::new();
    for package in metadata["packages"].as_array().into_iter().flatten() {
        let Some(name) = package["name"].as_str() else {
            continue;
        };
        for target in package["targets"].as_array().into_iter().flatten() {
            let is_bin = target["kind"]
                .as_array()
                .is_some_and(|kinds| kinds.iter().any(|kind| kind == "bin"));
            if let (true, Some(bin)) = (is_bin, target["name"].as_str()) {
                bins.push((name.to_owned(), bin.to_owned()));
            }
        }
    }
    Ok(bins)
}

/// What [`check_zip`] found.
#[derive(Debug)]
struct ZipReport {
    /// Uncompressed size of `bootstrap`.
    bootstrap_len: usize,
    /// The newest `GLIBC_x.y` symbol version the binary asks for, if any.
    glibc: Option<(u32, u32)>,
}

/// Checks that `zip` holds an intact `bootstrap` that is an executable
/// 64-bit little-endian aarch64 ELF, needing no glibc newer than AL2023's.
fn check_zip(zip: &[u8]) -> Result<ZipReport> {
    let entry = find_entry(zip, BOOTSTRAP)?;
    if let Some(mode) = entry.unix_mode {
        ensure!(
            mode & 0o111 != 0,
            "`{BOOTSTRAP}` is not executable (mode {mode:o})"
        );
    }
    let bytes = entry_data(zip, &entry)?;
    check_elf(&bytes)?;
    let glibc = newest_glibc(&bytes);
    if let Some(needed) = glibc {
        ensure!(
            needed <= AL2023_GLIBC,
            "`{BOOTSTRAP}` needs glibc {}.{}, newer than Amazon Linux 2023's {}.{}",
            needed.0,
            needed.1,
            AL2023_GLIBC.0,
            AL2023_GLIBC.1
        );
    }
    Ok(ZipReport {
        bootstrap_len: bytes.len(),
        glibc,
    })
}

/// An ELF64, little-endian, aarch64 executable or position-independent one.
fn check_elf(bytes: &[u8]) -> Result<()> {
    ensure!(
        bytes.len() >= 64 && bytes.starts_with(b"\x7fELF"),
        "`{BOOTSTRAP}` is not an ELF file"
    );
    ensure!(bytes[4] == 2, "`{BOOTSTRAP}` is not a 64-bit ELF");
    ensure!(bytes[5] == 1, "`{BOOTSTRAP}` is not a little-endian ELF");
    let e_type = u16::from_le_bytes([bytes[16], bytes[17]]);
    ensure!(
        e_type == 2 || e_type == 3,
        "`{BOOTSTRAP}` is not an executable (ELF e_type {e_type})"
    );
    let e_machine = u16::from_le_bytes([bytes[18], bytes[19]]);
    ensure!(
        e_machine == EM_AARCH64,
        "`{BOOTSTRAP}` is not for aarch64 (ELF e_machine {e_machine}, expected {EM_AARCH64})"
    );
    Ok(())
}

/// The newest `GLIBC_<major>.<minor>` version name in the binary: the
/// symbol versions it asks the dynamic loader for.
fn newest_glibc(bytes: &[u8]) -> Option<(u32, u32)> {
    const PREFIX: &[u8] = b"GLIBC_";
    let number = |digits: &[u8]| -> Option<(u32, usize)> {
        let len = digits.iter().take_while(|b| b.is_ascii_digit()).count();
        let value = std::str::from_utf8(&digits[..len]).ok()?.parse().ok()?;
        Some((value, len))
    };
    bytes
        .windows(PREFIX.len())
        .enumerate()
        .filter(|(_, window)| *window == PREFIX)
        .filter_map(|(at, _)| {
            let rest = &bytes[at + PREFIX.len()..];
            let (major, len) = number(rest)?;
            let rest = rest.get(len..)?.strip_prefix(b".")?;
            let (minor, _) = number(rest)?;
            Some((major, minor))
        })
        .max()
}

/// One file of a zip, as its central directory describes it.
#[derive(Debug)]
struct Entry {
    method: u16,
    crc: u32,
    compressed_len: usize,
    len: usize,
    local_header: usize,
    /// Permission bits, when the zip was made on Unix.
    unix_mode: Option<u32>,
}

fn u16_at(bytes: &[u8], at: usize) -> Result<u16> {
    let field = bytes.get(at..at + 2).context("zip is truncated")?;
    Ok(u16::from_le_bytes([field[0], field[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Result<u32> {
    let field = bytes.get(at..at + 4).context("zip is truncated")?;
    Ok(u32::from_le_bytes([field[0], field[1], field[2], field[3]]))
}

fn usize_at(bytes: &[u8], at: usize) -> Result<usize> {
    let value = u32_at(bytes, at)?;
    ensure!(value != u32::MAX, "zip64 archives are not supported");
    usize::try_from(value).context("zip field out of range")
}

/// Finds `name` in the zip's central directory (a plain reader: no zip64,
/// no encryption, which cargo-lambda's zips never use).
fn find_entry(zip: &[u8], name: &str) -> Result<Entry> {
    const END: &[u8] = b"PK\x05\x06";
    const CENTRAL: u32 = 0x0201_4b50;
    // The end record is 22 bytes plus a comment of at most 64 KiB.
    let end = zip
        .windows(END.len())
        .rposition(|window| window == END)
        .filter(|at| zip.len() - at <= 22 + usize::from(u16::MAX))
        .context("not a zip file (no end of central directory record)")?;
    let entries = u16_at(zip, end + 10)?;
    let mut at = usize_at(zip, end + 16)?;
    let mut names = Vec::new();
    for _ in 0..entries {
        ensure!(
            u32_at(zip, at)? == CENTRAL,
            "zip central directory is corrupt"
        );
        let made_on_unix = u16_at(zip, at + 4)? >> 8 == 3;
        let name_len = usize::from(u16_at(zip, at + 28)?);
        let extra_len = usize::from(u16_at(zip, at + 30)?);
        let comment_len = usize::from(u16_at(zip, at + 32)?);
        let entry_name = zip
            .get(at + 46..at + 46 + name_len)
            .context("zip is truncated")?;
        if entry_name == name.as_bytes() {
            let external = u32_at(zip, at + 38)?;
            return Ok(Entry {
                method: u16_at(zip, at + 10)?,
                crc: u32_at(zip, at + 16)?,
                compressed_len: usize_at(zip, at + 20)?,
                len: usize_at(zip, at + 24)?,
                local_header: usize_at(zip, at + 42)?,
                unix_mode: made_on_unix.then_some((external >> 16) & 0o7777),
            });
        }
        names.push(String::from_utf8_lossy(entry_name).into_owned());
        at += 46 + name_len + extra_len + comment_len;
    }
    bail!("zip has no `{name}` (it holds: {})", names.join(", "))
}

/// The uncompressed bytes of `entry`, checked against its size and CRC-32.
fn entry_data(zip: &[u8], entry: &Entry) -> Result<Vec<u8>> {
    const LOCAL: u32 = 0x0403_4b50;
    let at = entry.local_header;
    ensure!(u32_at(zip, at)? == LOCAL, "zip local header is corrupt");
    let name_len = usize::from(u16_at(zip, at + 26)?);
    let extra_len = usize::from(u16_at(zip, at + 28)?);
    let start = at + 30 + name_len + extra_len;
    let data = zip
        .get(start..start + entry.compressed_len)
        .context("zip is truncated")?;
    let bytes = match entry.method {
        0 => data.to_vec(),
        8 => {
            let mut out = Vec::with_capacity(entry.len);
            DeflateDecoder::new(data)
                .read_to_end(&mut out)
                .context("inflating the zip entry")?;
            out
        }
        other => bail!("zip compression method {other} is not supported"),
    };
    ensure!(
        bytes.len() == entry.len,
        "zip entry is {} bytes, its header says {}",
        bytes.len(),
        entry.len
    );
    let mut crc = flate2::Crc::new();
    crc.update(&bytes);
    ensure!(crc.sum() == entry.crc, "zip entry fails its CRC-32 check");
    Ok(bytes)
}

/// Megabytes of 2^20 bytes, like the KB of `cargo xtask web`.
fn mb(bytes: usize) -> f64 {
    // Sizes are far below 2^52, so the conversion is exact.
    bytes as f64 / (1024.0 * 1024.0)
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use flate2::Compression;
    use flate2::write::DeflateEncoder;

    use super::*;

    /// A minimal ELF64 header for `machine`.
    fn elf(machine: u16) -> Vec<u8> {
        let mut bytes = vec![0u8; 256];
        bytes[..4].copy_from_slice(b"\x7fELF");
        bytes[4] = 2;
        bytes[5] = 1;
        bytes[16..18].copy_from_slice(&3u16.to_le_bytes());
        bytes[18..20].copy_from_slice(&machine.to_le_bytes());
        bytes.extend_from_slice(b"\0GLIBC_2.17\0GLIBC_2.28\0GLIBC_PRIVATE\0");
        bytes
    }

    /// A one-file zip (deflated, made on Unix with `mode`).
    fn zip(name: &str, data: &[u8], mode: u32) -> Vec<u8> {
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(data).unwrap();
        let compressed = encoder.finish().unwrap();
        let mut crc = flate2::Crc::new();
        crc.update(data);
        let sizes = |out: &mut Vec<u8>| {
            out.extend(crc.sum().to_le_bytes());
            out.extend(u32::try_from(compressed.len()).unwrap().to_le_bytes());
            out.extend(u32::try_from(data.len()).unwrap().to_le_bytes());
        };
        let name_len = u16::try_from(name.len()).unwrap().to_le_bytes();
        let mut out = Vec::new();
        out.extend(b"PK\x03\x04\x14\0\0\0\x08\0\0\0\0\0");
        sizes(&mut out);
        out.extend(name_len);
        out.extend([0, 0]);
        out.extend(name.as_bytes());
        out.extend(&compressed);
        let central = out.len();
        out.extend(b"PK\x01\x02\x14\x03\x14\0\0\0\x08\0\0\0\0\0");
        sizes(&mut out);
        out.extend(name_len);
        out.extend([0u8; 8]);
        out.extend(((0o100_000 | mode) << 16).to_le_bytes());
        out.extend(0u32.to_le_bytes());
        out.extend(name.as_bytes());
        let central_len = out.len() - central;
        out.extend(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
        out.extend(u32::try_from(central_len).unwrap().to_le_bytes());
        out.extend(u32::try_from(central).unwrap().to_le_bytes());
        out.extend([0, 0]);
        out
    }

    #[test]
    fn accepts_an_executable_aarch64_bootstrap() {
        let report = check_zip(&zip("bootstrap", &elf(EM_AARCH64), 0o755)).unwrap();
        assert_eq!(report.bootstrap_len, elf(EM_AARCH64).len());
        assert_eq!(report.glibc, Some((2, 28)));
    }

    #[test]
    fn rejects_other_machines_names_and_modes() {
        let x86_64 = check_zip(&zip("bootstrap", &elf(62), 0o755)).unwrap_err();
        assert!(format!("{x86_64:#}").contains("e_machine 62"), "{x86_64:#}");
        let misnamed = check_zip(&zip("api-lambda", &elf(EM_AARCH64), 0o755)).unwrap_err();
        assert!(
            format!("{misnamed:#}").contains("api-lambda"),
            "{misnamed:#}"
        );
        let not_executable = check_zip(&zip("bootstrap", &elf(EM_AARCH64), 0o644)).unwrap_err();
        assert!(
            format!("{not_executable:#}").contains("not executable"),
            "{not_executable:#}"
        );
        let text = check_zip(&zip("bootstrap", b"#!/bin/sh\n", 0o755)).unwrap_err();
        assert!(format!("{text:#}").contains("not an ELF"), "{text:#}");
        assert!(check_zip(b"not a zip").is_err());
    }

    #[test]
    fn rejects_a_glibc_newer_than_amazon_linux_2023() {
        let mut bytes = elf(EM_AARCH64);
        bytes.extend_from_slice(b"GLIBC_2.39\0");
        let err = check_zip(&zip("bootstrap", &bytes, 0o755)).unwrap_err();
        assert!(format!("{err:#}").contains("glibc 2.39"), "{err:#}");
    }

    #[test]
    fn functions_come_from_code_uris() {
        let template = "Resources:\n  Api:\n    Properties:\n      Handler: bootstrap\n      \
                        CodeUri: ../target/lambda/api-lambda/bootstrap.zip\n";
        let functions = functions(template, Path::new("/repo/infra")).unwrap();
        assert_eq!(
            functions,
            [Function {
                bin: "api-lambda".into(),
                zip: "/repo/target/lambda/api-lambda/bootstrap.zip".into(),
            }]
        );
        assert!(functions_err("CodeUri: s3://bucket/code.zip\n").contains("s3://"));
        assert!(functions_err("Resources: {}\n").contains("no `CodeUri"));
    }

    fn functions_err(template: &str) -> String {
        format!(
            "{:#}",
            functions(template, Path::new("/repo/infra")).unwrap_err()
        )
    }

    #[test]
    fn the_real_template_deploys_the_api_and_the_retention_job() {
        let ws = Workspace::locate().unwrap();
        let template = std::fs::read_to_string(ws.root.join(TEMPLATE)).unwrap();
        let functions = functions(&template, &ws.root.join("infra")).unwrap();
        for bin in ["api-lambda", "retention-lambda"] {
            let zip = ws.root.join(format!("target/lambda/{bin}/bootstrap.zip"));
            assert!(
                functions.iter().any(|f| f.bin == bin && f.zip == zip),
                "{bin}: {functions:?}"
            );
        }
    }
}
