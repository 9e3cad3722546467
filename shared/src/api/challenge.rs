//! The My Futures challenge as a pupil sees and saves it, and as the
//! organiser sets it.

use crate::domain::{ChallengeStage, PromptText, ReflectionText};
use serde::{Deserialize, Serialize};

/// `GET /api/fairs/{fair}/challenge`: the fair's questions with the pupil's
/// own answers so far. No stages if the organiser has set none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChallengeView {
    pub stages: Vec<StageView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageView {
    pub stage: ChallengeStage,
    pub prompts: Vec<PromptText>,
    /// One per prompt, `None` where the pupil has not answered yet.
    pub answers: Vec<Option<ReflectionText>>,
    pub completed: bool,
}

impl ChallengeView {
    pub fn completed(&self) -> usize {
        self.stages.iter().filter(|s| s.completed).count()
    }
}

/// `PUT /api/fairs/{fair}/me/challenge/{stage}`: a pupil's answers so far,
/// one per question of the stage (`None` for not answered yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveAnswers {
    pub answers: Vec<Option<ReflectionText>>,
}
