//! A pupil's data erased on request (a parent or the school asks). The
//! fair's running totals stay: they are counts with no one in them, and
//! the fair's reports to funders must not change after the event. The
//! per-pupil export no longer lists the pupil.

use super::existing_fair;
use crate::error::ApiError;
use crate::state::AppState;
use shared::api::{ErasePupil, Erased};
use shared::domain::{FairId, StandId};

pub async fn erase_pupil(
    state: &AppState,
    fair: &FairId,
    request: &ErasePupil,
) -> Result<Erased, ApiError> {
    existing_fair(&state.store, fair).await?;
    let pupil = state
        .store
        .pupil(fair, &request.pupil)
        .await?
        .ok_or(ApiError::NotFound)?;
    let stands: Vec<StandId> = state
        .store
        .stands(fair)
        .await?
        .into_iter()
        .map(|stand| stand.id)
        .collect();
    let items = state.store.erase_pupil(fair, &pupil.id, &stands).await?;
    // Who was erased is not logged: that would keep them in the logs.
    tracing::info!(%fair, items, "a pupil's data was erased on request");
    Ok(Erased {
        items: items as u64,
    })
}
