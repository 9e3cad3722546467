//! Questions pupils ask at a stand and exhibitors' answers. A pupil asks by
//! recording an interaction of kind `question`, so a question is stored
//! once however often it is sent and counts towards the encounter. The
//! exhibitor sees the asker's pseudonym and school only, and there is no way
//! to reply to a pupil except on the stand.

use crate::domain::{AnswerText, InteractionId, Name, ParagraphError, Pseudonym};
use serde::{Deserialize, Serialize};

/// The most questions one pupil may ask at one stand: enough to follow up,
/// not enough to flood an exhibitor's inbox.
pub const QUESTIONS_PER_STAND: u64 = 5;
use time::OffsetDateTime;

/// Where a question stands, as the exhibitor sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionState {
    /// Not answered yet.
    Waiting,
    /// Answered for the asker only.
    AnsweredPrivately,
    /// Answered and shown to every pupil on the stand, without the asker.
    Published,
    /// Marked as inappropriate: hidden from the stand, left for the organiser.
    Flagged,
}

impl QuestionState {
    /// The machine name, as in JSON.
    pub fn code(self) -> &'static str {
        match self {
            QuestionState::Waiting => "waiting",
            QuestionState::AnsweredPrivately => "answered_privately",
            QuestionState::Published => "published",
            QuestionState::Flagged => "flagged",
        }
    }

    /// As shown to the exhibitor.
    pub fn label(self) -> &'static str {
        match self {
            QuestionState::Waiting => "Waiting for your answer",
            QuestionState::AnsweredPrivately => "Answered, for the asker only",
            QuestionState::Published => "Answered and shown on your stand",
            QuestionState::Flagged => "Flagged as inappropriate",
        }
    }
}

/// A question as a pupil sees it on a stand: one of their own (in any
/// state but flagged) or one the exhibitor published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandQuestion {
    pub id: InteractionId,
    pub text: String,
    #[serde(with = "time::serde::rfc3339")]
    pub asked_at: OffsetDateTime,
    /// `None` while the pupil's own question waits for an answer.
    pub answer: Option<String>,
    /// The pupil asked it.
    pub mine: bool,
    pub state: QuestionState,
}

/// A question in the exhibitor's inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxQuestion {
    pub id: InteractionId,
    pub text: String,
    #[serde(with = "time::serde::rfc3339")]
    pub asked_at: OffsetDateTime,
    pub pseudonym: Pseudonym,
    pub school_name: Name,
    pub state: QuestionState,
    pub answer: Option<String>,
}

/// `PUT .../questions/{id}/answer`: the exhibitor's answer, and whether
/// every pupil on the stand should see it (without the asker's name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerRequest {
    pub answer: String,
    pub publish: bool,
}

/// An answer whose text is valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerDetails {
    pub answer: AnswerText,
    pub publish: bool,
}

impl TryFrom<&AnswerRequest> for AnswerDetails {
    type Error = ParagraphError;
    fn try_from(request: &AnswerRequest) -> Result<Self, Self::Error> {
        Ok(Self {
            answer: AnswerText::parse(&request.answer)?,
            publish: request.publish,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_codes_are_the_json_names() {
        for state in [
            QuestionState::Waiting,
            QuestionState::AnsweredPrivately,
            QuestionState::Published,
            QuestionState::Flagged,
        ] {
            let json = serde_json::to_string(&state).expect("json");
            assert_eq!(json, format!("\"{}\"", state.code()));
        }
    }
}
