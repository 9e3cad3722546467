//! An exhibitor (or the organiser) saving the words on a stand. Its videos,
//! prospectuses and logo are kept as they are (see `service::uploads`).

use super::existing_fair;
use crate::error::ApiError;
use crate::state::AppState;
use shared::api::{StandContent, StandContentDetails};
use shared::domain::{FairId, StandId};

pub async fn save_content(
    state: &AppState,
    fair: &FairId,
    stand: &StandId,
    content: &StandContent,
) -> Result<(), ApiError> {
    let details = StandContentDetails::try_from(content)
        .map_err(|e| ApiError::InvalidField(e.to_string()))?;
    existing_fair(&state.store, fair).await?;
    let mut saved = state
        .store
        .stand(fair, stand)
        .await?
        .ok_or(ApiError::UnknownStand)?;
    saved.name = details.name;
    saved.kind = details.kind;
    saved.sectors = details.sectors.into_iter().map(String::from).collect();
    saved.tagline = details.tagline.map(String::from).unwrap_or_default();
    saved.about = details.about.map(String::from).unwrap_or_default();
    saved.links = details.links;
    saved.opportunities = details.opportunities;
    // Only the words are written: two people saving at once keep the last
    // one's words, as in any form, and files uploaded meanwhile are kept.
    if !state.store.set_stand_words(fair, &saved).await? {
        return Err(ApiError::UnknownStand);
    }
    tracing::info!(%fair, %stand, "stand content saved");
    Ok(())
}
