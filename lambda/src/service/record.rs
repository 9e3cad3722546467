//! Recording an interaction: checks, then the ledger.

use super::{challenge, open_fair};
use crate::error::ApiError;
use crate::state::AppState;
use crate::store::{NewInteraction, Recorded};
use shared::api::{RecordInteraction, RecordedInteraction};
use shared::domain::{FairId, InteractionKind, PupilId};
use time::OffsetDateTime;

pub async fn record_interaction(
    state: &AppState,
    fair: &FairId,
    pupil: &PupilId,
    request: RecordInteraction,
) -> Result<(Recorded, RecordedInteraction), ApiError> {
    let now = OffsetDateTime::now_utc();
    let fair_record = open_fair(&state.store, fair, now).await?;
    let stand = state
        .store
        .stand(fair, &request.stand)
        .await?
        .ok_or(ApiError::UnknownStand)?;
    match &request.kind {
        InteractionKind::Visit {} | InteractionKind::Question { .. } => {}
        InteractionKind::ProspectusDownload { prospectus } => {
            if !stand.prospectuses.iter().any(|p| &p.id == prospectus) {
                return Err(ApiError::UnknownProspectus);
            }
        }
        InteractionKind::VideoProgress { video, .. } => {
            if !stand.videos.iter().any(|v| &v.id == video) {
                return Err(ApiError::UnknownVideo);
            }
        }
        InteractionKind::ChallengeStage { stage } => {
            challenge::check_complete(state, &fair_record, pupil, *stage).await?;
        }
    }
    if let Some(required) = request.kind.once_only_id(pupil, &stand.id)
        && required != request.id
    {
        return Err(ApiError::WrongInteractionId);
    }
    let interaction = NewInteraction {
        id: request.id,
        stand: stand.id,
        benchmark: stand.kind.benchmark(),
        kind: request.kind,
        at: now,
    };
    let recorded = state
        .store
        .record_interaction(fair, pupil, &interaction)
        .await?;
    let new_encounter = match recorded {
        Recorded::New { new_encounter } | Recorded::Replayed { new_encounter } => new_encounter,
    };
    tracing::info!(
        fair = %fair,
        stand = %interaction.stand,
        kind = interaction.kind.code(),
        replay = matches!(recorded, Recorded::Replayed { .. }),
        "interaction"
    );
    Ok((
        recorded,
        RecordedInteraction {
            id: interaction.id,
            new_encounter,
        },
    ))
}
