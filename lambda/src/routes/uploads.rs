//! Uploads to a stand: a slot to send the file to, the local store's
//! stand-in for S3's presigned PUT, completing an upload, and taking a
//! file off again.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::service::stand_files::{self, StandFile};
use crate::service::uploads;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::StatusCode;
use shared::api::{CompleteUpload, NewUpload, StandDetail, UploadSlot};
use shared::domain::{FairId, ProspectusId, StandId, VideoId};

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

/// Takes a prospectus off the stand.
pub async fn remove_prospectus(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stand, prospectus)): Path<(FairId, StandId, ProspectusId)>,
) -> Result<Json<StandDetail>, ApiError> {
    caller.runs_stand(&fair, &stand)?;
    let file = StandFile::Prospectus(prospectus);
    stand_files::remove(&state, &fair, &stand, &file)
        .await
        .map(Json)
}

/// Takes a video (and its captions) off the stand.
pub async fn remove_video(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stand, video)): Path<(FairId, StandId, VideoId)>,
) -> Result<Json<StandDetail>, ApiError> {
    caller.runs_stand(&fair, &stand)?;
    let file = StandFile::Video(video);
    stand_files::remove(&state, &fair, &stand, &file)
        .await
        .map(Json)
}

/// Takes the logo off the stand.
pub async fn remove_logo(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stand)): Path<(FairId, StandId)>,
) -> Result<Json<StandDetail>, ApiError> {
    caller.runs_stand(&fair, &stand)?;
    stand_files::remove(&state, &fair, &stand, &StandFile::Logo)
        .await
        .map(Json)
}
