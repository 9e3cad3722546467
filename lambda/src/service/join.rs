//! A pupil joining a fair with their school's join code, and carrying on
//! later (or on another device) with the resume code they were given. Wrong
//! codes of either kind are counted against the client's address and slow
//! it down (see `throttle`).

use super::{existing_fair, fair_with_pupil_data};
use crate::auth::{Caller, PUPIL_TOKEN_LIFETIME};
use crate::error::ApiError;
use crate::model::Pupil;
use crate::state::AppState;
use crate::store::StoreError;
use crate::throttle::{Attempts, ClientAddress};
use shared::api::{JoinDetails, JoinRequest, JoinedPupil, PupilProfile, ResumeRequest};
use shared::domain::{FairId, Name, Pseudonym, PupilId, RESUME_WORDS, ResumeCode};
use time::OffsetDateTime;

/// Resume codes tried before giving up; with 2^32 codes a fair of 100,000
/// pupils has about one chance in 43,000 of a clash per try.
const RESUME_CODE_TRIES: usize = 4;

pub async fn join_fair(
    state: &AppState,
    fair: &FairId,
    client: &ClientAddress,
    request: &JoinRequest,
) -> Result<JoinedPupil, ApiError> {
    let details =
        JoinDetails::try_from(request).map_err(|e| ApiError::InvalidField(e.to_string()))?;
    let fair_record = existing_fair(&state.store, fair).await?;
    let now = OffsetDateTime::now_utc();
    if !fair_record.takes_pupils_at(now) {
        return Err(ApiError::FairNotOpen);
    }
    let attempts = Attempts::check(state, fair, client).await?;
    let Some(school) = state
        .store
        .school_for_code(fair, &details.join_code)
        .await?
    else {
        attempts.failed().await?;
        return Err(ApiError::UnknownJoinCode);
    };
    let mut pupil = Pupil {
        id: PupilId::new_random(),
        school: school.id.clone(),
        year_group: details.year_group,
        joined_at: now,
        resume_code: random_resume_code(),
    };
    let mut tries = 1;
    loop {
        match state.store.add_pupil(fair, &pupil).await {
            Ok(()) => break,
            Err(StoreError::AlreadyExists) if tries < RESUME_CODE_TRIES => {
                pupil.resume_code = random_resume_code();
                tries += 1;
            }
            Err(error) => return Err(error.into()),
        }
    }
    tracing::info!(fair = %fair, school = %school.id, "pupil joined");
    signed_in(state, fair, &pupil, school.name)
}

/// Signs a pupil in again with their resume code.
pub async fn resume(
    state: &AppState,
    fair: &FairId,
    client: &ClientAddress,
    request: &ResumeRequest,
) -> Result<JoinedPupil, ApiError> {
    let code = ResumeCode::parse(&request.resume_code)
        .map_err(|e| ApiError::InvalidField(format!("resume code: {e}")))?;
    let now = OffsetDateTime::now_utc();
    // Said before "not open": their record is gone for good, not paused.
    let fair_record = fair_with_pupil_data(&state.store, fair, now).await?;
    if !fair_record.takes_pupils_at(now) {
        return Err(ApiError::FairNotOpen);
    }
    let attempts = Attempts::check(state, fair, client).await?;
    let Some(pupil) = state.store.pupil_for_resume_code(fair, &code).await? else {
        attempts.failed().await?;
        return Err(ApiError::UnknownResumeCode);
    };
    let school = state
        .store
        .school(fair, &pupil.school)
        .await?
        .ok_or_else(|| StoreError::Mapping("a pupil's school is not in the fair".into()))?;
    tracing::info!(fair = %fair, "pupil resumed");
    signed_in(state, fair, &pupil, school.name)
}

/// The pupil's profile as shown to themselves.
pub fn profile(pupil: &Pupil, school_name: Name) -> PupilProfile {
    PupilProfile {
        id: pupil.id,
        pseudonym: Pseudonym::for_pupil(&pupil.id),
        school_name,
        year_group: pupil.year_group,
        resume_code: pupil.resume_code.clone(),
    }
}

fn signed_in(
    state: &AppState,
    fair: &FairId,
    pupil: &Pupil,
    school_name: Name,
) -> Result<JoinedPupil, ApiError> {
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
        pupil: profile(pupil, school_name),
    })
}

/// A resume code from the operating system's random numbers (through
/// uuid's v4, which draws them from `getrandom`).
fn random_resume_code() -> ResumeCode {
    let random = uuid::Uuid::new_v4();
    let mut bytes = [0; RESUME_WORDS];
    bytes.copy_from_slice(&random.as_bytes()[..RESUME_WORDS]);
    ResumeCode::from_bytes(bytes)
}
