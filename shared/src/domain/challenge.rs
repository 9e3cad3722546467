//! The My Futures challenge: three stages a pupil works through during the
//! fair, each a few questions the organiser sets for that fair. A pupil
//! completes a stage by answering all of its questions, about one stand;
//! the completion is an interaction with that stand, made once per stage.

use super::Paragraph;
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChallengeStage {
    /// Questions about what they saw at stands.
    WorkplaceInsight,
    /// Their skills and interests, what they are good at.
    SelfReflection,
    /// Next steps, stands to follow up.
    OnwardPlanning,
}

impl ChallengeStage {
    pub const ALL: [ChallengeStage; 3] = [
        ChallengeStage::WorkplaceInsight,
        ChallengeStage::SelfReflection,
        ChallengeStage::OnwardPlanning,
    ];

    /// The machine name, as in JSON and URLs.
    pub fn code(self) -> &'static str {
        match self {
            ChallengeStage::WorkplaceInsight => "workplace_insight",
            ChallengeStage::SelfReflection => "self_reflection",
            ChallengeStage::OnwardPlanning => "onward_planning",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|stage| stage.code() == code)
    }

    pub fn title(self) -> &'static str {
        match self {
            ChallengeStage::WorkplaceInsight => "Workplace insight",
            ChallengeStage::SelfReflection => "Self-reflection",
            ChallengeStage::OnwardPlanning => "Onward planning",
        }
    }

    /// Where this stage sits in [`ChallengeStage::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A question the organiser sets.
pub type PromptText = Paragraph<300>;
/// A pupil's answer to one question.
pub type ReflectionText = Paragraph<1000>;

/// The most questions one stage may have: the challenge should take a pupil
/// minutes, not an hour.
pub const MAX_PROMPTS: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("each stage needs 1 to {MAX_PROMPTS} questions ({0} has {1})")]
pub struct PromptsError(&'static str, usize);

/// The questions of every stage, in [`ChallengeStage::ALL`] order: each
/// stage has between one and [`MAX_PROMPTS`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ChallengeQuestionsData", into = "ChallengeQuestionsData")]
pub struct ChallengeQuestions([Vec<PromptText>; 3]);

/// The unchecked JSON shape of [`ChallengeQuestions`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChallengeQuestionsData {
    pub workplace_insight: Vec<PromptText>,
    pub self_reflection: Vec<PromptText>,
    pub onward_planning: Vec<PromptText>,
}

impl TryFrom<ChallengeQuestionsData> for ChallengeQuestions {
    type Error = PromptsError;
    fn try_from(data: ChallengeQuestionsData) -> Result<Self, Self::Error> {
        let stages = [
            data.workplace_insight,
            data.self_reflection,
            data.onward_planning,
        ];
        for (stage, prompts) in ChallengeStage::ALL.iter().zip(&stages) {
            if prompts.is_empty() || prompts.len() > MAX_PROMPTS {
                return Err(PromptsError(stage.title(), prompts.len()));
            }
        }
        Ok(Self(stages))
    }
}

impl From<ChallengeQuestions> for ChallengeQuestionsData {
    fn from(questions: ChallengeQuestions) -> Self {
        let [workplace_insight, self_reflection, onward_planning] = questions.0;
        Self {
            workplace_insight,
            self_reflection,
            onward_planning,
        }
    }
}

impl ChallengeQuestions {
    pub fn prompts(&self, stage: ChallengeStage) -> &[PromptText] {
        &self.0[stage.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prompts(n: usize) -> Vec<PromptText> {
        (0..n)
            .map(|i| PromptText::parse(&format!("Question {i}?")).expect("prompt"))
            .collect()
    }

    #[test]
    fn every_stage_needs_one_to_five_questions() {
        let data = |a, b, c| ChallengeQuestionsData {
            workplace_insight: prompts(a),
            self_reflection: prompts(b),
            onward_planning: prompts(c),
        };
        let questions = ChallengeQuestions::try_from(data(2, 1, 5)).expect("valid");
        assert_eq!(questions.prompts(ChallengeStage::OnwardPlanning).len(), 5);
        assert!(ChallengeQuestions::try_from(data(0, 1, 1)).is_err());
        assert!(ChallengeQuestions::try_from(data(1, 6, 1)).is_err());
    }

    #[test]
    fn questions_read_from_json_and_refuse_unknown_stages_and_empty_text() {
        let json = r#"{"workplace_insight":["What surprised you?"],"self_reflection":["What are you good at?"],"onward_planning":["What next?"]}"#;
        let questions: ChallengeQuestions = serde_json::from_str(json).expect("questions");
        assert_eq!(
            questions.prompts(ChallengeStage::WorkplaceInsight)[0].as_str(),
            "What surprised you?"
        );
        assert_eq!(serde_json::to_string(&questions).expect("json"), json);
        let extra = json.replace("}", r#","daydreaming":["?"]}"#);
        assert!(serde_json::from_str::<ChallengeQuestions>(&extra).is_err());
        let blank = json.replace("What next?", "  ");
        assert!(serde_json::from_str::<ChallengeQuestions>(&blank).is_err());
    }

    #[test]
    fn stages_round_trip_through_their_codes() {
        for stage in ChallengeStage::ALL {
            assert_eq!(ChallengeStage::parse(stage.code()), Some(stage));
        }
        assert_eq!(ChallengeStage::parse("daydreaming"), None);
    }
}
