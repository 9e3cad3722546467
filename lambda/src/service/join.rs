//! A pupil joining a fair with their school's join code.

use super::existing_fair;
use crate::auth::{Caller, PUPIL_TOKEN_LIFETIME};
use crate::error::ApiError;
use crate::model::Pupil;
use crate::state::AppState;
use shared::api::{JoinDetails, JoinRequest, JoinedPupil, PupilProfile};
use shared::domain::{FairId, Pseudonym, PupilId};
use time::OffsetDateTime;

pub async fn join_fair(
    state: &AppState,
    fair: &FairId,
    request: &JoinRequest,
) -> Result<JoinedPupil, ApiError> {
    let details =
        JoinDetails::try_from(request).map_err(|e| ApiError::InvalidField(e.to_string()))?;
    let fair_record = existing_fair(&state.store, fair).await?;
    let now = OffsetDateTime::now_utc();
    if now >= fair_record.closes_at {
        return Err(ApiError::FairNotOpen);
    }
    let school = state
        .store
        .school_for_code(fair, &details.join_code)
        .await?
        .ok_or(ApiError::UnknownJoinCode)?;
    let pupil = Pupil {
        id: PupilId::new_random(),
        school: school.id.clone(),
        year_group: details.year_group,
        joined_at: now,
    };
    state.store.add_pupil(fair, &pupil).await?;
    tracing::info!(fair = %fair, school = %school.id, pupil = %pupil.id, "pupil joined");
    let caller = Caller::Pupil {
        fair: fair.clone(),
        pupil: pupil.id,
    };
    let token = state
        .tokens
        .issue(&caller, PUPIL_TOKEN_LIFETIME)
        .map_err(|_| ApiError::Internal)?;
    Ok(JoinedPupil {
        token,
        pupil: PupilProfile {
            id: pupil.id,
            pseudonym: Pseudonym::for_pupil(&pupil.id),
            school_name: school.name,
            year_group: pupil.year_group,
        },
    })
}
