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
use shared::domain::{FairId, FairStatus};
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

/// Moves the fair on to `to`, if its current status allows it.
pub async fn change_status(
    state: &crate::state::AppState,
    fair: &FairId,
    to: FairStatus,
) -> Result<(), ApiError> {
    let from = existing_fair(&state.store, fair).await?.status;
    if !from.can_become(to) || !state.store.change_fair_status(fair, from, to).await? {
        // Also when someone else moved it first: the page shows the new
        // status once it reloads.
        return Err(ApiError::StatusChangeRefused { from, to });
    }
    tracing::info!(%fair, %from, %to, "fair status changed");
    Ok(())
}

/// The fair if it takes pupils' activity at `now`, or `FairNotOpen`.
async fn open_fair(store: &Store, fair: &FairId, now: OffsetDateTime) -> Result<Fair, ApiError> {
    let fair = existing_fair(store, fair).await?;
    if !fair.is_open_at(now) {
        return Err(ApiError::FairNotOpen);
    }
    Ok(fair)
}
