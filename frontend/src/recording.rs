//! Recording interactions reliably: the id is minted once, before the first
//! attempt, and every retry sends the same body, so the server counts the
//! interaction once however many attempts reach it.

use crate::api::{self, ApiClientError};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
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

/// How much the page says while an interaction is recorded.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Announce {
    /// Progress and the outcome: for what the pupil just asked for.
    Everything,
    /// Only a failure: for what happens by itself as a video plays, so that
    /// a screen reader is not interrupted every quarter of a video.
    Failures,
}

/// Records `interaction` in the background, retrying with the same id, and
/// keeps `status` (the page's live status line) up to date. Runs `then`
/// once recording has finished, with whether it succeeded.
pub fn record(
    fair: FairId,
    token: String,
    interaction: RecordInteraction,
    status: RwSignal<String>,
    announce: Announce,
    then: impl FnOnce(bool) + 'static,
) {
    spawn_local(async move {
        let progress = |attempt| {
            if announce == Announce::Everything {
                status.try_set(retry_message(attempt));
            }
        };
        let result = record_with_retry(&fair, &token, &interaction, progress).await;
        let message = match &result {
            Ok(_) if announce == Announce::Failures => None,
            Ok(_) => Some("Recorded".to_owned()),
            Err(error) => Some(format!("Not recorded: {error}")),
        };
        // The pupil may have left the page by now; that is fine.
        if let Some(message) = message {
            status.try_set(message);
        }
        then(result.is_ok());
    });
}
