//! `cargo xtask bench export --engine-dir DIR --table T`: the per-pupil
//! export of a fair that `cargo xtask bench ledger --engine-dir DIR` left
//! in table T (e.g. the 40x replay), timed beside a bare paginated read of
//! the same roster items, with the heap it needed at its peak.
//!
//! Arguments: --table T [--rounds R] (R defaults to 3).

use anyhow::Context;
use careers_api::demo;
use peakmem_alloc::{INSTRUMENTED_SYSTEM, PeakMemAlloc};
use shared::domain::FairId;
use std::alloc::System;
use tests::export_bench::measure;

/// The table a ledger replay left, and how many times to time each way.
#[derive(clap::Parser)]
struct Args {
    #[arg(long)]
    table: String,
    #[arg(long, default_value_t = 3)]
    rounds: usize,
}

#[global_allocator]
static ALLOC: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let Args { table, rounds } = tests::bench_args();
    let endpoint = std::env::var("DYNAMODB_ENDPOINT")
        .context("DYNAMODB_ENDPOINT is not set: run `cargo xtask bench export`")?;
    let app = tests::attach_app(&endpoint, &table).await;
    let fair = FairId::parse(demo::DEMO_FAIR)?;
    println!("per-pupil export of {fair} in table {table}, {rounds} rounds");
    measure(&app, &fair, rounds, ALLOC).await?.print();
    println!("reconciled: the per-pupil rows add up to the school and year-group exports exactly");
    Ok(())
}
