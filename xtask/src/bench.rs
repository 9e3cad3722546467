//! `cargo xtask bench <what> [args]`: benchmarks that print their figures.
//! Each runs against a DynamoDB Local started here: in memory, or with
//! `--engine-dir DIR` on disk in DIR, so that a large replay's table can be
//! read again afterwards (e.g. by `bench export --table T`).
//!
//! - `ledger [--pupils N --interactions M --concurrency C --seed S]`: the
//!   encounter ledger's replay and reconciliation (tests/bench/ledger.rs).
//! - `export --table T [--rounds R]`: the per-pupil export of a table a
//!   ledger replay left (with `--engine-dir`), beside a bare read of the
//!   same items (tests/bench/export.rs).
//! - `lambda`: the API function under a local Runtime API: init duration,
//!   warm latency beside axum::serve, zip size (tests/bench/lambda.rs).
//! - `web [--rounds R]`: the pupil's first load, gzipped, against its
//!   budget, and the time until the hall is usable in headless Chromium on
//!   a throttled network, beside a static HTML hall (tests/bench/web.rs).

use std::ffi::OsString;

use anyhow::{Context, Result};
use clap::ValueEnum;

use crate::engine::{self, Engine, Storage};
use crate::process;
use crate::secrets::SecretsManager;
use crate::tools::{self, Needs};
use crate::web;
use crate::workspace::Workspace;

#[derive(Clone, Copy, ValueEnum)]
pub enum Bench {
    /// Replay a synthetic fair over HTTP and reconcile the exports exactly.
    Ledger,
    /// Time the per-pupil export of a table a ledger replay left behind.
    Export,
    /// Run the Lambda binary under a local Runtime API and time it.
    Lambda,
    /// Size the pupil's first load and time the hall in a throttled
    /// Chromium, beside a static HTML page of the same hall.
    Web,
}

pub fn run(ws: &Workspace, bench: Bench, args: &[String]) -> Result<()> {
    let needs = Needs {
        engine: true,
        browser: matches!(bench, Bench::Web),
        cfn_lint: false,
    };
    let tools = tools::ensure(ws, needs)?;
    let jar_dir = tools
        .dynamodb_local
        .as_deref()
        .context("DynamoDB Local missing")?;
    let (storage, args) = storage(args)?;
    let log = ws.target.join("dynamodb-local-bench.log");
    let engine = Engine::start(jar_dir, engine::free_port()?, &storage, &log)?;
    let args = &args[..];
    let result = match bench {
        Bench::Ledger => run_bench(ws, "ledger", args, &engine, []),
        Bench::Export => run_bench(ws, "export", args, &engine, []),
        Bench::Lambda => {
            // The function optimised like the benchmarks (the `bench`
            // profile writes to target/release), run natively, reading its
            // key from a local Secrets Manager in one of the two cases.
            process::run(ws.cargo().args([
                "build",
                "--profile",
                "bench",
                "--package",
                "lambda",
                "--bin",
                "api-lambda",
            ]))
            .and_then(|()| {
                let log = ws.target.join("moto-bench.log");
                let secrets = SecretsManager::start(&tools::moto_server()?, &log)?;
                let endpoint = ("SECRETS_MANAGER_ENDPOINT", secrets.endpoint().into());
                let result = run_bench(ws, "lambda", args, &engine, [endpoint]);
                secrets.stop();
                result
            })
        }
        // The release build a pupil downloads, as the browser tests get it.
        Bench::Web => web::build(ws, &tools)
            .and_then(|dist| run_bench(ws, "web", args, &engine, tools::browser_env(&dist))),
    };
    // A dropped write explains any failed reconciliation, so it comes first.
    let result = engine.check_no_dropped_writes().and(result);
    engine.stop();
    result
}

fn run_bench(
    ws: &Workspace,
    name: &str,
    args: &[String],
    engine: &Engine,
    env: impl IntoIterator<Item = (&'static str, OsString)>,
) -> Result<()> {
    process::run(
        ws.cargo()
            .args(["bench", "--package", "tests", "--bench", name, "--"])
            .args(args)
            .env("DYNAMODB_ENDPOINT", engine.endpoint())
            .env(
                "API_LAMBDA_BIN",
                ws.target.join("release").join("api-lambda"),
            )
            .env(
                "LAMBDA_ZIP",
                ws.root.join("target/lambda/api-lambda/bootstrap.zip"),
            )
            .envs(env),
    )
}

/// Takes `--engine-dir DIR` out of the benchmark's arguments.
fn storage(args: &[String]) -> Result<(Storage, Vec<String>)> {
    let mut rest = Vec::with_capacity(args.len());
    let mut storage = Storage::InMemory;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if word == "--engine-dir" {
            let dir = words.next().context("--engine-dir needs a folder")?;
            storage = Storage::Dir(dir.into());
        } else {
            rest.push(word.clone());
        }
    }
    Ok((storage, rest))
}
