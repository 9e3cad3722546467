//! The exhibitor (or the organiser) takes a file off their stand: a
//! prospectus, a video with its captions, or the logo. The stand's item is
//! changed first, with a condition, and the file deleted after, so a pupil
//! never sees a link to a file that is gone.

use super::stand_detail;
use crate::error::ApiError;
use crate::state::AppState;
use shared::api::StandDetail;
use shared::domain::{FairId, ProspectusId, StandId, VideoId};

/// What to take off.
pub enum StandFile {
    Prospectus(ProspectusId),
    Video(VideoId),
    Logo,
}

pub async fn remove(
    state: &AppState,
    fair: &FairId,
    stand: &StandId,
    file: &StandFile,
) -> Result<StandDetail, ApiError> {
    let saved = state
        .store
        .stand(fair, stand)
        .await?
        .ok_or(ApiError::UnknownStand)?;
    let (removed, keys) = match file {
        StandFile::Prospectus(id) => {
            let (index, prospectus) = saved
                .prospectuses
                .iter()
                .enumerate()
                .find(|(_, p)| &p.id == id)
                .ok_or(ApiError::UnknownProspectus)?;
            let removed = state
                .store
                .remove_file_entry(fair, stand, "prospectuses", index, id.as_str())
                .await?;
            (removed, vec![prospectus.file_key.clone()])
        }
        StandFile::Video(id) => {
            let (index, video) = saved
                .videos
                .iter()
                .enumerate()
                .find(|(_, v)| &v.id == id)
                .ok_or(ApiError::UnknownVideo)?;
            let removed = state
                .store
                .remove_file_entry(fair, stand, "videos", index, id.as_str())
                .await?;
            (
                removed,
                vec![video.file_key.clone(), video.captions_key.clone()],
            )
        }
        StandFile::Logo => {
            let key = saved.logo_key.clone().ok_or(ApiError::NotFound)?;
            (state.store.remove_logo(fair, stand, &key).await?, vec![key])
        }
    };
    if !removed {
        // The stand changed between the read and the write (another
        // upload or removal): nothing was taken off; the page reloads.
        return Err(ApiError::Unavailable);
    }
    for key in keys {
        // Files the demo shares between stands live outside the stand's
        // own folder and are left alone.
        if !key.starts_with(&format!("{fair}/{stand}/")) {
            continue;
        }
        if let Err(error) = state.files.delete(&key).await {
            tracing::warn!(%error, "a removed file could not be deleted");
        }
    }
    tracing::info!(%fair, %stand, "file removed from stand");
    stand_detail(state, fair, stand).await
}
