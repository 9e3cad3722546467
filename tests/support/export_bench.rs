//! The per-pupil export measured beside a bare read of the same items, for
//! `cargo xtask bench ledger` and `cargo xtask bench export`: wall time of
//! each (alternating, so both meet the same noise), the ratio, and the heap
//! the export needed at its peak. The export's rows are summed per school
//! and year group as they arrive and checked against the aggregate exports.

use crate::TestApp;
use crate::replay::{ExportFormat, SchoolRow, exported, pupil_row};
use anyhow::{Context, bail};
use futures::TryStreamExt;
use peakmem_alloc::{PeakMemAlloc, PeakMemAllocTrait};
use shared::domain::FairId;
use std::alloc::System;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

#[derive(Debug, Default)]
pub struct ExportFigures {
    pub bare: Vec<Duration>,
    pub export: Vec<Duration>,
    pub items: u64,
    pub rows: u64,
    pub bytes: u64,
    /// The most heap in use during an export, above what was in use before
    /// (counted by wrapping the process's allocator).
    pub peak_heap: usize,
}

impl ExportFigures {
    fn median(times: &[Duration]) -> Duration {
        let mut sorted = times.to_vec();
        sorted.sort();
        sorted[sorted.len() / 2]
    }

    pub fn print(&self) {
        let bare = Self::median(&self.bare).as_secs_f64();
        let export = Self::median(&self.export).as_secs_f64();
        println!(
            "per-pupil export:           {} pupils, {:.1} MB of CSV; median of {} runs {:.2} s ({:.0} pupils/s)",
            self.rows,
            self.bytes as f64 / 1e6,
            self.export.len(),
            export,
            self.rows as f64 / export
        );
        println!(
            "bare paginated read:        {} roster items; median of {} runs {:.2} s (same index, same pages, no HTTP or CSV)",
            self.items,
            self.bare.len(),
            bare
        );
        println!(
            "ratio export : bare read =  {:.2} (budget 1.5)",
            export / bare
        );
        println!(
            "export peak heap:           {:.1} MB above the baseline (budget 256 MB; server and client both counted)",
            self.peak_heap as f64 / 1e6
        );
    }
}

/// Times the per-pupil export of `fair` and a bare read of the same roster
/// items, `rounds` times each, alternating; fails if the export's rows do
/// not add up to the aggregate exports.
pub async fn measure(
    app: &TestApp,
    fair: &FairId,
    rounds: usize,
    alloc: &PeakMemAlloc<System>,
) -> anyhow::Result<ExportFigures> {
    let organiser = app.token_for(&careers_api::auth::Caller::Organiser { fair: fair.clone() });
    let aggregates = exported_aggregates(app, fair, &organiser).await?;
    let mut figures = ExportFigures::default();
    for _ in 0..rounds {
        let started = Instant::now();
        let items = app
            .store
            .roster_items(fair)
            .try_fold(0u64, |n, _| async move { Ok(n + 1) })
            .await?;
        figures.bare.push(started.elapsed());
        figures.items = items;

        alloc.reset_peak_memory();
        let started = Instant::now();
        let streamed = stream_export(app, fair, &organiser).await?;
        figures.export.push(started.elapsed());
        figures.peak_heap = figures.peak_heap.max(alloc.get_peak_memory());
        figures.rows = streamed.rows;
        figures.bytes = streamed.bytes;
        if streamed.sums != aggregates {
            bail!(
                "the per-pupil export does not add up to the aggregate exports:\n  per pupil: {:?}\n  aggregate: {:?}",
                streamed.sums,
                aggregates
            );
        }
    }
    Ok(figures)
}

/// Sums per school and per year group: (pupils, encounters, BM5, BM7).
type Sums = BTreeMap<String, [u64; 4]>;

struct Streamed {
    rows: u64,
    bytes: u64,
    sums: Sums,
}

/// What the schools and year-group exports say, in the shape of [`Sums`].
async fn exported_aggregates(
    app: &TestApp,
    fair: &FairId,
    organiser: &str,
) -> anyhow::Result<Sums> {
    let exported = exported(&app.http, &app.address, fair, organiser, ExportFormat::Csv).await?;
    let row = |r: &SchoolRow| [r.joined, r.encounters, r.bm5, r.bm7];
    let mut sums = Sums::new();
    for (school, totals) in &exported.schools {
        sums.insert(format!("school {school}"), row(totals));
    }
    for (year, totals) in &exported.years {
        sums.insert(format!("year {year}"), row(totals));
    }
    Ok(sums)
}

/// Reads the per-pupil export as it arrives, one line at a time, keeping
/// only the running sums.
async fn stream_export(app: &TestApp, fair: &FairId, organiser: &str) -> anyhow::Result<Streamed> {
    let url = format!("{}/api/fairs/{fair}/exports/pupils.csv", app.address);
    let mut response = app
        .http
        .get(url)
        .bearer_auth(organiser)
        .send()
        .await?
        .error_for_status()?;
    let mut streamed = Streamed {
        rows: 0,
        bytes: 0,
        sums: Sums::new(),
    };
    let mut pending = Vec::new();
    let mut header_seen = false;
    while let Some(chunk) = response.chunk().await.context("reading the export")? {
        streamed.bytes += chunk.len() as u64;
        pending.extend_from_slice(&chunk);
        // Names cannot hold line breaks, so every line is a whole record.
        let complete = match pending.iter().rposition(|b| *b == b'\n') {
            Some(end) => end + 1,
            None => continue,
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(!header_seen)
            .from_reader(&pending[..complete]);
        header_seen = true;
        for record in reader.records() {
            let record: Vec<String> = record?.iter().map(str::to_owned).collect();
            let row = pupil_row(&record)?;
            for key in [
                format!("school {}", row.school),
                format!("year {}", row.year_group),
            ] {
                let sums = streamed.sums.entry(key).or_default();
                sums[0] += 1;
                sums[1] += row.encounters;
                sums[2] += row.bm5;
                sums[3] += row.bm7;
            }
            streamed.rows += 1;
        }
        pending.drain(..complete);
    }
    if !pending.is_empty() {
        bail!("the export ended part-way through a line");
    }
    Ok(streamed)
}
