//! What the API does, one function per action, between the handlers (which
//! only extract and answer) and the store (which only stores). Each function
//! checks what the request refers to exists and is allowed now.

pub mod challenge;
mod csv_import;
pub mod erasure;
pub mod invites;
mod join;
pub mod new_fair;
pub mod organiser;
pub mod questions;
mod record;
mod report;
pub mod retention;
pub mod schools;
pub mod stand_editor;
pub mod stand_files;
pub mod stand_import;
pub mod uploads;
mod views;

pub use join::{join_fair, resume};
pub use record::record_interaction;
pub use report::{fair_report, pupils_export, school_report, stand_figures};
pub use views::{fair_view, pupil_record, stand_detail, stand_summaries, stands_readiness};

use crate::error::ApiError;
use crate::model::Fair;
use crate::store::Store;
use shared::domain::FairId;
use time::OffsetDateTime;

/// The fair, or `UnknownFair`.
async fn existing_fair(store: &Store, fair: &FairId) -> Result<Fair, ApiError> {
    store.fair(fair).await?.ok_or(ApiError::UnknownFair)
}

/// The organiser changes the fair's name, description or dates.
pub async fn save_details(
    state: &crate::state::AppState,
    fair: &FairId,
    details: &shared::api::FairDetails,
) -> Result<(), ApiError> {
    let details = shared::api::CheckedFairDetails::try_from(details)
        .map_err(|e| ApiError::InvalidField(e.to_string()))?;
    existing_fair(&state.store, fair).await?;
    if !state.store.set_fair_details(fair, &details).await? {
        return Err(ApiError::UnknownFair);
    }
    tracing::info!(%fair, "fair details saved");
    Ok(())
}

/// Moves the fair on as the organiser asks, if its current status allows
/// it. Archiving also sets when its pupil-level data expires and queues it
/// for the retention job.
pub async fn change_status(
    state: &crate::state::AppState,
    fair: &FairId,
    request: &shared::api::ChangeStatus,
) -> Result<(), ApiError> {
    let change = shared::api::StatusChange::try_from(request)
        .map_err(|e| ApiError::InvalidField(e.to_string()))?;
    let to = change.to();
    let from = existing_fair(&state.store, fair).await?.status;
    let changed = from.can_become(to)
        && match change.keep_pupil_data() {
            Some(days) => {
                let now = OffsetDateTime::now_utc();
                let expires_at = days.expiry_after(now);
                let archived = state
                    .store
                    .archive_fair(fair, from, now, expires_at)
                    .await?;
                if archived {
                    tracing::info!(%fair, days = days.get(), %expires_at, "pupil-level data will expire");
                }
                archived
            }
            None => state.store.change_fair_status(fair, from, to).await?,
        };
    if !changed {
        // Also when someone else moved it first: the page shows the new
        // status once it reloads.
        return Err(ApiError::StatusChangeRefused { from, to });
    }
    tracing::info!(%fair, %from, %to, "fair status changed");
    Ok(())
}

/// The fair, or `PupilDataRemoved` once the pupil-level data the organiser
/// chose to keep after archiving has expired: DynamoDB deletes expired
/// items only within a few days, and until then they must not be served.
async fn fair_with_pupil_data(
    store: &Store,
    fair: &FairId,
    now: OffsetDateTime,
) -> Result<Fair, ApiError> {
    let fair = existing_fair(store, fair).await?;
    if fair.pupil_data_removed_at(now) {
        return Err(ApiError::PupilDataRemoved);
    }
    Ok(fair)
}

/// The fair if it takes pupils' activity at `now`, or `FairNotOpen`.
async fn open_fair(store: &Store, fair: &FairId, now: OffsetDateTime) -> Result<Fair, ApiError> {
    let fair = existing_fair(store, fair).await?;
    if !fair.is_open_at(now) {
        return Err(ApiError::FairNotOpen);
    }
    Ok(fair)
}
