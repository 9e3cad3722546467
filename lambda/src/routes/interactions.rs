//! `POST /api/fairs/{fair}/interactions`: 201 when recorded now, 200 when
//! the same id was recorded before (a retry), with the same body.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::service;
use crate::state::AppState;
use crate::store::Recorded;
use axum::extract::State;
use axum::http::StatusCode;
use shared::api::{RecordInteraction, RecordedInteraction};
use shared::domain::FairId;

pub async fn record(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
    Json(request): Json<RecordInteraction>,
) -> Result<(StatusCode, Json<RecordedInteraction>), ApiError> {
    let pupil = caller.pupil_of(&fair)?;
    let (recorded, body) = service::record_interaction(&state, &fair, &pupil, request).await?;
    let status = match recorded {
        Recorded::New { .. } => StatusCode::CREATED,
        Recorded::Replayed { .. } => StatusCode::OK,
    };
    Ok((status, Json(body)))
}
