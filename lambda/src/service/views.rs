//! Read-only views for pupils: the fair, the hall, a stand, their record.

use super::existing_fair;
use crate::error::ApiError;
use crate::model::Stand;
use crate::state::AppState;
use shared::api::{
    EncounterView, FairView, ProspectusView, PupilRecord, StandDetail, StandReadiness,
    StandSummary, VideoView, checklist,
};
use shared::domain::{FairId, PupilId, StandId};
use shared::encounter::{Tally, encounter_tally};
use std::collections::{BTreeSet, HashMap};
use time::OffsetDateTime;

pub async fn fair_view(state: &AppState, fair: &FairId) -> Result<FairView, ApiError> {
    let fair = existing_fair(&state.store, fair).await?;
    let is_open = fair.is_open_at(OffsetDateTime::now_utc());
    let sectors: BTreeSet<String> = state
        .store
        .stands(&fair.id)
        .await?
        .into_iter()
        .flat_map(|stand| stand.sectors)
        .collect();
    Ok(FairView {
        id: fair.id,
        name: fair.name,
        description: fair.description,
        opens_at: fair.opens_at,
        closes_at: fair.closes_at,
        is_open,
        status: fair.status,
        sectors: sectors.into_iter().collect(),
        pupil_data_expires_at: fair.pupil_data_expires_at,
    })
}

fn summary(state: &AppState, stand: &Stand) -> StandSummary {
    StandSummary {
        id: stand.id.clone(),
        name: stand.name.clone(),
        kind: stand.kind,
        sectors: stand.sectors.clone(),
        tagline: stand.tagline.clone(),
        logo_url: stand.logo_key.as_deref().map(|key| state.file_url(key)),
    }
}

pub async fn stand_summaries(
    state: &AppState,
    fair: &FairId,
) -> Result<Vec<StandSummary>, ApiError> {
    existing_fair(&state.store, fair).await?;
    let mut stands: Vec<_> = state
        .store
        .stands(fair)
        .await?
        .iter()
        .map(|stand| summary(state, stand))
        .collect();
    stands.sort_by(|a, b| a.name.as_str().cmp(b.name.as_str()));
    Ok(stands)
}

pub async fn stand_detail(
    state: &AppState,
    fair: &FairId,
    stand: &StandId,
) -> Result<StandDetail, ApiError> {
    let stand = state
        .store
        .stand(fair, stand)
        .await?
        .ok_or(ApiError::UnknownStand)?;
    Ok(detail(state, stand))
}

/// A stand as a pupil sees it, with its files' addresses.
fn detail(state: &AppState, stand: Stand) -> StandDetail {
    StandDetail {
        summary: summary(state, &stand),
        prospectuses: stand
            .prospectuses
            .iter()
            .map(|p| ProspectusView {
                id: p.id.clone(),
                title: p.title.clone(),
                url: state.file_url(&p.file_key),
            })
            .collect(),
        videos: stand
            .videos
            .iter()
            .map(|v| VideoView {
                id: v.id.clone(),
                title: v.title.clone(),
                url: state.file_url(&v.file_key),
                captions_url: state.file_url(&v.captions_key),
            })
            .collect(),
        opportunities: stand.opportunities,
        links: stand.links,
        about: stand.about,
        learning_outcomes: stand.learning_outcomes,
    }
}

/// For the organiser before the fair opens: what each stand still needs,
/// by the checklist its exhibitor sees.
pub async fn stands_readiness(
    state: &AppState,
    fair: &FairId,
) -> Result<Vec<StandReadiness>, ApiError> {
    existing_fair(&state.store, fair).await?;
    let mut stands: Vec<StandReadiness> = state
        .store
        .stands(fair)
        .await?
        .into_iter()
        .map(|stand| {
            let detail = detail(state, stand);
            StandReadiness {
                missing: checklist(&detail)
                    .into_iter()
                    .filter(|item| !item.done)
                    .map(|item| item.label.to_owned())
                    .collect(),
                stand: detail.summary.id,
                name: detail.summary.name,
            }
        })
        .collect();
    stands.sort_by(|a, b| a.name.as_str().cmp(b.name.as_str()));
    Ok(stands)
}

pub async fn pupil_record(
    state: &AppState,
    fair: &FairId,
    pupil: &PupilId,
) -> Result<PupilRecord, ApiError> {
    // A pupil's token outlives an expiry of 0 days.
    super::fair_with_pupil_data(&state.store, fair, OffsetDateTime::now_utc()).await?;
    let (pupil, encounters) = state
        .store
        .pupil_record(fair, pupil)
        .await?
        .ok_or(ApiError::InvalidToken)?;
    let school = state
        .store
        .school(fair, &pupil.school)
        .await?
        .ok_or(ApiError::Internal)?;
    let stands: HashMap<StandId, Stand> = state
        .store
        .stands(fair)
        .await?
        .into_iter()
        .map(|s| (s.id.clone(), s))
        .collect();

    let mut totals = Tally::default();
    let mut views = Vec::with_capacity(encounters.len());
    for encounter in encounters {
        let Some(stand) = stands.get(&encounter.stand) else {
            continue;
        };
        let benchmark = stand.kind.benchmark();
        totals += encounter_tally(benchmark, encounter.interactions);
        views.push(EncounterView {
            stand: encounter.stand,
            stand_name: stand.name.clone(),
            benchmark,
            interactions: encounter.interactions,
        });
    }
    totals.pupils_attended = u64::from(totals.interactions > 0);
    Ok(PupilRecord {
        pupil: super::join::profile(&pupil, school.name),
        totals,
        encounters: views,
    })
}
