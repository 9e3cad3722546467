//! The retention job: for each archived fair in the queue, every
//! pupil-level item (what erasure would delete, see `store::pupil_data`)
//! gets the expiry the organiser chose, and DynamoDB's TTL deletes it after
//! that. The totals, stands, schools and the fair itself are never stamped:
//! the fair's figures outlive its pupils' data.
//!
//! Runs daily in AWS (`retention-lambda`) and on demand with
//! `careers-admin expire-pupil-data`. It is safe to run again at any point:
//! a fair leaves the queue only once all of it is stamped, and stamping an
//! item that already has its expiry changes nothing.

use crate::store::{Store, StoreError};
use futures::{StreamExt, TryStreamExt};
use shared::domain::{FairId, StandId};
use std::fmt;
use time::OffsetDateTime;

/// Pupils whose items are looked up and stamped together.
const PUPILS_PER_BATCH: usize = 16;

/// What one run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Fairs all of whose pupil-level data is now stamped (and dequeued).
    pub fairs_done: usize,
    /// Fairs left in the queue after a failure, for the next run.
    pub fairs_failed: usize,
    /// Items given their expiry by this run (none already had it).
    pub items_stamped: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "fairs done: {}, fairs left for the next run after a failure: {}, items stamped: {}",
            self.fairs_done, self.fairs_failed, self.items_stamped
        )
    }
}

/// Works through the queue once. A fair that fails stays queued and the
/// others go on; only an unreadable queue fails the run.
pub async fn run(store: &Store, now: OffsetDateTime) -> Result<Summary, StoreError> {
    let mut summary = Summary::default();
    for fair in store.retention_queue().await? {
        match expire_fair(store, &fair, now).await {
            Ok(stamped) => {
                summary.fairs_done += 1;
                summary.items_stamped += stamped;
            }
            Err(error) => {
                tracing::error!(%fair, %error, "stamping pupil-level data failed; left for the next run");
                summary.fairs_failed += 1;
            }
        }
    }
    tracing::info!(
        fairs_done = summary.fairs_done,
        fairs_failed = summary.fairs_failed,
        items_stamped = summary.items_stamped,
        "retention job finished"
    );
    Ok(summary)
}

/// Stamps every pupil-level item of `fair`, then takes it off the queue;
/// returns how many items were stamped.
async fn expire_fair(
    store: &Store,
    fair: &FairId,
    now: OffsetDateTime,
) -> Result<usize, StoreError> {
    let Some(expires_at) = store
        .fair(fair)
        .await?
        .and_then(|found| found.pupil_data_expires_at)
    else {
        // Archiving sets the expiry in the transaction that queues the
        // fair, so this is a fault: leave it queued and say so.
        return Err(StoreError::Mapping(format!(
            "fair {fair} is queued for retention but has no expiry"
        )));
    };
    let stands: Vec<StandId> = store
        .stands(fair)
        .await?
        .into_iter()
        .map(|stand| stand.id)
        .collect();
    let asked = store.asked_questions(fair, &stands).await?;
    let mut roster = std::pin::pin!(store.roster(fair).try_chunks(PUPILS_PER_BATCH));
    let (mut pupils, mut stamped) = (0, 0);
    while let Some(chunk) = roster.next().await {
        let entries = chunk.map_err(|error| error.1)?;
        let found = futures::future::try_join_all(
            entries
                .iter()
                .map(|entry| store.pupil_data_keys(fair, &entry.pupil, &asked)),
        )
        .await?;
        stamped += store.stamp_expiry(&found.concat(), expires_at).await?;
        pupils += entries.len();
    }
    store.dequeue_retention(fair).await?;
    tracing::info!(
        %fair,
        pupils,
        stamped,
        %expires_at,
        overdue = expires_at <= now,
        "pupil-level data stamped with its expiry"
    );
    Ok(stamped)
}
