//! Recording what a pupil did at a stand.

use crate::domain::{InteractionId, InteractionKind, StandId};
use serde::{Deserialize, Serialize};

/// `POST /api/fairs/{fair}/interactions`. The client mints `id` before its
/// first attempt and sends the same id on every retry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordInteraction {
    pub id: InteractionId,
    pub stand: StandId,
    pub kind: InteractionKind,
}

/// The outcome of recording: the same body whether this was the first
/// attempt (201) or a replay (200).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedInteraction {
    pub id: InteractionId,
    /// This interaction opened the pupil's encounter with the exhibitor.
    pub new_encounter: bool,
}
