//! Questions at a stand. Pupils ask through `POST .../interactions` (kind
//! `question`) and read theirs and the published ones here; the stand's
//! exhibitor (or the fair's organiser) reads the inbox, answers and flags.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::service::questions;
use crate::state::AppState;
use axum::extract::State;
use shared::api::{AnswerRequest, InboxQuestion, StandQuestion};
use shared::domain::{FairId, InteractionId, StandId};

pub async fn for_pupil(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stand)): Path<(FairId, StandId)>,
) -> Result<Json<Vec<StandQuestion>>, ApiError> {
    let pupil = caller.pupil_of(&fair)?;
    questions::stand_questions(&state, &fair, &stand, &pupil)
        .await
        .map(Json)
}

pub async fn inbox(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stand)): Path<(FairId, StandId)>,
) -> Result<Json<Vec<InboxQuestion>>, ApiError> {
    caller.runs_stand(&fair, &stand)?;
    questions::inbox(&state, &fair, &stand).await.map(Json)
}

pub async fn answer(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stand, id)): Path<(FairId, StandId, InteractionId)>,
    Json(request): Json<AnswerRequest>,
) -> Result<Json<InboxQuestion>, ApiError> {
    caller.runs_stand(&fair, &stand)?;
    questions::answer(&state, &fair, &stand, &id, &request)
        .await
        .map(Json)
}

pub async fn flag(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stand, id)): Path<(FairId, StandId, InteractionId)>,
) -> Result<Json<InboxQuestion>, ApiError> {
    caller.runs_stand(&fair, &stand)?;
    questions::flag(&state, &fair, &stand, &id).await.map(Json)
}
