//! A DynamoDB Local of a test's own, for tests that stop and restart the
//! engine. `cargo xtask test` says where the engine is installed in
//! `DYNAMODB_LOCAL_DIR`; its data lives in a temporary folder, so it
//! survives a restart as the real service's does.

use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::process::{Child, Command};

pub struct OwnEngine {
    jar_dir: PathBuf,
    data: tempfile::TempDir,
    pub port: u16,
    process: Option<Child>,
}

impl OwnEngine {
    pub async fn start() -> Self {
        let jar_dir = std::env::var_os("DYNAMODB_LOCAL_DIR").map(PathBuf::from).expect(
            "DYNAMODB_LOCAL_DIR is not set: run the tests with `cargo xtask test`, which installs DynamoDB Local",
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("bind")
            .local_addr()
            .expect("addr")
            .port();
        let mut engine = Self {
            jar_dir,
            data: tempfile::tempdir().expect("data dir"),
            port,
            process: None,
        };
        engine.restart().await;
        engine
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn command(jar_dir: &Path, port: u16, data: &Path) -> Command {
        let mut command = Command::new("java");
        command
            .arg(format!(
                "-Djava.library.path={}",
                jar_dir.join("DynamoDBLocal_lib").display()
            ))
            .arg("-jar")
            .arg(jar_dir.join("DynamoDBLocal.jar"))
            .args([
                "-port",
                &port.to_string(),
                "-sharedDb",
                "-disableTelemetry",
                "-dbPath",
            ])
            .arg(data)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true);
        command
    }

    /// Starts the engine (again) on the same port and data, and waits until
    /// it accepts connections.
    pub async fn restart(&mut self) {
        let child = Self::command(&self.jar_dir, self.port, self.data.path())
            .spawn()
            .expect("start DynamoDB Local");
        self.process = Some(child);
        for _ in 0..150 {
            if tokio::net::TcpStream::connect(("127.0.0.1", self.port))
                .await
                .is_ok()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("DynamoDB Local did not start on port {}", self.port);
    }

    /// Stops the engine (SIGTERM) while requests are in flight, and waits
    /// until it has gone.
    pub async fn stop(&mut self) {
        if let Some(mut child) = self.process.take() {
            let pid = child.id().expect("running engine has a pid");
            let status = Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status()
                .await
                .expect("kill");
            assert!(status.success(), "could not signal the engine");
            child.wait().await.expect("engine stopped");
        }
    }
}
