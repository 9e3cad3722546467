//! A local Secrets Manager (moto's server) for the tests: the Lambda
//! function reads its signing key from Secrets Manager at start, and the
//! runtime test proves it does so against this.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use nix::sys::signal::Signal;

use crate::engine::{answers, free_port};
use crate::process::Running;

/// moto imports much of boto3 before it listens; a few seconds usually.
const START_TIMEOUT: Duration = Duration::from_secs(60);

pub struct SecretsManager {
    port: u16,
    process: Running,
}

impl SecretsManager {
    /// Starts `moto_server` on a free port, logging to `log`, and waits
    /// until it accepts connections.
    pub fn start(moto_server: &Path, log: &Path) -> Result<Self> {
        let port = free_port()?;
        let log_file = File::create(log).with_context(|| format!("creating {}", log.display()))?;
        let mut cmd = Command::new(moto_server);
        cmd.args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdin(Stdio::null())
            .stdout(log_file.try_clone()?)
            .stderr(log_file);
        let mut process = Running::spawn("moto_server", &mut cmd, Signal::SIGTERM)?;
        let started = Instant::now();
        while !answers(port) {
            if let Some(status) = process.try_status()? {
                bail!("moto_server exited ({status}); see {}", log.display());
            }
            if started.elapsed() > START_TIMEOUT {
                bail!(
                    "moto_server did not open port {port} within {START_TIMEOUT:?}; see {}",
                    log.display()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(Self { port, process })
    }

    /// What the AWS SDK takes as `AWS_ENDPOINT_URL_SECRETS_MANAGER`.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn stop(mut self) {
        self.process.stop();
    }
}
