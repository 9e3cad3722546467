//! Questions at a stand: what a pupil sees of them, the exhibitor's inbox,
//! answering and flagging. (Asking is recording a `question` interaction.)

use crate::error::ApiError;
use crate::model::Question;
use crate::state::AppState;
use crate::store::StoreError;
use shared::api::{AnswerDetails, AnswerRequest, InboxQuestion, QuestionState, StandQuestion};
use shared::domain::{FairId, InteractionId, Name, Pseudonym, PupilId, SchoolId, StandId};
use std::collections::HashMap;

/// The stand's questions a pupil may see: their own, whatever became of
/// them, and the ones the exhibitor published, without who asked.
pub async fn stand_questions(
    state: &AppState,
    fair: &FairId,
    stand: &StandId,
    pupil: &PupilId,
) -> Result<Vec<StandQuestion>, ApiError> {
    // Questions are pupil-level data: gone once the fair's has expired.
    super::fair_with_pupil_data(&state.store, fair, time::OffsetDateTime::now_utc()).await?;
    existing_stand(state, fair, stand).await?;
    let questions = state.store.questions(fair, stand).await?;
    Ok(questions
        .into_iter()
        .filter(|q| &q.pupil == pupil || q.state == QuestionState::Published)
        .map(|q| StandQuestion {
            id: q.id,
            mine: &q.pupil == pupil,
            text: q.text.to_string(),
            asked_at: q.asked_at,
            answer: q.answer.map(String::from),
            state: q.state,
        })
        .collect())
}

/// Every question asked at the stand, with the asker's pseudonym and
/// school and nothing else about them.
pub async fn inbox(
    state: &AppState,
    fair: &FairId,
    stand: &StandId,
) -> Result<Vec<InboxQuestion>, ApiError> {
    // Questions are pupil-level data: gone once the fair's has expired.
    super::fair_with_pupil_data(&state.store, fair, time::OffsetDateTime::now_utc()).await?;
    existing_stand(state, fair, stand).await?;
    let (questions, schools) = tokio::try_join!(
        state.store.questions(fair, stand),
        state.store.schools(fair)
    )?;
    let schools: HashMap<SchoolId, Name> = schools.into_iter().map(|s| (s.id, s.name)).collect();
    questions
        .into_iter()
        .map(|q| inbox_question(q, &schools))
        .collect()
}

pub async fn answer(
    state: &AppState,
    fair: &FairId,
    stand: &StandId,
    id: &InteractionId,
    request: &AnswerRequest,
) -> Result<InboxQuestion, ApiError> {
    let details = AnswerDetails::try_from(request)
        .map_err(|e| ApiError::InvalidField(format!("answer: {e}")))?;
    let question = state
        .store
        .answer_question(fair, stand, id, &details.answer, details.publish)
        .await?;
    tracing::info!(fair = %fair, stand = %stand, published = details.publish, "question answered");
    with_school_name(state, fair, question).await
}

pub async fn flag(
    state: &AppState,
    fair: &FairId,
    stand: &StandId,
    id: &InteractionId,
) -> Result<InboxQuestion, ApiError> {
    let question = state.store.flag_question(fair, stand, id).await?;
    tracing::warn!(fair = %fair, stand = %stand, question = %id, "question flagged as inappropriate");
    with_school_name(state, fair, question).await
}

async fn existing_stand(state: &AppState, fair: &FairId, stand: &StandId) -> Result<(), ApiError> {
    state
        .store
        .stand(fair, stand)
        .await?
        .map(|_| ())
        .ok_or(ApiError::UnknownStand)
}

async fn with_school_name(
    state: &AppState,
    fair: &FairId,
    question: Question,
) -> Result<InboxQuestion, ApiError> {
    let school = state.store.school(fair, &question.school).await?;
    let schools = school.map(|s| (s.id, s.name)).into_iter().collect();
    inbox_question(question, &schools)
}

fn inbox_question(
    question: Question,
    schools: &HashMap<SchoolId, Name>,
) -> Result<InboxQuestion, ApiError> {
    let school_name = schools.get(&question.school).cloned().ok_or_else(|| {
        ApiError::from(StoreError::Mapping(
            "a question's school is not in the fair".into(),
        ))
    })?;
    Ok(InboxQuestion {
        id: question.id,
        text: question.text.to_string(),
        asked_at: question.asked_at,
        pseudonym: Pseudonym::for_pupil(&question.pupil),
        school_name,
        state: question.state,
        answer: question.answer.map(String::from),
    })
}
