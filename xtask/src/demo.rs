//! `cargo xtask demo`: a demo fair on this machine, served at
//! http://127.0.0.1:3000 until Ctrl-C.
//!
//! Everything it makes is kept under `<repo>/.local/` (DynamoDB data, the
//! signing key, prospectus files), so a second run reuses it and starts in
//! seconds. Seeding is idempotent: the demo fair is created once.

use std::io::Write as _;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use nix::sys::signal::Signal;
use rand::distr::{Alphanumeric, SampleString as _};

use crate::engine::{self, Engine, Storage};
use crate::process::{self, Running};
use crate::tools::{self, Needs};
use crate::web;
use crate::workspace::Workspace;

/// Versioned: a table from before the roster index (2), or before resume
/// codes, stand links and opportunities (3), is left alone on disk.
const TABLE_NAME: &str = "careers-fair-demo-3";
const ENGINE_PORT: u16 = 8000;
const API_PORT: u16 = 3000;
const BASE_URL: &str = "http://127.0.0.1:3000";
/// The API requires at least 32 characters; 48 alphanumerics is ~285 bits.
const SIGNING_KEY_LEN: usize = 48;
const API_START_TIMEOUT: Duration = Duration::from_secs(60);

/// Builds, seeds and serves the demo fair until Ctrl-C.
pub fn run(ws: &Workspace) -> Result<()> {
    let tools = tools::ensure(
        ws,
        Needs {
            engine: true,
            browser: false,
            cfn_lint: false,
        },
    )?;
    let jar_dir = tools
        .dynamodb_local
        .as_deref()
        .context("DynamoDB Local was not installed")?;

    println!("==> building the front end");
    let dist = web::build(ws, &tools)?;
    println!("==> building the API");
    process::run(ws.cargo().args(["build", "-p", "lambda", "--bins"]))?;
    if engine::answers(API_PORT) {
        bail!("port {API_PORT} is in use (another demo still running?); stop it and retry");
    }

    let local = ws.local_dir();
    let mut engine = Engine::reuse_or_start(
        jar_dir,
        ENGINE_PORT,
        &Storage::Dir(local.join("dynamodb")),
        &local.join("dynamodb.log"),
    )?;
    let files_dir = local.join("files");
    std::fs::create_dir_all(&files_dir)
        .with_context(|| format!("creating {}", files_dir.display()))?;
    demo_video(&files_dir.join("demo/workplace-insight.webm"))?;
    let env = [
        ("TABLE_NAME", TABLE_NAME.to_owned()),
        ("DYNAMODB_ENDPOINT", engine.endpoint()),
        ("SIGNING_KEY", signing_key(&local.join("signing.key"))?),
    ];

    println!("==> creating the table and seeding the demo fair");
    let admin = ws.debug_bin("careers-admin");
    process::run(Command::new(&admin).arg("create-table").envs(env.clone()))?;
    let seeded = process::capture(
        Command::new(&admin)
            .arg("seed-demo")
            .arg("--files-dir")
            .arg(&files_dir)
            .args(["--base-url", BASE_URL])
            .envs(env.clone())
            .stderr(Stdio::inherit()),
    )?;

    println!("==> starting the API on {BASE_URL}");
    let mut api = Running::spawn(
        "api-local",
        Command::new(ws.debug_bin("api-local"))
            .envs(env)
            .env("BIND_ADDR", format!("127.0.0.1:{API_PORT}"))
            .env("STATIC_DIR", &dist)
            .env("FILES_DIR", &files_dir)
            .stdin(Stdio::null()),
        Signal::SIGINT,
    )?;
    let started = Instant::now();
    while !engine::answers(API_PORT) {
        if let Some(status) = api.try_status()? {
            bail!("api-local exited ({status}) before listening on port {API_PORT}");
        }
        if process::interrupted() || started.elapsed() > API_START_TIMEOUT {
            bail!("api-local did not start listening on port {API_PORT}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }

    println!("\n{}", seeded.trim_end());
    println!("\nOpen {}", first_url(&seeded).unwrap_or(BASE_URL));
    println!(
        "(Ctrl-C stops the API and DynamoDB Local; data stays in {})",
        local.display()
    );
    std::io::stdout().flush()?;

    while !process::interrupted() {
        if let Some(status) = api.try_status()? {
            bail!("api-local stopped unexpectedly ({status})");
        }
        if let Some(status) = engine.exited()? {
            bail!("DynamoDB Local stopped unexpectedly ({status})");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    println!("\nstopping the API and DynamoDB Local");
    api.stop();
    engine.stop();
    Ok(())
}

/// The demo's signing key: made once (random, readable by the owner only)
/// and kept, so sign-in links and pupil sessions survive a restart.
fn signing_key(path: &Path) -> Result<String> {
    if path.exists() {
        let key =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let key = key.trim();
        if key.len() < 32 {
            bail!(
                "{} holds fewer than 32 characters; delete it to make a new key",
                path.display()
            );
        }
        return Ok(key.to_owned());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let key = Alphanumeric.sample_string(&mut rand::rng(), SIGNING_KEY_LEN);
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .and_then(|mut file| file.write_all(key.as_bytes()))
        .with_context(|| format!("writing {}", path.display()))?;
    println!("made a new signing key in {}", path.display());
    Ok(key)
}

/// The first link into the demo that seeding printed (the fair's page).
fn first_url(seeded: &str) -> Option<&str> {
    seeded
        .split_whitespace()
        .find(|word| word.starts_with(BASE_URL))
}

/// The demo stands' workplace-insight video: eight seconds of ffmpeg's test
/// pattern with a tone, made once (each stand's seed adds its own captions).
fn demo_video(path: &Path) -> Result<()> {
    if path.exists() {
        return Ok(());
    }
    tools::ffmpeg()?;
    println!("==> making the demo video {}", path.display());
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    process::run(
        Command::new("ffmpeg")
            .args(["-hide_banner", "-loglevel", "error", "-y"])
            .args([
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=640x360:rate=25:duration=8",
            ])
            .args(["-f", "lavfi", "-i", "sine=frequency=440:duration=8"])
            .args(["-c:v", "libvpx", "-deadline", "realtime", "-b:v", "400k"])
            .args(["-c:a", "libvorbis", "-shortest"])
            .arg(path),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_demo_link_is_the_one_to_open() {
        let seeded =
            "Fair: http://127.0.0.1:3000/fairs/f1\nOrganiser: http://127.0.0.1:3000/sign-in#t\n";
        assert_eq!(first_url(seeded), Some("http://127.0.0.1:3000/fairs/f1"));
        assert_eq!(first_url("nothing to open"), None);
    }
}
