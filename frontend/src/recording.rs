//! Recording interactions reliably: the id is minted once, before the first
//! attempt, and every retry sends the same body, so the server counts the
//! interaction once however many attempts reach it.

use crate::api::{self, ApiClientError};
use gloo_timers::future::TimeoutFuture;
use shared::api::{RecordInteraction, RecordedInteraction};
use shared::domain::{FairId, InteractionId, InteractionKind, StandId};

/// How many times to send before giving up.
const ATTEMPTS: u32 = 4;
/// The wait before the first retry; it doubles for each one after.
const FIRST_BACKOFF_MS: u32 = 500;

/// One interaction, ready to send: its id is fixed from here on.
pub fn new_interaction(stand: StandId, kind: InteractionKind) -> RecordInteraction {
    RecordInteraction {
        id: InteractionId::new_random(),
        stand,
        kind,
    }
}

/// Sends `interaction` until the server stores it, it refuses it for good,
/// or the attempts run out. `progress` hears about each retry (the attempt
/// number about to be made) so the page can say what is happening.
pub async fn record_with_retry(
    fair: &FairId,
    token: &str,
    interaction: &RecordInteraction,
    mut progress: impl FnMut(u32),
) -> Result<RecordedInteraction, ApiClientError> {
    let mut backoff = FIRST_BACKOFF_MS;
    let mut attempt = 1;
    loop {
        match api::record_interaction(fair, token, interaction).await {
            Err(error) if error.is_retryable() && attempt < ATTEMPTS => {
                TimeoutFuture::new(backoff).await;
                backoff *= 2;
                attempt += 1;
                progress(attempt);
            }
            result => return result,
        }
    }
}

/// The status line for a retry: "Trying again (2 of 4)…".
pub fn retry_message(attempt: u32) -> String {
    format!("Trying again ({attempt} of {ATTEMPTS})…")
}
