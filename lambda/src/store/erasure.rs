//! Erasing one pupil on request: everything stored about them goes, and
//! the fair's running totals (counts with no one in them) stay.

use super::items::Item;
use super::{Store, StoreError};
use aws_sdk_dynamodb::types::{DeleteRequest, WriteRequest};
use shared::domain::{FairId, PupilId, StandId};

/// DynamoDB deletes at most this many items per batch.
const BATCH: usize = 25;
/// Rounds of resending what DynamoDB left unprocessed before giving up.
const ROUNDS: usize = 8;

impl Store {
    /// Deletes everything stored about the pupil (see [`super::pupil_data`]);
    /// `stands` are all of the fair's, where they may have asked questions.
    /// Returns how many items went.
    pub async fn erase_pupil(
        &self,
        fair: &FairId,
        pupil: &PupilId,
        stands: &[StandId],
    ) -> Result<usize, StoreError> {
        let asked = self.asked_questions(fair, stands).await?;
        let keys_to_delete = self.pupil_data_keys(fair, pupil, &asked).await?;
        // The pupil's own item (last) goes alone, after everything else
        // has: an erasure cut short can be asked for again, as the pupil
        // is still there to be found.
        if let Some((own, rest)) = keys_to_delete.split_last() {
            for chunk in rest.chunks(BATCH) {
                self.delete_all(chunk).await?;
            }
            self.delete_all(std::slice::from_ref(own)).await?;
        }
        Ok(keys_to_delete.len())
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
