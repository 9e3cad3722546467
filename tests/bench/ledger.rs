//! `cargo xtask bench ledger`: replays a seeded synthetic fair over HTTP
//! against the real router and the local DynamoDB engine, reconciles the
//! organiser's exports with totals computed independently, and prints the
//! figures side by side with the bare engine's PutItem rate from this run.
//!
//! Arguments: --pupils N --interactions M --concurrency C --seed S
//! (default: West Somerset's 2,900 pupils and 25,000 interactions, C = 32).

use anyhow::Context;
use aws_sdk_dynamodb::types::AttributeValue;
use careers_api::demo;
use careers_api::state::dynamodb_client;
use futures::{StreamExt, stream};
use peakmem_alloc::{INSTRUMENTED_SYSTEM, PeakMemAlloc};
use shared::domain::FairId;
use std::alloc::System;
use std::sync::Arc;
use std::time::Instant;
use tests::export_bench::measure;
use tests::replay::{Progress, join_all, plan, reconcile, send_all};

#[global_allocator]
static ALLOC: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

/// On-demand prices (USD per million request units, us-east-1, since the
/// November 2024 price change); other regions cost a little more.
const USD_PER_MILLION_WRITE_UNITS: f64 = 0.625;
const USD_PER_MILLION_READ_UNITS: f64 = 0.125;

/// A seeded synthetic fair (default: West Somerset's size).
#[derive(clap::Parser)]
struct Args {
    #[arg(long, default_value_t = 2_900)]
    pupils: usize,
    #[arg(long, default_value_t = 25_000)]
    interactions: usize,
    /// Clients sending at once.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    #[arg(long, default_value_t = 2020)]
    seed: u64,
}

/// PutItems of interaction-sized items straight to the engine, `concurrency`
/// at a time: the engine's own write rate on this machine, in this run.
async fn bare_put_rate(endpoint: &str, count: usize, concurrency: usize) -> anyhow::Result<f64> {
    let store = careers_api::store::Store::new(
        dynamodb_client(Some(endpoint)).await,
        format!("bench-bare-{}", uuid::Uuid::new_v4()),
    );
    store.create_table_if_missing().await?;
    let client = dynamodb_client(Some(endpoint)).await;
    let table = store.table_name().to_owned();
    let started = Instant::now();
    let results = stream::iter((0..count).map(|i| {
        let put = client
            .put_item()
            .table_name(&table)
            .item(
                "pk",
                AttributeValue::S(format!("PUPIL#bench#{}", uuid::Uuid::new_v4())),
            )
            .item("sk", AttributeValue::S(format!("INT#{i}")))
            .item("stand", AttributeValue::S("exmoor-engineering".into()))
            .item(
                "kind",
                AttributeValue::M([("type".to_owned(), AttributeValue::S("visit".into()))].into()),
            )
            .item("at", AttributeValue::N("1795453200".into()))
            .condition_expression("attribute_not_exists(pk)");
        async move { put.send().await }
    }))
    .buffer_unordered(concurrency)
    .collect::<Vec<_>>()
    .await;
    let elapsed = started.elapsed();
    for result in results {
        result.context("bare PutItem")?;
    }
    store.delete_table().await?;
    Ok(count as f64 / elapsed.as_secs_f64())
}

/// A line a minute while the interactions go in, since at 40x they take
/// hours and the engine's file must not be read meanwhile.
async fn report_progress(progress: Arc<Progress>, total: usize) {
    let started = Instant::now();
    let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
    every.tick().await;
    loop {
        every.tick().await;
        let answered = progress.answered();
        println!(
            "  ... {answered} of {total} requests answered after {:.0} s ({:.0}/s)",
            started.elapsed().as_secs_f64(),
            answered as f64 / started.elapsed().as_secs_f64()
        );
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Args = tests::bench_args();
    let endpoint = std::env::var("DYNAMODB_ENDPOINT")
        .context("DYNAMODB_ENDPOINT is not set: run `cargo xtask bench ledger`")?;
    println!(
        "ledger replay: {} pupils, {} interactions (+10% sent twice), {} concurrent clients, seed {}",
        args.pupils, args.interactions, args.concurrency, args.seed
    );

    let bare_count = args.interactions.clamp(1_000, 20_000);
    let bare = bare_put_rate(&endpoint, bare_count, args.concurrency).await?;

    let app = tests::spawn_app().await;
    println!("table:                      {}", app.store.table_name());
    let files = tempfile::tempdir()?;
    let summary = demo::seed(&app.store, files.path()).await?;
    let fair = FairId::parse(demo::DEMO_FAIR)?;
    let plan = plan(
        args.seed,
        &summary.schools,
        &summary.stands,
        args.pupils,
        args.interactions,
    );

    let joining = Instant::now();
    let tokens = join_all(&app.http, &app.address, &fair, &plan, args.concurrency).await?;
    let join_time = joining.elapsed();
    let before = app.store.capacity_used();
    let progress = Arc::new(Progress::default());
    let ticker = tokio::spawn(report_progress(progress.clone(), plan.sends.len()));
    let outcome = send_all(
        &app.http,
        &app.address,
        &fair,
        &plan,
        &tokens,
        args.concurrency,
        &progress,
    )
    .await?;
    ticker.abort();
    let used = app.store.capacity_used();

    let differences = reconcile(&app, &fair, &plan).await?;

    let created = outcome.created as f64;
    let seconds = outcome.elapsed.as_secs_f64();
    let write_units = (used.write_units - before.write_units) / created;
    let read_units = (used.read_units - before.read_units) / plan.sends.len() as f64;
    let per_pupil = args.interactions as f64 / args.pupils as f64;
    let cost_per_10k_pupils = 10_000.0
        * per_pupil
        * (write_units * USD_PER_MILLION_WRITE_UNITS
            + read_units * (1.0 + 0.1) * USD_PER_MILLION_READ_UNITS)
        / 1e6;

    println!(
        "joins:                      {} in {:.1} s ({:.0}/s)",
        tokens.len(),
        join_time.as_secs_f64(),
        tokens.len() as f64 / join_time.as_secs_f64()
    );
    println!(
        "requests sent:              {} ({} new, {} replays answered 200, {} retries after errors)",
        plan.sends.len(),
        outcome.created,
        outcome.replayed,
        outcome.retries
    );
    println!("new interactions/s:         {:.0}", created / seconds);
    println!(
        "requests/s:                 {:.0}",
        plan.sends.len() as f64 / seconds
    );
    println!(
        "latency p50 / p99:          {:.1} ms / {:.1} ms",
        outcome.percentile(0.5).as_secs_f64() * 1e3,
        outcome.percentile(0.99).as_secs_f64() * 1e3
    );
    println!("write units per new interaction: {write_units:.2}");
    println!("read units per request:     {read_units:.2}");
    println!(
        "bare engine PutItem/s:      {bare:.0} ({bare_count} puts, same concurrency, same run)"
    );
    println!(
        "ratio interactions/s : bare puts/s = {:.3}",
        created / seconds / bare
    );
    println!(
        "DynamoDB cost per 10,000 pupils at {per_pupil:.1} interactions each: ${cost_per_10k_pupils:.4} (on-demand, ${USD_PER_MILLION_WRITE_UNITS}/M writes, ${USD_PER_MILLION_READ_UNITS}/M reads)"
    );
    if !differences.is_empty() {
        eprintln!("RECONCILIATION FAILED: {} differences", differences.len());
        for line in differences.iter().take(50) {
            eprintln!("  {line}");
        }
        std::process::exit(1);
    }
    println!(
        "reconciled: every school, year-group, stand and per-pupil row in the exports matches the plan exactly"
    );
    measure(&app, &fair, 3, ALLOC).await?.print();
    Ok(())
}
