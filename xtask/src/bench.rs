//! `cargo xtask bench <what> [args]`: benchmarks that print their figures.
//! Each runs against a fresh in-memory DynamoDB Local started here.
//!
//! - `ledger [--pupils N --interactions M --concurrency C --seed S]`: the
//!   encounter ledger's replay and reconciliation (tests/bench/ledger.rs).

use anyhow::{Context, Result};
use clap::ValueEnum;

use crate::engine::{self, Engine, Storage};
use crate::process;
use crate::tools::{self, Needs};
use crate::workspace::Workspace;

#[derive(Clone, Copy, ValueEnum)]
pub enum Bench {
    /// Replay a synthetic fair over HTTP and reconcile the exports exactly.
    Ledger,
}

pub fn run(ws: &Workspace, bench: Bench, args: &[String]) -> Result<()> {
    let needs = Needs {
        engine: true,
        browser: false,
        cfn_lint: false,
    };
    let tools = tools::ensure(ws, needs)?;
    let jar_dir = tools
        .dynamodb_local
        .as_deref()
        .context("DynamoDB Local missing")?;
    let log = ws.target.join("dynamodb-local-bench.log");
    let engine = Engine::start(jar_dir, engine::free_port()?, &Storage::InMemory, &log)?;
    let name = match bench {
        Bench::Ledger => "ledger",
    };
    let result = process::run(
        ws.cargo()
            .args(["bench", "--package", "tests", "--bench", name, "--"])
            .args(args)
            .env("DYNAMODB_ENDPOINT", engine.endpoint()),
    );
    engine.stop();
    result
}
