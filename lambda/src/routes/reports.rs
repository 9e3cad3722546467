//! The organiser's report and CSV exports.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::export;
use crate::extract::{Json, Path};
use crate::service;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use shared::api::{FairReport, SchoolTotals, StandFigures};
use shared::domain::{FairId, SchoolId, StandId};

pub async fn report(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
) -> Result<Json<FairReport>, ApiError> {
    caller.organiser_of(&fair)?;
    service::fair_report(&state, &fair).await.map(Json)
}

type CsvWriter = fn(&FairReport) -> Result<Vec<u8>, csv::Error>;

async fn csv_export(
    state: AppState,
    caller: Caller,
    fair: FairId,
    name: &str,
    write: CsvWriter,
) -> Result<Response, ApiError> {
    caller.organiser_of(&fair)?;
    let report = service::fair_report(&state, &fair).await?;
    csv_file(&fair, name, write(&report))
}

/// A CSV file written in full, or `Internal` if writing it failed.
fn csv_file(
    fair: &FairId,
    name: &str,
    written: Result<Vec<u8>, csv::Error>,
) -> Result<Response, ApiError> {
    let body = written.map_err(|error| {
        tracing::error!(%error, "writing CSV failed");
        ApiError::Internal
    })?;
    Ok(csv_response(fair, name, Body::from(body)))
}

fn csv_response(fair: &FairId, name: &str, body: Body) -> Response {
    let disposition = format!("attachment; filename=\"{fair}-{name}.csv\"");
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

/// One row per pupil, streamed as it is read: a fault part-way ends the
/// response early (the client sees a cut-off download, never a short file
/// that looks complete, as there is no Content-Length).
pub async fn pupils_csv(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
) -> Result<Response, ApiError> {
    caller.organiser_of(&fair)?;
    let pieces = service::pupils_export(&state, &fair, None).await?;
    Ok(csv_response(&fair, "pupils", Body::from_stream(pieces)))
}

/// A school's careers leader (or the organiser): the school's own totals.
pub async fn school_report(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, school)): Path<(FairId, SchoolId)>,
) -> Result<Json<SchoolTotals>, ApiError> {
    caller.leads_school(&fair, &school)?;
    service::school_report(&state, &fair, &school)
        .await
        .map(Json)
}

/// A school's careers leader (or the organiser): the school's own pupils,
/// one row each, to import into the school's records.
pub async fn school_pupils_csv(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, school)): Path<(FairId, SchoolId)>,
) -> Result<Response, ApiError> {
    caller.leads_school(&fair, &school)?;
    let name = format!("{school}-pupils");
    let pieces = service::pupils_export(&state, &fair, Some(school)).await?;
    Ok(csv_response(&fair, &name, Body::from_stream(pieces)))
}

pub async fn schools_csv(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
) -> Result<Response, ApiError> {
    csv_export(state, caller, fair, "schools", export::schools_csv).await
}

pub async fn exhibitors_csv(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
) -> Result<Response, ApiError> {
    csv_export(state, caller, fair, "exhibitors", export::exhibitors_csv).await
}

/// Only the stand's own exhibitor sees its figures.
pub async fn stand_figures(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stand)): Path<(FairId, StandId)>,
) -> Result<Json<StandFigures>, ApiError> {
    caller.exhibits_at(&fair, &stand)?;
    service::stand_figures(&state, &fair, &stand)
        .await
        .map(Json)
}

/// The exhibitor's own figures as a CSV file.
pub async fn stand_figures_csv(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stand)): Path<(FairId, StandId)>,
) -> Result<Response, ApiError> {
    caller.exhibits_at(&fair, &stand)?;
    let figures = service::stand_figures(&state, &fair, &stand).await?;
    csv_file(
        &fair,
        &format!("{stand}-figures"),
        export::stand_figures_csv(&figures),
    )
}

pub async fn year_groups_csv(
    State(state): State<AppState>,
    caller: Caller,
    Path(fair): Path<FairId>,
) -> Result<Response, ApiError> {
    csv_export(state, caller, fair, "year-groups", export::year_groups_csv).await
}
