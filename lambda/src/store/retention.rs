//! The retention job's queue: archived fairs whose pupil-level data has
//! still to be stamped with its expiry. Archiving puts a fair here in the
//! same transaction as the status change; the job removes it only once
//! every item is stamped, so a job cut short finds the fair again.

use super::items::{RetentionItem, from_item, key};
use super::{Store, StoreError, keys};
use shared::domain::FairId;

impl Store {
    /// The fairs waiting for the retention job.
    pub async fn retention_queue(&self) -> Result<Vec<FairId>, StoreError> {
        self.query_prefix(keys::RETENTION_PK.to_owned(), "")
            .await?
            .into_iter()
            .map(|item| from_item::<RetentionItem>(item).map(|queued| queued.fair))
            .collect()
    }

    /// Takes `fair` off the queue: all its pupil-level data is stamped.
    pub async fn dequeue_retention(&self, fair: &FairId) -> Result<(), StoreError> {
        self.client
            .delete_item()
            .table_name(&self.table)
            .set_key(Some(key(
                keys::RETENTION_PK.to_owned(),
                keys::retention_sk(fair),
            )))
            .send()
            .await
            .map_err(|e| StoreError::from_sdk("DeleteItem", e))?;
        Ok(())
    }
}
