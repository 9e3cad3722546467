//! Erasing one pupil on request: everything stored about them goes, and
//! the fair's running totals (counts with no one in them) stay.

use super::items::{Item, key};
use super::{Store, StoreError, keys};
use aws_sdk_dynamodb::types::{AttributeValue, DeleteRequest, WriteRequest};
use shared::domain::{FairId, PupilId, ResumeCode, StandId};

/// DynamoDB deletes at most this many items per batch.
const BATCH: usize = 25;
/// Rounds of resending what DynamoDB left unprocessed before giving up.
const ROUNDS: usize = 8;

impl Store {
    /// Deletes the pupil's own partition (their item, encounters,
    /// interactions and challenge answers), their resume code, and the
    /// questions they asked at `stands`; returns how many items went.
    pub async fn erase_pupil(
        &self,
        fair: &FairId,
        pupil: &PupilId,
        resume_code: &ResumeCode,
        stands: &[StandId],
    ) -> Result<usize, StoreError> {
        let mut keys_to_delete: Vec<Item> = self
            .query_prefix(keys::pupil_pk(fair, pupil), "")
            .await?
            .iter()
            .map(key_of)
            .collect();
        keys_to_delete.push(key(keys::fair_pk(fair), keys::resume_sk(resume_code)));
        let asker = AttributeValue::S(pupil.to_string());
        for stand in stands {
            let asked = self
                .query_prefix(keys::questions_pk(fair, stand), keys::QUESTION_PREFIX)
                .await?;
            keys_to_delete.extend(
                asked
                    .iter()
                    .filter(|item| item.get("pupil") == Some(&asker))
                    .map(key_of),
            );
        }
        let erased = keys_to_delete.len();
        for chunk in keys_to_delete.chunks(BATCH) {
            self.delete_all(chunk).await?;
        }
        Ok(erased)
    }

    async fn delete_all(&self, keys: &[Item]) -> Result<(), StoreError> {
        let mut requests: Vec<WriteRequest> = keys
            .iter()
            .map(|key| {
                let delete = DeleteRequest::builder()
                    .set_key(Some(key.clone()))
                    .build()
                    .map_err(super::table::build_error)?;
                Ok(WriteRequest::builder().delete_request(delete).build())
            })
            .collect::<Result<_, StoreError>>()?;
        for _ in 0..ROUNDS {
            if requests.is_empty() {
                return Ok(());
            }
            let output = self
                .client
                .batch_write_item()
                .request_items(&self.table, requests)
                .send()
                .await
                .map_err(|e| StoreError::from_sdk("BatchWriteItem", e))?;
            requests = output
                .unprocessed_items
                .and_then(|mut left| left.remove(&self.table))
                .unwrap_or_default();
        }
        Err(StoreError::Unavailable {
            operation: "BatchWriteItem",
            message: "some items were left unprocessed".to_owned(),
        })
    }
}

/// An item's key alone.
fn key_of(item: &Item) -> Item {
    item.iter()
        .filter(|(name, _)| *name == "pk" || *name == "sk")
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect()
}
