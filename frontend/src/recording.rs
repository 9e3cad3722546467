//! Recording interactions reliably: the id is minted once, before the first
//! attempt, and every retry sends the same body, so the server counts the
//! interaction once however many attempts reach it. What cannot be sent
//! (offline, or the server busy) waits in this device's outbox and is sent
//! later, with the same id, by [`Outbox`].

use crate::api::{self, ApiClientError};
use crate::session::{self, Waiting};
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
/// once recording has finished, with whether it was recorded or kept to
/// send later.
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
        let (message, kept) = match &result {
            Ok(_) if announce == Announce::Failures => (None, true),
            Ok(_) => (Some("Recorded".to_owned()), true),
            Err(error) if error.is_retryable() && queue(&fair, &interaction) => (
                Some("Saved on this device: it will be sent when you are back online.".to_owned()),
                true,
            ),
            Err(error) => (Some(format!("Not recorded: {error}")), false),
        };
        // The pupil may have left the page by now; that is fine.
        if let Some(message) = message {
            status.try_set(message);
        }
        then(kept);
    });
}

/// Keeps `interaction` in the outbox; false if this device's storage
/// refused it.
fn queue(fair: &FairId, interaction: &RecordInteraction) -> bool {
    let Some(entry) = Waiting::new(interaction) else {
        return false;
    };
    let mut waiting = session::outbox(fair);
    if !waiting.iter().any(|queued| queued.id == entry.id) {
        waiting.push(entry);
    }
    session::save_outbox(fair, &waiting)
}

/// Sends everything waiting, oldest first, one attempt each; keeps what
/// still cannot be sent and drops what the server stored or refused for
/// good. Returns how many still wait.
async fn flush(fair: &FairId, token: &str) -> usize {
    let sending = session::outbox(fair);
    let mut kept = Vec::new();
    for entry in &sending {
        match api::record_interaction_json(fair, token, entry.json()).await {
            Err(error) if error.is_retryable() => kept.push(entry.id),
            _ => {}
        }
    }
    // Anything queued while these were being sent stays too.
    let waiting: Vec<Waiting> = session::outbox(fair)
        .into_iter()
        .filter(|i| kept.contains(&i.id) || !sending.iter().any(|s| s.id == i.id))
        .collect();
    session::save_outbox(fair, &waiting);
    waiting.len()
}

/// How often the outbox is looked at and, if anything waits, sent.
const OUTBOX_EVERY_MS: u32 = 5_000;

/// Shows how many interactions wait on this device and sends them when the
/// connection is back: at once, then every few seconds while the page is
/// open.
#[component]
pub fn Outbox(
    /// The fair.
    fair: FairId,
    /// The pupil's token.
    token: String,
) -> impl IntoView {
    let waiting = RwSignal::new(session::outbox(&fair).len());
    spawn_local(async move {
        loop {
            let left = if session::outbox(&fair).is_empty() {
                0
            } else {
                flush(&fair, &token).await
            };
            // A disposed signal means the page was left: stop.
            if waiting.try_set(left).is_some() {
                return;
            }
            TimeoutFuture::new(OUTBOX_EVERY_MS).await;
            if waiting.is_disposed() {
                return;
            }
        }
    });
    move || {
        let count = waiting.get();
        (count > 0).then(|| {
            let what = if count == 1 {
                "1 thing you did is".to_owned()
            } else {
                format!("{count} things you did are")
            };
            view! {
                <p class="notice" id="outbox" role="status">
                    {format!("{what} saved on this device, waiting to be sent. They will be sent when you are back online.")}
                </p>
            }
        })
    }
}
