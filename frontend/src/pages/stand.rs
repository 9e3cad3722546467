//! `/fairs/:fair/stands/:stand`: one exhibitor's stand. Opening it records a
//! visit (once per page view); downloading a prospectus records that too,
//! before the file is fetched.

use super::{BadLink, use_fair, use_stand};
use crate::components::{Fetched, NeedsJoin};
use crate::recording::{new_interaction, record_with_retry, retry_message};
use crate::{api, browser, session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::{ProspectusView, RecordInteraction, StandDetail};
use shared::domain::{FairId, InteractionKind, StandId};

/// The stand named in the address.
#[component]
pub fn StandPage() -> impl IntoView {
    let fair = use_fair();
    let stand = use_stand();
    move || match (fair.get(), stand.get()) {
        (Some(fair), Some(stand)) => view! { <Stand fair stand /> }.into_any(),
        _ => view! { <BadLink /> }.into_any(),
    }
}

/// Records `interaction` in the background, retrying with the same id, and
/// keeps `status` (the page's live status line) up to date. Runs `then`
/// once recording has finished, whether or not it succeeded.
fn record(
    fair: FairId,
    token: String,
    interaction: RecordInteraction,
    status: RwSignal<String>,
    then: impl FnOnce() + 'static,
) {
    spawn_local(async move {
        let progress = |attempt| {
            status.try_set(retry_message(attempt));
        };
        let message = match record_with_retry(&fair, &token, &interaction, progress).await {
            Ok(_) => "Recorded".to_owned(),
            Err(error) => format!("Not recorded: {error}"),
        };
        // The pupil may have left the page by now; that is fine.
        status.try_set(message);
        then();
    });
}

/// A stand, for the pupil who joined on this device.
#[component]
fn Stand(
    /// The fair.
    fair: FairId,
    /// The stand.
    stand: StandId,
) -> impl IntoView {
    let Some(joined) = session::pupil(&fair) else {
        return view! { <NeedsJoin fair /> }.into_any();
    };
    let token = joined.token;
    let status = RwSignal::new("Recording your visit…".to_owned());
    // This component is built once per page view, so this is the one visit.
    let visit = new_interaction(stand.clone(), InteractionKind::Visit {});
    record(fair.clone(), token.clone(), visit, status, || ());

    let detail = Fetched::new({
        let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
        move || {
            let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
            async move { api::stand(&fair, &stand, &token).await }
        }
    });
    let download = {
        let (fair, stand) = (fair.clone(), stand.clone());
        move |prospectus: ProspectusView| {
            status.set("Recording your download…".to_owned());
            let kind = InteractionKind::ProspectusDownload {
                prospectus: prospectus.id,
            };
            let interaction = new_interaction(stand.clone(), kind);
            record(
                fair.clone(),
                token.clone(),
                interaction,
                status,
                move || {
                    if browser::download_url(&prospectus.url).is_err() {
                        status.try_set("The download did not start: please try again.".to_owned());
                    }
                },
            );
        }
    };
    let sign_in = format!("/fairs/{fair}");
    let hall = format!("/fairs/{fair}/hall");
    view! {
        <p>
            <a href=hall class="back">"← Back to the hall"</a>
        </p>
        {detail.view(move |detail| view! { <StandView detail download=download.clone() /> }.into_any(),
            Some(sign_in),
        )}
        <p id="status" class="status" role="status">{move || status.get()}</p>
    }
    .into_any()
}

/// What the exhibitor wrote for the stand, rendered as text.
#[component]
fn StandView(
    /// The stand.
    detail: StandDetail,
    /// Called when the pupil asks for a prospectus.
    download: impl Fn(ProspectusView) + Clone + 'static,
) -> impl IntoView {
    let summary = detail.summary;
    let outcomes = (!detail.learning_outcomes.is_empty()).then(|| {
        view! {
            <h2>"What you will learn"</h2>
            <ul class="outcomes">
                {detail
                    .learning_outcomes
                    .into_iter()
                    .map(|outcome| view! { <li>{outcome}</li> })
                    .collect_view()}
            </ul>
        }
    });
    let prospectuses = (!detail.prospectuses.is_empty()).then(|| {
        let buttons = detail
            .prospectuses
            .into_iter()
            .map(|prospectus| {
                let download = download.clone();
                let label = format!("Download {}", prospectus.title);
                let id = prospectus.id.to_string();
                view! {
                    <li>
                        <button
                            type="button"
                            class="download"
                            data-prospectus=id
                            on:click=move |_| download(prospectus.clone())
                        >
                            {label}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2>"Prospectuses"</h2>
            <ul class="downloads">{buttons}</ul>
        }
    });
    // Every video carries its captions track, on by default.
    let videos = (!detail.videos.is_empty()).then(|| {
        let players = detail
            .videos
            .into_iter()
            .map(|video| {
                view! {
                    <figure class="video">
                        <video controls preload="metadata" src=video.url>
                            <track
                                kind="captions"
                                src=video.captions_url
                                srclang="en"
                                label="English"
                                default
                            />
                        </video>
                        <figcaption>{video.title.to_string()}</figcaption>
                    </figure>
                }
            })
            .collect_view();
        view! {
            <h2>"Workplace insight"</h2>
            {players}
        }
    });
    view! {
        <h1>{summary.name.to_string()}</h1>
        <p class="kind">{summary.kind.label()}</p>
        <p class="tagline">{summary.tagline}</p>
        <h2>"About us"</h2>
        <p class="about">{detail.about}</p>
        {outcomes}
        {videos}
        {prospectuses}
    }
}
