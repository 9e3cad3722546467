//! Everything stored about one pupil, enumerated in one place: erasure
//! deletes these items and the retention job stamps them with an expiry,
//! so the two can never disagree about what "a pupil's data" is. It is the
//! pupil's own partition (their item, encounters, interactions, challenge
//! answers), their resume code and the questions they asked. The fair's
//! totals, stands, schools, the fair item and organiser accounts hold no
//! one in them and are never part of it.

use super::items::{Item, PupilItem, from_item, key};
use super::{Store, StoreError, keys};
use aws_sdk_dynamodb::types::AttributeValue;
use futures::{StreamExt, TryStreamExt, stream};
use shared::domain::{FairId, PupilId, StandId};
use std::collections::HashMap;
use time::OffsetDateTime;

/// Updates in flight at once when stamping.
const CONCURRENT_UPDATES: usize = 25;
/// Tries of one update while DynamoDB answers that it is busy.
const TRIES: u32 = 6;

/// The keys of the questions asked at a fair's stands, by asker: read once
/// (one query per stand) and then looked up for each pupil, so stamping a
/// whole fair does not query every stand once per pupil.
pub struct AskedQuestions {
    by_pupil: HashMap<String, Vec<Item>>,
}

impl AskedQuestions {
    fn of(&self, pupil: &PupilId) -> &[Item] {
        self.by_pupil
            .get(&pupil.to_string())
            .map_or(&[], Vec::as_slice)
    }
}

impl Store {
    /// The questions asked at `stands` (all of the fair's), by who asked.
    pub async fn asked_questions(
        &self,
        fair: &FairId,
        stands: &[StandId],
    ) -> Result<AskedQuestions, StoreError> {
        let mut by_pupil: HashMap<String, Vec<Item>> = HashMap::new();
        for stand in stands {
            let asked = self
                .query_prefix(keys::questions_pk(fair, stand), keys::QUESTION_PREFIX)
                .await?;
            for item in asked {
                let asker = item
                    .get("pupil")
                    .and_then(|value| value.as_s().ok())
                    .ok_or_else(|| StoreError::Mapping("a question with no asker".into()))?;
                by_pupil
                    .entry(asker.clone())
                    .or_default()
                    .push(key_of(&item));
            }
        }
        Ok(AskedQuestions { by_pupil })
    }

    /// The keys of everything stored about `pupil`. Their own item comes
    /// last: whoever deletes or stamps in this order and stops half-way
    /// can start again, because the pupil is still there to be found.
    pub async fn pupil_data_keys(
        &self,
        fair: &FairId,
        pupil: &PupilId,
        asked: &AskedQuestions,
    ) -> Result<Vec<Item>, StoreError> {
        let partition = self.query_prefix(keys::pupil_pk(fair, pupil), "").await?;
        let mut found: Vec<Item> = asked.of(pupil).to_vec();
        let mut own = None;
        for item in partition {
            if item.get("sk") == Some(&AttributeValue::S(keys::PUPIL_SK.into())) {
                own = Some(item);
            } else {
                found.push(key_of(&item));
            }
        }
        // With their item gone (erased), whatever is left still counts.
        if let Some(item) = own {
            let record: PupilItem = from_item(item)?;
            found.push(key(
                keys::fair_pk(fair),
                keys::resume_sk(&record.resume_code),
            ));
            found.push(key(keys::pupil_pk(fair, pupil), keys::PUPIL_SK));
        }
        Ok(found)
    }

    /// Gives each item of `keys` that still exists the expiry `expires_at`
    /// (DynamoDB TTL), `CONCURRENT_UPDATES` at a time; returns how many
    /// were changed. An item that already has this expiry is left alone
    /// and not counted, so running it again changes nothing.
    pub async fn stamp_expiry(
        &self,
        keys: &[Item],
        expires_at: OffsetDateTime,
    ) -> Result<usize, StoreError> {
        let expires = AttributeValue::N(expires_at.unix_timestamp().to_string());
        stream::iter(keys)
            .map(|key| self.stamp_one(key, &expires))
            .buffer_unordered(CONCURRENT_UPDATES)
            .try_fold(0, |stamped, changed| async move {
                Ok(stamped + usize::from(changed))
            })
            .await
    }

    /// One item's expiry, retried with back-off while DynamoDB is busy
    /// (beyond the SDK's own retries); `false` if there was nothing to do.
    async fn stamp_one(&self, key: &Item, expires: &AttributeValue) -> Result<bool, StoreError> {
        let mut attempt = 0;
        loop {
            let result = self
                .client
                .update_item()
                .table_name(&self.table)
                .set_key(Some(key.clone()))
                .update_expression("SET expires_at = :expires")
                // Never recreate an item erased meanwhile (an update would
                // write a bare key), and skip one already stamped.
                .condition_expression(
                    "attribute_exists(pk) AND (attribute_not_exists(expires_at) OR expires_at <> :expires)",
                )
                .expression_attribute_values(":expires", expires.clone())
                .send()
                .await;
            match super::passed_condition(result) {
                Err(StoreError::Unavailable { .. }) if attempt + 1 < TRIES => {
                    attempt += 1;
                    let pause = std::time::Duration::from_millis(50 << attempt);
                    tokio::time::sleep(pause).await;
                }
                done => return done,
            }
        }
    }
}

/// An item's key alone.
pub(super) fn key_of(item: &Item) -> Item {
    item.iter()
        .filter(|(name, _)| *name == "pk" || *name == "sk")
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect()
}
