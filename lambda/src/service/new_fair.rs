//! An organiser starting another fair: a draft with its own id, run by the
//! same organisers, fully separate from the fair they came from.

use super::{csv_import, existing_fair, organiser};
use crate::error::ApiError;
use crate::model::Fair;
use crate::state::AppState;
use crate::store::StoreError;
use shared::api::{CheckedFairDetails, CreatedFair, FairDetails};
use shared::domain::{FairId, FairStatus};

/// Ids tried for one name ("careers-fair", "careers-fair-2", ...) before
/// asking the organiser for another name.
const IDS_PER_NAME: usize = 20;

/// Creates the fair from `details` as a draft. Its organisers are those of
/// `team_of` (the fair the caller organises) and it starts with that fair's
/// My Futures questions; schools, stands and pupils start empty. Answers
/// with the new id and an organiser token for it.
pub async fn create_fair(
    state: &AppState,
    team_of: &FairId,
    details: &FairDetails,
) -> Result<CreatedFair, ApiError> {
    let details =
        CheckedFairDetails::try_from(details).map_err(|e| ApiError::InvalidField(e.to_string()))?;
    let template = existing_fair(&state.store, team_of).await?;
    let ids = csv_import::id_candidates(details.name.as_str())
        .filter_map(|candidate| FairId::parse(&candidate).ok())
        .take(IDS_PER_NAME);
    for id in ids {
        let fair = Fair {
            id,
            name: details.name.clone(),
            description: details.description.clone(),
            opens_at: details.opens_at,
            closes_at: details.closes_at,
            challenge: template.challenge.clone(),
            status: FairStatus::Draft,
            pupil_data_expires_at: None,
        };
        match state
            .store
            .create_fair_with_team(&fair, Some(team_of))
            .await
        {
            Ok(organisers) => {
                tracing::info!(fair = %fair.id, from = %team_of, organisers, "fair created");
                return Ok(CreatedFair {
                    signed_in: organiser::organiser_token(state, &fair.id)?,
                    fair: fair.id,
                });
            }
            Err(StoreError::AlreadyExists) => continue,
            Err(error) => return Err(error.into()),
        }
    }
    Err(ApiError::InvalidField(
        "name: so many fairs have this name already; choose another".to_owned(),
    ))
}

/// The first fair of a deployment, from the admin tool: a draft named
/// `name` with placeholder dates (a week from `now`, 09:00 to 15:00 UTC)
/// that its organiser changes on the page. `AlreadyExists` if `id` is taken.
pub async fn create_first_fair(
    store: &crate::store::Store,
    id: FairId,
    name: shared::domain::Name,
    now: time::OffsetDateTime,
) -> Result<(), StoreError> {
    let day = (now + time::Duration::days(7)).replace_time(time::macros::time!(09:00));
    let fair = Fair {
        id,
        name,
        description: String::new(),
        opens_at: day,
        closes_at: day + time::Duration::hours(6),
        challenge: None,
        status: FairStatus::Draft,
        pupil_data_expires_at: None,
    };
    store.create_fair_with_team(&fair, None).await?;
    tracing::info!(fair = %fair.id, "first fair created");
    Ok(())
}
