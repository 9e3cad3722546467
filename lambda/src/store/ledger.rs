//! Recording an interaction: the encounter ledger's one write path.
//!
//! Each attempt reads the pupil and their encounter with the stand's
//! exhibitor (consistently), works out what is new with the shared
//! encounter rules, and commits everything in one transaction:
//!
//! 0. put the interaction, if no interaction with its id exists
//!    (so a retried request is recognised, never counted twice);
//! 1. bump the pupil's interaction count, if it is still what was read
//!    (so two interactions of one pupil cannot both think they were first);
//! 2. create the encounter if it was absent, else add to it (for a
//!    question, only while the pupil has asked fewer than
//!    [`QUESTIONS_PER_STAND`] there);
//! 3. add the change to the fair's, the school's, the year group's and the
//!    stand's totals, and to the hour's count of interactions, in the
//!    pupil's shard, and to the stand's own totals for the pupil's school
//!    and year group (a new encounter also bumps the pupil's count under its
//!    benchmark in step 1, so the totals count each pupil once as they
//!    reach one encounter of each benchmark and the goal of four);
//! 4. for a question, put it in the stand's questions for the exhibitor;
//! 5. for a challenge stage, mark the stage completed on the pupil's answers.
//!
//! A crash between steps is impossible (DynamoDB commits all or nothing), so
//! the totals always agree with the interactions stored. If the transaction
//! is cancelled because step 0 found the id, the request is a replay and gets
//! the first attempt's answer; if step 2 found the question cap reached, it
//! is refused; any other cancellation means another write got there first,
//! and the attempt is retried with fresh reads.

use super::items::{
    EncounterItem, InteractionItem, PupilItem, activity_fields, from_item, key, to_item,
};
use super::questions::QuestionItem;
use super::table::build_error;
use super::totals::{hour_scope, school_scope, stand_scope, year_scope};
use super::{Store, StoreError, keys};
use crate::model::Question;
use aws_sdk_dynamodb::types::{AttributeValue, ReturnConsumedCapacity, TransactWriteItem, Update};
use rand::Rng;
use shared::api::{QUESTIONS_PER_STAND, QuestionState};
use shared::domain::{Benchmark, FairId, InteractionId, InteractionKind, PupilId, StandId};
use shared::encounter::{
    Novelty, PupilEncounters, Reach, StandActivity, Tally, reach_change, tally_change,
};
use std::time::Duration;
use thiserror::Error;
use time::OffsetDateTime;

/// Attempts before giving up on a pupil whose writes keep colliding.
const MAX_ATTEMPTS: u32 = 12;

/// An interaction the API has checked: the stand exists in the fair and
/// what the kind refers to exists on the stand.
#[derive(Debug, Clone)]
pub struct NewInteraction {
    pub id: InteractionId,
    pub stand: StandId,
    pub benchmark: Benchmark,
    pub kind: InteractionKind,
    pub at: OffsetDateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// Stored now.
    New { new_encounter: bool },
    /// Stored by an earlier attempt with the same id; nothing changed.
    Replayed { new_encounter: bool },
}

#[derive(Debug, Error)]
pub enum RecordError {
    #[error("the pupil is not registered in this fair")]
    UnknownPupil,
    #[error("this interaction id was already used for a different interaction")]
    IdReused,
    #[error("too many simultaneous writes for this pupil; try again")]
    Contended,
    #[error("the pupil has asked as many questions at this stand as one pupil may")]
    TooManyQuestions,
    #[error(transparent)]
    Store(#[from] StoreError),
}

enum Attempt {
    Done(Recorded),
    Retry,
}

impl Store {
    pub async fn record_interaction(
        &self,
        fair: &FairId,
        pupil: &PupilId,
        interaction: &NewInteraction,
    ) -> Result<Recorded, RecordError> {
        for attempt in 0..MAX_ATTEMPTS {
            match self.try_record(fair, pupil, interaction).await? {
                Attempt::Done(recorded) => return Ok(recorded),
                Attempt::Retry => {
                    tracing::debug!(attempt, interaction = %interaction.id, "interaction write collided; retrying");
                    tokio::time::sleep(backoff(attempt)).await;
                }
            }
        }
        Err(RecordError::Contended)
    }

    async fn try_record(
        &self,
        fair: &FairId,
        pupil_id: &PupilId,
        interaction: &NewInteraction,
    ) -> Result<Attempt, RecordError> {
        let pupil_pk = keys::pupil_pk(fair, pupil_id);
        let (pupil, encounter) = tokio::try_join!(
            self.get(key(pupil_pk.clone(), keys::PUPIL_SK), true),
            self.get(
                key(pupil_pk.clone(), keys::encounter_sk(&interaction.stand)),
                true
            ),
        )?;
        let pupil: PupilItem = from_item(pupil.ok_or(RecordError::UnknownPupil)?)?;
        let novelty = Novelty {
            first_for_pupil: pupil.interactions == 0,
            first_with_exhibitor: encounter.is_none(),
        };
        let change = tally_change(novelty, interaction.benchmark);
        let before = PupilEncounters {
            bm5: pupil.encounters_bm5,
            bm7: pupil.encounters_bm7,
        };
        let reach = if novelty.first_with_exhibitor {
            reach_change(before, interaction.benchmark)
        } else {
            Reach::default()
        };

        let mut steps = vec![
            self.put_interaction(&pupil_pk, interaction, novelty.first_with_exhibitor)?,
            self.bump_pupil(&pupil_pk, pupil.interactions, &change)?,
            self.count_encounter(fair, pupil_id, interaction, novelty.first_with_exhibitor)?,
        ];
        steps.extend(self.totals_steps(fair, &pupil, interaction, &change, &reach)?);
        if let InteractionKind::Question { text } = &interaction.kind {
            let question = Question {
                id: interaction.id,
                pupil: pupil.id,
                school: pupil.school.clone(),
                text: text.clone(),
                asked_at: interaction.at,
                state: QuestionState::Waiting,
                answer: None,
            };
            let item = QuestionItem::asked(fair, &interaction.stand, &question);
            steps.push(self.put_if_absent(to_item(&item)?)?);
        }
        if let InteractionKind::ChallengeStage { stage } = &interaction.kind {
            steps.push(self.complete_stage(&pupil_pk, *stage)?);
        }

        let result = self
            .client
            .transact_write_items()
            .set_transact_items(Some(steps))
            .return_consumed_capacity(ReturnConsumedCapacity::Total)
            .send()
            .await;
        let error = match result {
            Ok(output) => {
                self.capacity.add_write(output.consumed_capacity());
                let new_encounter = novelty.first_with_exhibitor;
                return Ok(Attempt::Done(Recorded::New { new_encounter }));
            }
            Err(error) => error,
        };
        let Some(cancelled) = error.as_service_error().and_then(|e| match e {
            aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError::TransactionCanceledException(c) => Some(c),
            _ => None,
        }) else {
            return Err(StoreError::from_sdk("TransactWriteItems", error).into());
        };
        let failed = |step: usize| {
            cancelled
                .cancellation_reasons()
                .get(step)
                .and_then(|reason| reason.code())
                .is_some_and(|code| code == "ConditionalCheckFailed")
        };
        if failed(0) {
            return self.replay(&pupil_pk, interaction).await.map(Attempt::Done);
        }
        // An existing encounter always passes step 2's existence check, so
        // only a question over the cap fails it.
        let is_question = matches!(interaction.kind, InteractionKind::Question { .. });
        if failed(2) && is_question && !novelty.first_with_exhibitor {
            return Err(RecordError::TooManyQuestions);
        }
        Ok(Attempt::Retry)
    }

    fn put_interaction(
        &self,
        pupil_pk: &str,
        interaction: &NewInteraction,
        new_encounter: bool,
    ) -> Result<TransactWriteItem, StoreError> {
        let item = InteractionItem {
            pk: pupil_pk.to_owned(),
            sk: keys::interaction_sk(&interaction.id),
            id: interaction.id,
            stand: interaction.stand.clone(),
            kind: interaction.kind.clone(),
            at: interaction.at,
            new_encounter,
        };
        self.put_if_absent(to_item(&item)?)
    }

    fn bump_pupil(
        &self,
        pupil_pk: &str,
        seen: u64,
        change: &Tally,
    ) -> Result<TransactWriteItem, StoreError> {
        let update = Update::builder()
            .table_name(&self.table)
            .set_key(Some(key(pupil_pk.to_owned(), keys::PUPIL_SK)))
            .update_expression(
                "SET interactions = :next ADD encounters_bm5 :bm5, encounters_bm7 :bm7",
            )
            .condition_expression("interactions = :seen")
            .expression_attribute_values(":seen", AttributeValue::N(seen.to_string()))
            .expression_attribute_values(":next", AttributeValue::N((seen + 1).to_string()))
            .expression_attribute_values(
                ":bm5",
                AttributeValue::N(change.encounters_bm5.to_string()),
            )
            .expression_attribute_values(
                ":bm7",
                AttributeValue::N(change.encounters_bm7.to_string()),
            )
            .build()
            .map_err(build_error)?;
        Ok(TransactWriteItem::builder().update(update).build())
    }

    fn count_encounter(
        &self,
        fair: &FairId,
        pupil: &PupilId,
        interaction: &NewInteraction,
        new: bool,
    ) -> Result<TransactWriteItem, StoreError> {
        let stand = &interaction.stand;
        let question = matches!(interaction.kind, InteractionKind::Question { .. });
        if new {
            let item = EncounterItem::first(fair, pupil, stand, question);
            return self.put_if_absent(to_item(&item)?);
        }
        let update = Update::builder()
            .table_name(&self.table)
            .set_key(Some(key(
                keys::pupil_pk(fair, pupil),
                keys::encounter_sk(stand),
            )))
            .expression_attribute_values(":one", AttributeValue::N("1".into()));
        let update = if question {
            update
                .update_expression("ADD interactions :one, questions :one")
                .condition_expression(
                    "attribute_exists(pk) AND (attribute_not_exists(questions) OR questions < :cap)",
                )
                .expression_attribute_values(
                    ":cap",
                    AttributeValue::N(QUESTIONS_PER_STAND.to_string()),
                )
        } else {
            update
                .update_expression("ADD interactions :one")
                .condition_expression("attribute_exists(pk)")
        };
        let update = update.build().map_err(build_error)?;
        Ok(TransactWriteItem::builder().update(update).build())
    }

    fn totals_steps(
        &self,
        fair: &FairId,
        pupil: &PupilItem,
        interaction: &NewInteraction,
        change: &Tally,
        reach: &Reach,
    ) -> Result<Vec<TransactWriteItem>, StoreError> {
        let pk = keys::totals_pk(fair, keys::shard_of(&pupil.id));
        let mut everything = super::items::tally_fields(change).to_vec();
        everything.extend(super::items::reach_fields(reach));
        // Per stand, "pupils attended" would mean nothing: encounters already
        // count the distinct pupils who met the exhibitor. Stands also count
        // what was done, by kind, for the exhibitor's figures.
        let mut stand_fields = vec![
            ("interactions", change.interactions),
            ("encounters", change.encounters),
        ];
        stand_fields.extend(activity_fields(&StandActivity::of(&interaction.kind)));
        let stand = &interaction.stand;
        let (day, hour) = hour_scope(interaction.at);
        let by_stand = keys::stand_totals_pk(fair, stand, keys::shard_of(&pupil.id));
        let steps = [
            self.add_to_totals(&pk, keys::FAIR_SK.to_owned(), &everything)?,
            self.add_to_totals(&pk, school_scope(&pupil.school), &everything)?,
            self.add_to_totals(&pk, year_scope(pupil.year_group), &everything)?,
            self.add_to_totals(&pk, stand_scope(stand), &stand_fields)?,
            self.add_to_totals(&pk, day, &[(hour, 1)])?,
            // The exhibitor's figures by school and by year group.
            self.add_to_totals(&by_stand, school_scope(&pupil.school), &stand_fields)?,
            self.add_to_totals(&by_stand, year_scope(pupil.year_group), &stand_fields)?,
        ];
        Ok(steps.into_iter().flatten().collect())
    }

    async fn replay(
        &self,
        pupil_pk: &str,
        interaction: &NewInteraction,
    ) -> Result<Recorded, RecordError> {
        let stored = self
            .get(
                key(pupil_pk.to_owned(), keys::interaction_sk(&interaction.id)),
                true,
            )
            .await?
            .ok_or_else(|| {
                StoreError::Mapping("a cancelled interaction write left no item".into())
            })?;
        let stored: InteractionItem = from_item(stored)?;
        if stored.stand != interaction.stand || stored.kind != interaction.kind {
            return Err(RecordError::IdReused);
        }
        Ok(Recorded::Replayed {
            new_encounter: stored.new_encounter,
        })
    }
}

/// Exponential back-off with full jitter, capped at about a quarter second.
fn backoff(attempt: u32) -> Duration {
    let ceiling_ms = (5u64 << attempt.min(6)).min(250);
    Duration::from_millis(rand::rng().random_range(1..=ceiling_ms))
}
