//! The My Futures challenge: pupils read theirs and save answers; the
//! organiser sets the questions. Completing a stage is an interaction
//! (`POST .../interactions`, kind `challenge_stage`).

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::service::challenge;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use shared::api::{ChallengeView, SaveAnswers};
use shared::domain::{ChallengeQuestions, ChallengeStage, FairId};

/// A pupil: the questions with their answers. The organiser: the questions.
pub async fn view(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
) -> Result<Json<ChallengeView>, ApiError> {
    let pupil = match caller.pupil_of(&fair) {
        Ok(pupil) => Some(pupil),
        Err(refused) => {
            caller.organiser_of(&fair).map_err(|_| refused)?;
            None
        }
    };
    challenge::view(&state, &fair, pupil.as_ref())
        .await
        .map(Json)
}

pub async fn save(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stage)): Path<(FairId, ChallengeStage)>,
    Json(request): Json<SaveAnswers>,
) -> Result<StatusCode, ApiError> {
    let pupil = caller.pupil_of(&fair)?;
    challenge::save(&state, &fair, &pupil, stage, &request).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn set_questions(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
    Json(questions): Json<ChallengeQuestions>,
) -> Result<StatusCode, ApiError> {
    caller.organiser_of(&fair)?;
    challenge::set_questions(&state, &fair, &questions).await?;
    Ok(StatusCode::NO_CONTENT)
}
