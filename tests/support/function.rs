//! Starts the real `api-lambda` binary as Lambda would, pointed at a
//! [`RuntimeApi`](crate::runtime_api::RuntimeApi) and the local engine.
//! `cargo xtask test` gives the arm64 `bootstrap` from the Lambda package in
//! `API_LAMBDA_BIN` and the emulator that runs it here in
//! `API_LAMBDA_RUNNER` (e.g. `qemu-aarch64-static -L /usr/aarch64-linux-gnu`);
//! without them, the native debug build runs.

use std::path::PathBuf;
use std::process::Stdio;
use tokio::process::{Child, Command};

pub fn binary() -> PathBuf {
    let path = std::env::var_os("API_LAMBDA_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            // target/debug/deps/<test> -> target/debug/api-lambda
            let exe = std::env::current_exe().expect("test binary path");
            exe.parent()
                .and_then(|deps| deps.parent())
                .expect("target dir")
                .join("api-lambda")
        });
    assert!(
        path.exists(),
        "{} is missing: build it with `cargo build -p lambda --bin api-lambda` (cargo xtask test does)",
        path.display()
    );
    path
}

/// Starts the function with Lambda's environment plus `settings` (a `None`
/// value leaves that variable unset). With `capture_logs` its output is
/// piped for the caller to read (and must be read, or a full pipe stalls
/// it); otherwise it is discarded.
pub fn start(runtime_api: &str, settings: &[(&str, Option<String>)], capture_logs: bool) -> Child {
    let output = || {
        if capture_logs {
            Stdio::piped()
        } else {
            Stdio::null()
        }
    };
    let runner = std::env::var("API_LAMBDA_RUNNER").unwrap_or_default();
    let mut runner = runner.split_whitespace();
    let mut command = match runner.next() {
        Some(emulator) => {
            let mut command = Command::new(emulator);
            command.args(runner).arg(binary());
            command
        }
        None => Command::new(binary()),
    };
    command
        .env_clear()
        .env("AWS_LAMBDA_RUNTIME_API", runtime_api)
        .env("AWS_LAMBDA_FUNCTION_NAME", "careers-fair-api")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_REGION", "eu-west-2")
        .env("RUST_LOG", "info")
        .stdout(output())
        .stderr(output())
        .kill_on_drop(true);
    for (name, value) in settings {
        if let Some(value) = value {
            command.env(name, value);
        }
    }
    command.spawn().expect("start api-lambda")
}
