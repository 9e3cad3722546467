//! The My Futures challenge: the organiser sets the questions, a pupil
//! saves answers as they go, and completing a stage (an interaction, see
//! `record`) needs every question of it answered.

use super::{existing_fair, fair_with_pupil_data, open_fair};
use crate::error::ApiError;
use crate::model::Fair;
use crate::state::AppState;
use crate::store::ChallengeProgress;
use shared::api::{ChallengeView, SaveAnswers, StageView};
use shared::domain::{ChallengeQuestions, ChallengeStage, FairId, PupilId};
use time::OffsetDateTime;

/// The fair's questions with this pupil's answers and completed stages, or
/// with none (for the organiser, who sets them).
pub async fn view(
    state: &AppState,
    fair: &FairId,
    pupil: Option<&PupilId>,
) -> Result<ChallengeView, ApiError> {
    let fair = match pupil {
        Some(_) => fair_with_pupil_data(&state.store, fair, OffsetDateTime::now_utc()).await?,
        None => existing_fair(&state.store, fair).await?,
    };
    let Some(questions) = &fair.challenge else {
        return Ok(ChallengeView { stages: Vec::new() });
    };
    let progress = match pupil {
        Some(pupil) => state.store.challenge_progress(&fair.id, pupil).await?,
        None => ChallengeProgress::default(),
    };
    let stages = ChallengeStage::ALL
        .into_iter()
        .map(|stage| {
            let prompts = questions.prompts(stage).to_vec();
            // Answers saved against an earlier version of the questions are
            // kept where they line up and padded where there are more now.
            let mut answers = progress.answers[stage.index()].clone();
            answers.resize(prompts.len(), None);
            StageView {
                stage,
                prompts,
                answers,
                completed: progress.completed[stage.index()],
            }
        })
        .collect();
    Ok(ChallengeView { stages })
}

/// Replaces the pupil's answers to one stage: one per question, while the
/// fair is open.
pub async fn save(
    state: &AppState,
    fair: &FairId,
    pupil: &PupilId,
    stage: ChallengeStage,
    request: &SaveAnswers,
) -> Result<(), ApiError> {
    let fair = open_fair(&state.store, fair, OffsetDateTime::now_utc()).await?;
    // A pupil erased on request may still hold a token; their answers must
    // not come back.
    state
        .store
        .pupil(&fair.id, pupil)
        .await?
        .ok_or(ApiError::InvalidToken)?;
    let questions = fair
        .challenge
        .as_ref()
        .ok_or(ApiError::ChallengeIncomplete)?;
    let expected = questions.prompts(stage).len();
    if request.answers.len() != expected {
        return Err(ApiError::InvalidField(format!(
            "answers: this stage has {expected} questions, so give {expected} answers (null for one not answered yet)"
        )));
    }
    state
        .store
        .save_answers(&fair.id, pupil, stage, &request.answers)
        .await?;
    tracing::info!(fair = %fair.id, stage = stage.code(), "challenge answers saved");
    Ok(())
}

/// Whether `pupil` may now complete `stage`: the fair sets questions for it
/// and every one of them has an answer.
pub async fn check_complete(
    state: &AppState,
    fair: &Fair,
    pupil: &PupilId,
    stage: ChallengeStage,
) -> Result<(), ApiError> {
    let questions = fair
        .challenge
        .as_ref()
        .ok_or(ApiError::ChallengeIncomplete)?;
    let progress = state.store.challenge_progress(&fair.id, pupil).await?;
    if all_answered(questions, &progress, stage) {
        Ok(())
    } else {
        Err(ApiError::ChallengeIncomplete)
    }
}

fn all_answered(
    questions: &ChallengeQuestions,
    progress: &ChallengeProgress,
    stage: ChallengeStage,
) -> bool {
    let answers = &progress.answers[stage.index()];
    let needed = questions.prompts(stage).len();
    answers.len() >= needed && answers[..needed].iter().all(Option::is_some)
}

/// The organiser sets (or changes) the fair's questions.
pub async fn set_questions(
    state: &AppState,
    fair: &FairId,
    questions: &ChallengeQuestions,
) -> Result<(), ApiError> {
    if !state.store.set_challenge(fair, questions).await? {
        return Err(ApiError::UnknownFair);
    }
    tracing::info!(fair = %fair, "challenge questions set");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::domain::{ChallengeQuestionsData, PromptText, ReflectionText};

    #[test]
    fn a_stage_is_complete_only_when_every_question_has_an_answer() {
        let prompts = |n: usize| vec![PromptText::parse("Why?").expect("prompt"); n];
        let questions = ChallengeQuestions::try_from(ChallengeQuestionsData {
            workplace_insight: prompts(2),
            self_reflection: prompts(1),
            onward_planning: prompts(1),
        })
        .expect("questions");
        let answer = Some(ReflectionText::parse("Because").expect("answer"));
        let with = |answers: Vec<Option<ReflectionText>>| {
            let mut progress = ChallengeProgress::default();
            progress.answers[0] = answers;
            progress
        };
        let stage = ChallengeStage::WorkplaceInsight;
        assert!(!all_answered(&questions, &with(vec![]), stage));
        assert!(!all_answered(
            &questions,
            &with(vec![answer.clone()]),
            stage
        ));
        assert!(!all_answered(
            &questions,
            &with(vec![answer.clone(), None]),
            stage
        ));
        assert!(all_answered(
            &questions,
            &with(vec![answer.clone(), answer]),
            stage
        ));
    }
}
