//! `GET /api/fairs/{fair}`, the hall and its stands.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::service;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use shared::api::{
    ChangeStatus, CreatedFair, FairDetails, FairView, StandContent, StandDetail, StandReadiness,
    StandSummary,
};
use shared::domain::{FairId, StandId};

/// Public: the join page shows the fair before anyone signs in.
pub async fn show(
    State(state): State<AppState>,
    Path(fair): Path<FairId>,
) -> Result<Json<FairView>, ApiError> {
    service::fair_view(&state, &fair).await.map(Json)
}

pub async fn hall(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
) -> Result<Json<Vec<StandSummary>>, ApiError> {
    caller.member_of(&fair)?;
    service::stand_summaries(&state, &fair).await.map(Json)
}

pub async fn stand(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stand)): Path<(FairId, StandId)>,
) -> Result<Json<StandDetail>, ApiError> {
    caller.member_of(&fair)?;
    service::stand_detail(&state, &fair, &stand).await.map(Json)
}

/// The stand's exhibitor or the fair's organiser saves the stand's words.
pub async fn save_content(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stand)): Path<(FairId, StandId)>,
    Json(content): Json<StandContent>,
) -> Result<StatusCode, ApiError> {
    caller.runs_stand(&fair, &stand)?;
    service::stand_editor::save_content(&state, &fair, &stand, &content).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An organiser starts another fair, run by the same organisers.
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Json(details): Json<FairDetails>,
) -> Result<(StatusCode, Json<CreatedFair>), ApiError> {
    let team_of = caller.organised_fair()?;
    let created = service::new_fair::create_fair(&state, team_of, &details).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// The organiser moves the fair on: open, closed, archived.
pub async fn change_status(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
    Json(request): Json<ChangeStatus>,
) -> Result<StatusCode, ApiError> {
    caller.organiser_of(&fair)?;
    service::change_status(&state, &fair, &request).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The organiser: what each stand still needs before pupils see it.
pub async fn readiness(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
) -> Result<Json<Vec<StandReadiness>>, ApiError> {
    caller.organiser_of(&fair)?;
    service::stands_readiness(&state, &fair).await.map(Json)
}

/// The organiser changes the fair's name, description or dates.
pub async fn save_details(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
    Json(details): Json<FairDetails>,
) -> Result<StatusCode, ApiError> {
    caller.organiser_of(&fair)?;
    service::save_details(&state, &fair, &details).await?;
    Ok(StatusCode::NO_CONTENT)
}
