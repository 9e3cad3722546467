//! The My Futures challenge: the fair's questions live on the fair's item;
//! each pupil's answers and completed stages on one item in the pupil's
//! partition (`CHALLENGE`), one attribute per stage, so saving one stage
//! never overwrites another.

use super::items::key;
use super::table::build_error;
use super::{Store, StoreError, keys};
use aws_sdk_dynamodb::types::{AttributeValue, TransactWriteItem, Update};
use shared::domain::{ChallengeQuestions, ChallengeStage, FairId, PupilId, ReflectionText};

/// A pupil's answers so far and which stages they have completed, in
/// [`ChallengeStage::ALL`] order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChallengeProgress {
    pub answers: [Vec<Option<ReflectionText>>; 3],
    pub completed: [bool; 3],
}

fn answers_attribute(stage: ChallengeStage) -> String {
    format!("answers_{}", stage.code())
}

fn completed_attribute(stage: ChallengeStage) -> String {
    format!("completed_{}", stage.code())
}

impl Store {
    /// Sets the fair's challenge questions; false if there is no such fair.
    pub async fn set_challenge(
        &self,
        fair: &FairId,
        questions: &ChallengeQuestions,
    ) -> Result<bool, StoreError> {
        let value = serde_dynamo::to_attribute_value(questions)
            .map_err(|e| StoreError::Mapping(e.to_string()))?;
        let result = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(keys::fair_pk(fair), keys::FAIR_SK)))
            .update_expression("SET challenge = :questions")
            .condition_expression("attribute_exists(pk)")
            .expression_attribute_values(":questions", value)
            .send()
            .await;
        super::passed_condition(result)
    }

    pub async fn challenge_progress(
        &self,
        fair: &FairId,
        pupil: &PupilId,
    ) -> Result<ChallengeProgress, StoreError> {
        let Some(item) = self
            .get(key(keys::pupil_pk(fair, pupil), keys::CHALLENGE_SK), true)
            .await?
        else {
            return Ok(ChallengeProgress::default());
        };
        let mut progress = ChallengeProgress::default();
        for stage in ChallengeStage::ALL {
            if let Some(value) = item.get(&answers_attribute(stage)) {
                progress.answers[stage.index()] = serde_dynamo::from_attribute_value(value.clone())
                    .map_err(|e| StoreError::Mapping(e.to_string()))?;
            }
            progress.completed[stage.index()] = matches!(
                item.get(&completed_attribute(stage)),
                Some(AttributeValue::Bool(true))
            );
        }
        Ok(progress)
    }

    /// Replaces the pupil's answers for one stage.
    pub async fn save_answers(
        &self,
        fair: &FairId,
        pupil: &PupilId,
        stage: ChallengeStage,
        answers: &[Option<ReflectionText>],
    ) -> Result<(), StoreError> {
        let value = serde_dynamo::to_attribute_value(answers)
            .map_err(|e| StoreError::Mapping(e.to_string()))?;
        self.client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(keys::pupil_pk(fair, pupil), keys::CHALLENGE_SK)))
            .update_expression("SET #answers = :answers")
            .expression_attribute_names("#answers", answers_attribute(stage))
            .expression_attribute_values(":answers", value)
            .send()
            .await
            .map_err(|e| StoreError::from_sdk("UpdateItem", e))?;
        Ok(())
    }

    /// The ledger's step that marks a stage completed, in the same
    /// transaction as the interaction that completes it.
    pub(super) fn complete_stage(
        &self,
        pupil_pk: &str,
        stage: ChallengeStage,
    ) -> Result<TransactWriteItem, StoreError> {
        let update = Update::builder()
            .table_name(&self.table)
            .set_key(Some(key(pupil_pk.to_owned(), keys::CHALLENGE_SK)))
            .update_expression("SET #completed = :yes")
            .expression_attribute_names("#completed", completed_attribute(stage))
            .expression_attribute_values(":yes", AttributeValue::Bool(true))
            .build()
            .map_err(build_error)?;
        Ok(TransactWriteItem::builder().update(update).build())
    }
}
