//! A deterministic synthetic fair replayed over HTTP, and the totals it must
//! produce, computed here independently of the API's encounter rules. Used
//! by the replay and fault tests and by `cargo xtask bench ledger`.

use anyhow::{Context, bail};
use careers_api::model::{School, Stand};
use futures::{StreamExt, stream};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use shared::api::{JoinRequest, JoinedPupil, RecordInteraction};
use shared::domain::{Benchmark, FairId, InteractionId, InteractionKind, SchoolId, StandId};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Totals for one school, as the schools export has them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SchoolRow {
    pub joined: u64,
    pub attended: u64,
    pub interactions: u64,
    pub encounters: u64,
    pub bm5: u64,
    pub bm7: u64,
    /// Pupils with at least one BM5 encounter, at least one BM7 encounter,
    /// and at least four encounters.
    pub with_bm5: u64,
    pub with_bm7: u64,
    pub with_four: u64,
}

/// Totals for one stand, as the exhibitors export has them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StandRow {
    pub interactions: u64,
    pub encounters: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expected {
    pub schools: BTreeMap<String, SchoolRow>,
    /// By year group, in the same shape as a school's row.
    pub years: BTreeMap<u8, SchoolRow>,
    pub stands: BTreeMap<String, StandRow>,
    /// How many pupils the per-pupil export lists with each row's contents.
    pub pupils: BTreeMap<PupilRow, u64>,
}

/// A row of the per-pupil export without the pupil's id and pseudonym
/// (which the server mints): school, year group, encounters (all, BM5,
/// BM7) and the exhibitors met, named in stand-id order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PupilRow {
    pub school: String,
    pub year_group: u8,
    pub encounters: u64,
    pub bm5: u64,
    pub bm7: u64,
    pub exhibitors_met: String,
}

pub struct Plan {
    pub joins: Vec<(SchoolId, JoinRequest)>,
    /// (pupil index into `joins`, interaction), retries and reordering included.
    pub sends: Vec<(usize, RecordInteraction)>,
    pub unique_interactions: usize,
    pub expected: Expected,
}

/// A fair of `pupils` pupils spread over `schools`, making `interactions`
/// interactions at `stands` with a popularity skew (a few stands draw most
/// visits); 10% are sent twice, the copy later and out of order.
pub fn plan(
    seed: u64,
    schools: &[School],
    stands: &[Stand],
    pupils: usize,
    interactions: usize,
) -> Plan {
    let mut rng = StdRng::seed_from_u64(seed);
    let joins: Vec<_> = (0..pupils)
        .map(|_| {
            let school = &schools[rng.random_range(0..schools.len())];
            let request = JoinRequest {
                join_code: school.join_code.to_string(),
                year_group: rng.random_range(7..=13),
            };
            (school.id.clone(), request)
        })
        .collect();
    // Zipf-like popularity: the stand at rank r is chosen with weight 1/(r+1).
    let weights: Vec<f64> = (0..stands.len()).map(|r| 1.0 / (r as f64 + 1.0)).collect();
    let total_weight: f64 = weights.iter().sum();
    let pick_stand = |rng: &mut StdRng| {
        let mut x = rng.random_range(0.0..total_weight);
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        stands.len() - 1
    };

    let mut unique = Vec::with_capacity(interactions);
    for _ in 0..interactions {
        let pupil = rng.random_range(0..pupils);
        let stand = &stands[pick_stand(&mut rng)];
        let kind = match stand.prospectuses.first() {
            Some(p) if rng.random_bool(0.3) => InteractionKind::ProspectusDownload {
                prospectus: p.id.clone(),
            },
            _ => InteractionKind::Visit {},
        };
        let id = InteractionId::from(uuid::Uuid::from_u128(rng.random()));
        unique.push((
            pupil,
            RecordInteraction {
                id,
                stand: stand.id.clone(),
                kind,
            },
        ));
    }
    let expected = expected_totals(&joins, stands, &unique);

    // Each send gets a position; a retried copy lands up to 2,000 sends after
    // its original (or, rarely, before it), and sends within a window of 64
    // are shuffled, so the server sees them out of order.
    let mut positioned: Vec<(usize, &(usize, RecordInteraction))> =
        unique.iter().enumerate().collect();
    for (i, send) in unique.iter().enumerate() {
        if rng.random_bool(0.1) {
            positioned.push((
                (i + rng.random_range(0..2000)).saturating_sub(rng.random_range(0..3)),
                send,
            ));
        }
    }
    positioned.sort_by_key(|(position, _)| *position);
    let mut sends: Vec<_> = positioned
        .into_iter()
        .map(|(_, send)| send.clone())
        .collect();
    for window in sends.chunks_mut(64) {
        window.shuffle(&mut rng);
    }
    Plan {
        joins,
        sends,
        unique_interactions: unique.len(),
        expected,
    }
}

/// What the exports must show, counted directly from the plan.
fn expected_totals(
    joins: &[(SchoolId, JoinRequest)],
    stands: &[Stand],
    unique: &[(usize, RecordInteraction)],
) -> Expected {
    let mut expected = Expected::default();
    for (school, join) in joins {
        expected
            .schools
            .entry(school.to_string())
            .or_default()
            .joined += 1;
        expected.years.entry(join.year_group).or_default().joined += 1;
    }
    for stand in stands {
        expected.stands.entry(stand.id.to_string()).or_default();
    }
    let employer: HashSet<&StandId> = stands
        .iter()
        .filter(|s| s.kind.benchmark() == Benchmark::Employers)
        .map(|s| &s.id)
        .collect();
    let mut attended = HashSet::new();
    let mut met = HashSet::new();
    for (pupil, interaction) in unique {
        let (school, join) = &joins[*pupil];
        let first_for_pupil = attended.insert(*pupil);
        let new_encounter = met.insert((*pupil, interaction.stand.clone()));
        let is_employer = employer.contains(&interaction.stand);
        for row in [
            expected.schools.entry(school.to_string()).or_default(),
            expected.years.entry(join.year_group).or_default(),
        ] {
            row.interactions += 1;
            row.attended += u64::from(first_for_pupil);
            if new_encounter {
                row.encounters += 1;
                if is_employer {
                    row.bm5 += 1
                } else {
                    row.bm7 += 1
                }
            }
        }
        let stand = expected
            .stands
            .entry(interaction.stand.to_string())
            .or_default();
        stand.interactions += 1;
        stand.encounters += u64::from(new_encounter);
    }
    let by_id: BTreeMap<&StandId, &Stand> = stands.iter().map(|s| (&s.id, s)).collect();
    let mut met_by_pupil: Vec<Vec<&StandId>> = vec![Vec::new(); joins.len()];
    for (pupil, stand) in &met {
        met_by_pupil[*pupil].push(stand);
    }
    for ((school, join), mut met) in joins.iter().zip(met_by_pupil) {
        met.sort();
        let employers = met.iter().filter(|s| employer.contains(*s)).count() as u64;
        let names: Vec<&str> = met.iter().map(|s| by_id[*s].name.as_str()).collect();
        let bm7 = met.len() as u64 - employers;
        for totals in [
            expected.schools.entry(school.to_string()).or_default(),
            expected.years.entry(join.year_group).or_default(),
        ] {
            totals.with_bm5 += u64::from(employers > 0);
            totals.with_bm7 += u64::from(bm7 > 0);
            totals.with_four += u64::from(met.len() >= 4);
        }
        let row = PupilRow {
            school: school.to_string(),
            year_group: join.year_group,
            encounters: met.len() as u64,
            bm5: employers,
            bm7,
            exhibitors_met: names.join("; "),
        };
        *expected.pupils.entry(row).or_default() += 1;
    }
    expected
}

/// How a replay went.
#[derive(Debug, Default)]
pub struct Outcome {
    pub elapsed: Duration,
    /// Per request that succeeded, from first attempt to answer.
    pub latencies: Vec<Duration>,
    pub created: usize,
    pub replayed: usize,
    pub retries: usize,
}

impl Outcome {
    pub fn percentile(&self, p: f64) -> Duration {
        let mut sorted = self.latencies.clone();
        sorted.sort();
        let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
        sorted.get(index).copied().unwrap_or_default()
    }
}

/// Joins every pupil, `concurrency` at a time.
pub async fn join_all(
    http: &reqwest::Client,
    base: &str,
    fair: &FairId,
    plan: &Plan,
    concurrency: usize,
) -> anyhow::Result<Vec<String>> {
    let url = format!("{base}/api/fairs/{fair}/pupils");
    let joined = stream::iter(plan.joins.iter().map(|(_, request)| {
        let url = url.clone();
        async move {
            let response = http
                .post(&url)
                .json(request)
                .send()
                .await
                .context("join request")?;
            if response.status() != 201 {
                bail!("join answered {}", response.status());
            }
            Ok(response.json::<JoinedPupil>().await?.token)
        }
    }))
    .buffered(concurrency)
    .collect::<Vec<anyhow::Result<String>>>()
    .await;
    joined.into_iter().collect()
}

/// How many sends have been answered so far, for a long replay to report
/// while it runs (so nobody is tempted to peek at the engine's file, which
/// makes DynamoDB Local drop writes).
#[derive(Debug, Default)]
pub struct Progress(AtomicUsize);

impl Progress {
    pub fn answered(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }
}

/// Sends every interaction of the plan, `concurrency` at a time, retrying
/// with back-off (same body, same id) whenever the server or the connection
/// fails, as the front end does.
pub async fn send_all(
    http: &reqwest::Client,
    base: &str,
    fair: &FairId,
    plan: &Plan,
    tokens: &[String],
    concurrency: usize,
    progress: &Progress,
) -> anyhow::Result<Outcome> {
    let url = format!("{base}/api/fairs/{fair}/interactions");
    let started = Instant::now();
    let results = stream::iter(plan.sends.iter().map(|(pupil, interaction)| {
        let (url, token) = (url.clone(), &tokens[*pupil]);
        async move {
            let first = Instant::now();
            for attempt in 0..40u32 {
                let sent = http
                    .post(&url)
                    .bearer_auth(token)
                    .json(interaction)
                    .send()
                    .await;
                match sent.as_ref().map(|r| r.status().as_u16()) {
                    Ok(status @ (200 | 201)) => {
                        progress.0.fetch_add(1, Ordering::Relaxed);
                        return Ok((status, first.elapsed(), attempt));
                    }
                    Ok(status) if status < 500 => {
                        bail!("interaction {} refused with {status}", interaction.id)
                    }
                    _ => tokio::time::sleep(Duration::from_millis(50 << attempt.min(5))).await,
                }
            }
            bail!("interaction {} never went through", interaction.id)
        }
    }))
    .buffer_unordered(concurrency)
    .collect::<Vec<_>>()
    .await;
    let mut outcome = Outcome {
        elapsed: started.elapsed(),
        ..Outcome::default()
    };
    for result in results {
        let (status, latency, retries) = result?;
        outcome.latencies.push(latency);
        outcome.retries += retries as usize;
        if status == 201 {
            outcome.created += 1
        } else {
            outcome.replayed += 1
        }
    }
    Ok(outcome)
}

fn parse_csv(text: &str) -> anyhow::Result<Vec<Vec<String>>> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| Ok(r?.iter().map(str::to_owned).collect()))
        .collect()
}

/// A row of the per-pupil export (`pupil_id, pseudonym, school_id,
/// school_name, year_group, encounters, bm5, bm7, exhibitors_met`).
pub fn pupil_row(row: &[String]) -> anyhow::Result<PupilRow> {
    Ok(PupilRow {
        school: row[2].clone(),
        year_group: row[4].parse().context("year group")?,
        encounters: number(&row[5])?,
        bm5: number(&row[6])?,
        bm7: number(&row[7])?,
        exhibitors_met: row[8].clone(),
    })
}

fn number(cell: &str) -> anyhow::Result<u64> {
    cell.parse()
        .with_context(|| format!("not a count: {cell:?}"))
}

/// Which of the two formats every export comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

/// The exports an organiser downloads, by the name in their address.
pub const EXPORTS: [&str; 4] = ["schools", "year-groups", "exhibitors", "pupils"];

/// Reads the organiser's exports back, as CSV or as XLSX, into the shape
/// of `Expected`.
pub async fn exported(
    http: &reqwest::Client,
    base: &str,
    fair: &FairId,
    organiser: &str,
    format: ExportFormat,
) -> anyhow::Result<Expected> {
    let mut files = BTreeMap::new();
    for name in EXPORTS {
        let url = format!(
            "{base}/api/fairs/{fair}/exports/{name}.{}",
            format.extension()
        );
        let body = http
            .get(url)
            .bearer_auth(organiser)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        files.insert(name, body.to_vec());
    }
    read_exports(format, |name| {
        files
            .remove(name)
            .with_context(|| format!("no {name} export"))
    })
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// Reads the four exports, each file's bytes given by `file` (named as in
/// [`EXPORTS`]), into the shape of `Expected`: however they were fetched,
/// by the test over HTTP or by a browser that saved them.
pub fn read_exports(
    format: ExportFormat,
    mut file: impl FnMut(&'static str) -> anyhow::Result<Vec<u8>>,
) -> anyhow::Result<Expected> {
    let mut get = |name: &'static str| {
        let body = file(name)?;
        let rows = match format {
            ExportFormat::Csv => parse_csv(std::str::from_utf8(&body)?)?,
            // The sheet has the header row too; the CSV reader skips it.
            ExportFormat::Xlsx => crate::xlsx::rows(&body, name).into_iter().skip(1).collect(),
        };
        anyhow::Ok(rows)
    };
    let mut exported = Expected::default();
    for row in get("schools")? {
        let n = |i: usize| number(&row[i]);
        let totals = SchoolRow {
            joined: n(2)?,
            attended: n(3)?,
            interactions: n(4)?,
            encounters: n(5)?,
            bm5: n(6)?,
            bm7: n(7)?,
            with_bm5: n(8)?,
            with_bm7: n(9)?,
            with_four: n(10)?,
        };
        if totals != SchoolRow::default() {
            exported.schools.insert(row[0].clone(), totals);
        }
    }
    for row in get("year-groups")? {
        let n = |i: usize| number(&row[i]);
        let totals = SchoolRow {
            joined: n(1)?,
            attended: n(2)?,
            interactions: n(3)?,
            encounters: n(4)?,
            bm5: n(5)?,
            bm7: n(6)?,
            with_bm5: n(7)?,
            with_bm7: n(8)?,
            with_four: n(9)?,
        };
        if totals != SchoolRow::default() {
            exported
                .years
                .insert(row[0].parse().context("year group")?, totals);
        }
    }
    for row in get("exhibitors")? {
        exported.stands.insert(
            row[0].clone(),
            StandRow {
                interactions: number(&row[4])?,
                encounters: number(&row[5])?,
            },
        );
    }
    for row in get("pupils")? {
        *exported.pupils.entry(pupil_row(&row)?).or_default() += 1;
    }
    Ok(exported)
}

/// Every difference between what was expected and what was exported.
pub fn differences(expected: &Expected, exported: &Expected) -> Vec<String> {
    let mut out = Vec::new();
    for (id, want) in &expected.schools {
        let got = exported.schools.get(id).cloned().unwrap_or_default();
        if &got != want {
            out.push(format!("school {id}: expected {want:?}, exported {got:?}"));
        }
    }
    for id in exported
        .schools
        .keys()
        .filter(|id| !expected.schools.contains_key(*id))
    {
        out.push(format!("school {id}: exported but not expected"));
    }
    for year in expected
        .years
        .keys()
        .chain(exported.years.keys())
        .collect::<BTreeSet<_>>()
    {
        let want = expected.years.get(year).cloned().unwrap_or_default();
        let got = exported.years.get(year).cloned().unwrap_or_default();
        if got != want {
            out.push(format!("year {year}: expected {want:?}, exported {got:?}"));
        }
    }
    for (id, want) in &expected.stands {
        let got = exported.stands.get(id).cloned().unwrap_or_default();
        if &got != want {
            out.push(format!("stand {id}: expected {want:?}, exported {got:?}"));
        }
    }
    let rows: BTreeSet<_> = expected
        .pupils
        .keys()
        .chain(exported.pupils.keys())
        .collect();
    for row in rows {
        let want = expected.pupils.get(row).copied().unwrap_or_default();
        let got = exported.pupils.get(row).copied().unwrap_or_default();
        if got != want {
            out.push(format!("{want} pupils expected, {got} exported as {row:?}"));
        }
    }
    out
}

/// Reads the organiser's exports of `fair` on `app`, as CSV and as XLSX,
/// and lists every way they differ from what `plan` says they must show.
pub async fn reconcile(
    app: &crate::TestApp,
    fair: &FairId,
    plan: &Plan,
) -> anyhow::Result<Vec<String>> {
    let organiser = app.token_for(&careers_api::auth::Caller::Organiser { fair: fair.clone() });
    let mut out = Vec::new();
    for format in [ExportFormat::Csv, ExportFormat::Xlsx] {
        let exported = exported(&app.http, &app.address, fair, &organiser, format).await?;
        out.extend(
            differences(&plan.expected, &exported)
                .into_iter()
                .map(|difference| format!("{format:?}: {difference}")),
        );
    }
    Ok(out)
}
