//! Pupils joining a fair and reading their own record.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::service;
use crate::state::AppState;
use crate::throttle::ClientAddress;
use axum::extract::State;
use axum::http::StatusCode;
use shared::api::{ErasePupil, Erased, JoinRequest, JoinedPupil, PupilRecord, ResumeRequest};
use shared::domain::FairId;

pub async fn join(
    State(state): State<AppState>,
    Path(fair): Path<FairId>,
    client: ClientAddress,
    Json(request): Json<JoinRequest>,
) -> Result<(StatusCode, Json<JoinedPupil>), ApiError> {
    let joined = service::join_fair(&state, &fair, &client, &request).await?;
    Ok((StatusCode::CREATED, Json(joined)))
}

/// Carrying on with a resume code: a new token for the same pupil.
pub async fn resume(
    State(state): State<AppState>,
    Path(fair): Path<FairId>,
    client: ClientAddress,
    Json(request): Json<ResumeRequest>,
) -> Result<Json<JoinedPupil>, ApiError> {
    service::resume(&state, &fair, &client, &request)
        .await
        .map(Json)
}

pub async fn me(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
) -> Result<Json<PupilRecord>, ApiError> {
    let pupil = caller.pupil_of(&fair)?;
    service::pupil_record(&state, &fair, &pupil).await.map(Json)
}

/// The organiser erases one pupil's data on request.
pub async fn erase(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
    Json(request): Json<ErasePupil>,
) -> Result<Json<Erased>, ApiError> {
    caller.organiser_of(&fair)?;
    service::erasure::erase_pupil(&state, &fair, &request)
        .await
        .map(Json)
}
