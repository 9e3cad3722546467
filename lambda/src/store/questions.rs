//! Questions pupils ask at a stand: one item per question in the stand's
//! question partition, written by the ledger in the same transaction as the
//! `question` interaction (so it exists exactly when that interaction does),
//! then answered, published or flagged by the stand's exhibitor.

use super::items::{Item, from_item, key};
use super::{Store, StoreError, keys};
use crate::model::Question;
use aws_sdk_dynamodb::types::{AttributeValue, ReturnValue, ReturnValuesOnConditionCheckFailure};
use serde::{Deserialize, Serialize};
use shared::api::QuestionState;
use shared::domain::{AnswerText, FairId, InteractionId, PupilId, QuestionText, SchoolId, StandId};
use thiserror::Error;
use time::OffsetDateTime;

#[derive(Serialize, Deserialize)]
pub struct QuestionItem {
    pub pk: String,
    pub sk: String,
    pub id: InteractionId,
    pub pupil: PupilId,
    pub school: SchoolId,
    pub text: QuestionText,
    #[serde(with = "time::serde::timestamp")]
    pub asked_at: OffsetDateTime,
    pub state: QuestionState,
    #[serde(default)]
    pub answer: Option<AnswerText>,
}

impl QuestionItem {
    pub fn asked(fair: &FairId, stand: &StandId, question: &Question) -> Self {
        Self {
            pk: keys::questions_pk(fair, stand),
            sk: keys::question_sk(&question.id),
            id: question.id,
            pupil: question.pupil,
            school: question.school.clone(),
            text: question.text.clone(),
            asked_at: question.asked_at,
            state: question.state,
            answer: question.answer.clone(),
        }
    }
}

impl From<QuestionItem> for Question {
    fn from(item: QuestionItem) -> Self {
        Self {
            id: item.id,
            pupil: item.pupil,
            school: item.school,
            text: item.text,
            asked_at: item.asked_at,
            state: item.state,
            answer: item.answer,
        }
    }
}

#[derive(Debug, Error)]
pub enum QuestionError {
    #[error("there is no such question on this stand")]
    NotFound,
    #[error("the question was flagged as inappropriate and cannot be answered")]
    Flagged,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The stored form of a state, as in the item's `state` attribute.
fn state_value(state: QuestionState) -> Result<AttributeValue, StoreError> {
    serde_dynamo::to_attribute_value(state).map_err(|e| StoreError::Mapping(e.to_string()))
}

impl Store {
    /// Every question asked at a stand, oldest first.
    pub async fn questions(
        &self,
        fair: &FairId,
        stand: &StandId,
    ) -> Result<Vec<Question>, StoreError> {
        let items = self
            .query_prefix(keys::questions_pk(fair, stand), keys::QUESTION_PREFIX)
            .await?;
        let mut questions = items
            .into_iter()
            .map(|item| from_item::<QuestionItem>(item).map(Question::from))
            .collect::<Result<Vec<_>, _>>()?;
        questions.sort_by_key(|q| (q.asked_at, q.id.to_string()));
        Ok(questions)
    }

    /// Sets the answer and whether it is published; a flagged question
    /// stays as it is.
    pub async fn answer_question(
        &self,
        fair: &FairId,
        stand: &StandId,
        id: &InteractionId,
        answer: &AnswerText,
        publish: bool,
    ) -> Result<Question, QuestionError> {
        let state = if publish {
            QuestionState::Published
        } else {
            QuestionState::AnsweredPrivately
        };
        let update = self
            .update_question(fair, stand, id)?
            .update_expression("SET answer = :answer, #state = :state")
            .condition_expression("attribute_exists(pk) AND #state <> :flagged")
            .expression_attribute_values(":answer", AttributeValue::S(answer.to_string()))
            .expression_attribute_values(":state", state_value(state)?);
        self.finish_question_update(update).await
    }

    /// Marks a question as inappropriate: it leaves the stand (its asker
    /// is told it will not be answered) and any answer is withdrawn.
    pub async fn flag_question(
        &self,
        fair: &FairId,
        stand: &StandId,
        id: &InteractionId,
    ) -> Result<Question, QuestionError> {
        let update = self
            .update_question(fair, stand, id)?
            .update_expression("SET #state = :flagged REMOVE answer")
            .condition_expression("attribute_exists(pk)");
        self.finish_question_update(update).await
    }

    fn update_question(
        &self,
        fair: &FairId,
        stand: &StandId,
        id: &InteractionId,
    ) -> Result<
        aws_sdk_dynamodb::operation::update_item::builders::UpdateItemFluentBuilder,
        StoreError,
    > {
        Ok(self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(
                keys::questions_pk(fair, stand),
                keys::question_sk(id),
            )))
            .expression_attribute_names("#state", "state")
            .expression_attribute_values(":flagged", state_value(QuestionState::Flagged)?)
            .return_values(ReturnValue::AllNew)
            .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld))
    }

    async fn finish_question_update(
        &self,
        update: aws_sdk_dynamodb::operation::update_item::builders::UpdateItemFluentBuilder,
    ) -> Result<Question, QuestionError> {
        match update.send().await {
            Ok(output) => {
                let item: Item = output
                    .attributes
                    .ok_or_else(|| StoreError::Mapping("no question after update".into()))?;
                Ok(from_item::<QuestionItem>(item)?.into())
            }
            Err(error) => {
                let old = error.as_service_error().and_then(|e| match e {
                    aws_sdk_dynamodb::operation::update_item::UpdateItemError::ConditionalCheckFailedException(failed) => Some(failed.item().is_some()),
                    _ => None,
                });
                match old {
                    // The condition failed on an existing item: it is flagged.
                    Some(true) => Err(QuestionError::Flagged),
                    Some(false) => Err(QuestionError::NotFound),
                    None => Err(StoreError::from_sdk("UpdateItem", error).into()),
                }
            }
        }
    }
}
