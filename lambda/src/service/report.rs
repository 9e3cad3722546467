//! The organiser's report: the fair's totals with names attached.

use super::{existing_fair, fair_with_pupil_data};
use crate::error::ApiError;
use crate::export::{self, Cell, PupilRow};
use crate::state::AppState;
use crate::store::{RosterEntry, ScopeTotals};
use futures::{Stream, StreamExt, TryStreamExt, future};
use shared::api::{
    ActivityFigures, ExhibitorTotals, FairReport, GroupFigures, HourCount, SchoolTotals,
    StandFigures, YearGroupTotals,
};
use shared::domain::{Benchmark, FairId, Name, SchoolId, StandId, YearGroup};
use std::collections::HashMap;

/// One school's line of the fair's report, for its careers leader.
pub async fn school_report(
    state: &AppState,
    fair: &FairId,
    school: &SchoolId,
) -> Result<SchoolTotals, ApiError> {
    fair_report(state, fair)
        .await?
        .schools
        .into_iter()
        .find(|totals| &totals.school == school)
        .ok_or(ApiError::NotFound)
}

pub async fn fair_report(state: &AppState, fair: &FairId) -> Result<FairReport, ApiError> {
    existing_fair(&state.store, fair).await?;
    let (totals, schools, stands) = tokio::try_join!(
        state.store.totals(fair),
        state.store.schools(fair),
        state.store.stands(fair),
    )?;
    let schools = schools
        .into_iter()
        .map(|school| {
            let counted = totals.schools.get(&school.id).copied().unwrap_or_default();
            SchoolTotals {
                school: school.id,
                name: school.name,
                pupils_joined: counted.pupils_joined,
                totals: counted.tally,
                reach: counted.reach,
            }
        })
        .collect();
    let exhibitors = stands
        .into_iter()
        .map(|stand| {
            let counted = totals.stands.get(&stand.id).copied().unwrap_or_default();
            ExhibitorTotals {
                stand: stand.id,
                name: stand.name,
                kind: stand.kind,
                totals: counted.tally,
                activity: counted.activity,
            }
        })
        .collect();
    let year_groups = YearGroup::ALL
        .into_iter()
        .map(|year_group| {
            let counted = totals
                .year_groups
                .get(&year_group)
                .copied()
                .unwrap_or_default();
            YearGroupTotals {
                year_group,
                pupils_joined: counted.pupils_joined,
                totals: counted.tally,
                reach: counted.reach,
            }
        })
        .collect();
    let interactions_by_hour = totals
        .by_hour
        .iter()
        .map(|(starts_at, interactions)| HourCount {
            starts_at: *starts_at,
            interactions: *interactions,
        })
        .collect();
    Ok(FairReport {
        year_groups,
        fair: fair.clone(),
        pupils_joined: totals.fair.pupils_joined,
        totals: totals.fair.tally,
        reach: totals.fair.reach,
        schools,
        exhibitors,
        interactions_by_hour,
    })
}

/// An exhibitor's view of their own stand: totals, and the same by school
/// and by year group, with small counts hidden.
pub async fn stand_figures(
    state: &AppState,
    fair: &FairId,
    stand: &StandId,
) -> Result<StandFigures, ApiError> {
    let (totals, breakdown, stand, schools) = tokio::try_join!(
        state.store.totals(fair),
        state.store.stand_breakdown(fair, stand),
        state.store.stand(fair, stand),
        state.store.schools(fair),
    )?;
    let stand = stand.ok_or(ApiError::UnknownStand)?;
    let figures = |counted: &ScopeTotals| {
        ActivityFigures::suppressed(
            counted.tally.interactions,
            counted.tally.encounters,
            &counted.activity,
        )
    };
    let all = figures(&totals.stands.get(&stand.id).copied().unwrap_or_default());
    let mut by_school: Vec<GroupFigures> = schools
        .iter()
        .filter_map(|school| {
            let counted = breakdown.schools.get(&school.id)?;
            Some(GroupFigures {
                group: school.name.to_string(),
                figures: figures(counted),
            })
        })
        .collect();
    by_school.sort_by(|a, b| a.group.cmp(&b.group));
    let by_year_group = YearGroup::ALL
        .into_iter()
        .map(|year| GroupFigures {
            group: format!("Year {}", year.get()),
            figures: figures(
                &breakdown
                    .year_groups
                    .get(&year)
                    .copied()
                    .unwrap_or_default(),
            ),
        })
        .collect();
    Ok(StandFigures {
        stand: stand.id,
        name: stand.name,
        kind: stand.kind,
        all,
        by_school,
        by_year_group,
    })
}

/// Pupils per piece of the streamed per-pupil export (about 30 KB).
const PUPILS_PER_PIECE: usize = 256;

/// The per-pupil export as a stream of runs of rows (the cells of
/// `export::PUPILS_HEADER`'s columns): every pupil of the fair, or only
/// those of `school` (`NotFound` if the fair has no such school;
/// `PupilDataRemoved` once the fair's pupil-level data has expired). It reads the roster a page at a time, so a fair of any
/// size is exported in bounded memory; one school's file still reads the
/// whole fair's roster, as the index is keyed by fair, not by school.
pub async fn pupils_export(
    state: &AppState,
    fair: &FairId,
    school: Option<SchoolId>,
) -> Result<impl Stream<Item = Result<Vec<Vec<Cell>>, ApiError>> + Send + 'static, ApiError> {
    fair_with_pupil_data(&state.store, fair, time::OffsetDateTime::now_utc()).await?;
    let (schools, stands) = tokio::try_join!(state.store.schools(fair), state.store.stands(fair))?;
    let schools: HashMap<SchoolId, Name> = schools.into_iter().map(|s| (s.id, s.name)).collect();
    if school
        .as_ref()
        .is_some_and(|school| !schools.contains_key(school))
    {
        return Err(ApiError::NotFound);
    }
    let stands: HashMap<StandId, (Name, Benchmark)> = stands
        .into_iter()
        .map(|s| (s.id, (s.name, s.kind.benchmark())))
        .collect();
    let pieces = state
        .store
        .roster(fair)
        .try_filter(move |entry| future::ready(school.as_ref().is_none_or(|s| *s == entry.school)))
        .try_chunks(PUPILS_PER_PIECE)
        .map(move |chunk| {
            let entries = chunk.map_err(|error| error.1)?;
            entries
                .iter()
                .map(|entry| {
                    pupil_row(entry, &schools, &stands).map(|row| export::pupil_cells(&row))
                })
                .collect::<Result<Vec<_>, _>>()
        });
    Ok(pieces)
}

fn pupil_row<'a>(
    entry: &'a RosterEntry,
    schools: &'a HashMap<SchoolId, Name>,
    stands: &'a HashMap<StandId, (Name, Benchmark)>,
) -> Result<PupilRow<'a>, ApiError> {
    let met = entry
        .stands
        .iter()
        .map(|stand| {
            let (name, benchmark) = stands.get(stand).ok_or_else(|| {
                // Stands are never deleted, so this is a fault, and counting
                // the encounter under no benchmark would misreport it.
                tracing::error!(%stand, "an encounter refers to a stand that does not exist");
                ApiError::Internal
            })?;
            Ok((name.as_str(), *benchmark))
        })
        .collect::<Result<_, ApiError>>()?;
    Ok(PupilRow {
        pupil: entry.pupil,
        school: &entry.school,
        school_name: schools.get(&entry.school).map_or("", Name::as_str),
        year_group: entry.year_group,
        met,
    })
}
