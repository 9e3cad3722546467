//! Uploads to a stand: a slot to send the file to, the local store's
//! stand-in for S3's presigned PUT, and completing an upload.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::service::uploads;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::StatusCode;
use shared::api::{CompleteUpload, NewUpload, StandDetail, UploadSlot};
use shared::domain::{FairId, StandId};

/// The stand's exhibitor or the fair's organiser asks where to send a file.
pub async fn start(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stand)): Path<(FairId, StandId)>,
    Json(request): Json<NewUpload>,
) -> Result<(StatusCode, Json<UploadSlot>), ApiError> {
    caller.runs_stand(&fair, &stand)?;
    let slot = uploads::start(&state, &fair, &stand, &request).await?;
    Ok((StatusCode::CREATED, Json(slot)))
}

/// The bytes of an upload, locally; the signed ticket in the path is the
/// permission, as a presigned URL's signature is in S3.
pub async fn receive(
    State(state): State<AppState>,
    Path(ticket): Path<String>,
    body: Body,
) -> Result<StatusCode, ApiError> {
    uploads::receive(&state, &ticket, body).await?;
    Ok(StatusCode::OK)
}

/// The file has been sent: check it and put it on the stand.
pub async fn complete(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stand, upload)): Path<(FairId, StandId, String)>,
    Json(request): Json<CompleteUpload>,
) -> Result<Json<StandDetail>, ApiError> {
    caller.runs_stand(&fair, &stand)?;
    uploads::complete(&state, &fair, &stand, &upload, &request)
        .await
        .map(Json)
}
