//! The organiser's schools and their join codes, and the import of the
//! fair's exhibitors (both come as CSV files).

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{Csv, Json, Path};
use crate::service::schools;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use shared::api::{LeaderLink, NewSchool, SchoolView, StandSummary};
use shared::domain::{FairId, SchoolId};

pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
) -> Result<Json<Vec<SchoolView>>, ApiError> {
    caller.organiser_of(&fair)?;
    schools::list(&state, &fair).await.map(Json)
}

pub async fn add(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
    Json(school): Json<NewSchool>,
) -> Result<(StatusCode, Json<SchoolView>), ApiError> {
    caller.organiser_of(&fair)?;
    let added = schools::add(&state, &fair, &school).await?;
    Ok((StatusCode::CREATED, Json(added)))
}

pub async fn import(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
    Csv(file): Csv,
) -> Result<(StatusCode, Json<Vec<SchoolView>>), ApiError> {
    caller.organiser_of(&fair)?;
    let added = schools::import(&state, &fair, &file).await?;
    Ok((StatusCode::CREATED, Json(added)))
}

pub async fn new_join_code(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, school)): Path<(FairId, SchoolId)>,
) -> Result<Json<SchoolView>, ApiError> {
    caller.organiser_of(&fair)?;
    schools::new_join_code(&state, &fair, &school)
        .await
        .map(Json)
}

pub async fn leader_link(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, school)): Path<(FairId, SchoolId)>,
) -> Result<(StatusCode, Json<LeaderLink>), ApiError> {
    caller.organiser_of(&fair)?;
    let link = schools::leader_link(&state, &fair, &school).await?;
    Ok((StatusCode::CREATED, Json(link)))
}

/// The organiser imports exhibitors from a CSV file: an empty stand each.
pub async fn import_stands(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
    Csv(file): Csv,
) -> Result<(StatusCode, Json<Vec<StandSummary>>), ApiError> {
    caller.organiser_of(&fair)?;
    let added = crate::service::stand_import::import(&state, &fair, &file).await?;
    Ok((StatusCode::CREATED, Json(added)))
}
