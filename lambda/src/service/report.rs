//! The organiser's report: the fair's totals with names attached.

use super::existing_fair;
use crate::error::ApiError;
use crate::state::AppState;
use shared::api::{
    ExhibitorTotals, FairReport, Figure, SchoolTotals, StandFigures, YearGroupTotals,
};
use shared::domain::{FairId, StandId, YearGroup};

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
            }
        })
        .collect();
    Ok(FairReport {
        year_groups,
        fair: fair.clone(),
        pupils_joined: totals.fair.pupils_joined,
        totals: totals.fair.tally,
        schools,
        exhibitors,
    })
}

/// An exhibitor's view of their own stand: totals with small counts hidden.
pub async fn stand_figures(
    state: &AppState,
    fair: &FairId,
    stand: &StandId,
) -> Result<StandFigures, ApiError> {
    let (totals, stand) =
        tokio::try_join!(state.store.totals(fair), state.store.stand(fair, stand))?;
    let stand = stand.ok_or(ApiError::UnknownStand)?;
    let counted = totals
        .stands
        .get(&stand.id)
        .copied()
        .unwrap_or_default()
        .tally;
    Ok(StandFigures {
        stand: stand.id,
        name: stand.name,
        kind: stand.kind,
        interactions: Figure::suppressed(counted.interactions),
        encounters: Figure::suppressed(counted.encounters),
    })
}
