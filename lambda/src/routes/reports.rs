//! The organiser's report and exports (CSV and XLSX), a careers leader's
//! school, and an exhibitor's figures.

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
use futures::StreamExt;
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

/// An export as asked for by the end of its path, e.g. `schools.xlsx`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ExportFile {
    name: &'static str,
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Xlsx,
}

impl ExportFile {
    /// `file` if it names one of `names` as CSV or XLSX, else `NotFound`.
    fn parse(file: &str, names: &[&'static str]) -> Result<Self, ApiError> {
        let (stem, extension) = file.rsplit_once('.').ok_or(ApiError::NotFound)?;
        let format = match extension {
            "csv" => Format::Csv,
            "xlsx" => Format::Xlsx,
            _ => return Err(ApiError::NotFound),
        };
        let name = names
            .iter()
            .find(|name| **name == stem)
            .ok_or(ApiError::NotFound)?;
        Ok(Self { name, format })
    }

    /// The written file as a download named `{fair}-{prefix}{name}.{ext}`.
    fn response(self, fair: &FairId, prefix: &str, body: Body) -> Response {
        let (extension, media) = match self.format {
            Format::Csv => ("csv", "text/csv; charset=utf-8"),
            Format::Xlsx => (
                "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
        };
        let disposition = format!(
            "attachment; filename=\"{fair}-{prefix}{}.{extension}\"",
            self.name
        );
        (
            [
                (header::CONTENT_TYPE, media.to_owned()),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            body,
        )
            .into_response()
    }
}

/// A file that could not be written is a fault on our side.
fn written<T, E: std::fmt::Display>(result: Result<T, E>) -> Result<T, ApiError> {
    result.map_err(|error| {
        tracing::error!(%error, "writing an export failed");
        ApiError::Internal
    })
}

/// The organiser's exports: the totals per school, exhibitor and year
/// group, and the per-pupil file, each as CSV or XLSX.
pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, file)): Path<(FairId, String)>,
) -> Result<Response, ApiError> {
    caller.organiser_of(&fair)?;
    let file = ExportFile::parse(&file, &["schools", "exhibitors", "year-groups", "pupils"])?;
    if file.name == "pupils" {
        return pupils_file(&state, &fair, None, file, "").await;
    }
    let report = service::fair_report(&state, &fair).await?;
    let table = match file.name {
        "schools" => export::schools_table(&report),
        "exhibitors" => export::exhibitors_table(&report),
        _ => export::year_groups_table(&report),
    };
    let body = match file.format {
        Format::Csv => written(table.csv())?,
        Format::Xlsx => written(table.xlsx(file.name))?,
    };
    Ok(file.response(&fair, "", Body::from(body)))
}

/// One row per pupil. As CSV it streams as it is read: a fault part-way
/// ends the response early (the client sees a cut-off download, never a
/// short file that looks complete, as there is no Content-Length). As XLSX
/// (a zip, complete only at its end) the rows go into a sheet kept in a
/// temporary file, and the finished file is sent.
async fn pupils_file(
    state: &AppState,
    fair: &FairId,
    school: Option<SchoolId>,
    file: ExportFile,
    prefix: &str,
) -> Result<Response, ApiError> {
    let runs = service::pupils_export(state, fair, school).await?;
    let body = match file.format {
        Format::Csv => {
            let header = written(export::csv_rows(Some(&export::PUPILS_HEADER), &[]))?;
            let rows =
                runs.map(|rows| rows.and_then(|rows| written(export::csv_rows(None, &rows))));
            Body::from_stream(futures::stream::once(async { Ok(header) }).chain(rows))
        }
        Format::Xlsx => {
            let mut book = written(export::XlsxBook::new("pupils", &export::PUPILS_HEADER))?;
            let mut runs = std::pin::pin!(runs);
            while let Some(rows) = runs.next().await {
                written(book.add_rows(&rows?))?;
            }
            Body::from(written(book.finish())?)
        }
    };
    Ok(file.response(fair, prefix, body))
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
/// one row each, to import into the school's records (CSV or XLSX).
pub async fn school_pupils(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, school, file)): Path<(FairId, SchoolId, String)>,
) -> Result<Response, ApiError> {
    caller.leads_school(&fair, &school)?;
    let file = ExportFile::parse(&file, &["pupils"])?;
    let prefix = format!("{school}-");
    pupils_file(&state, &fair, Some(school), file, &prefix).await
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
    let body = written(export::stand_figures_csv(&figures))?;
    let file = ExportFile {
        name: "figures",
        format: Format::Csv,
    };
    Ok(file.response(&fair, &format!("{stand}-"), Body::from(body)))
}
