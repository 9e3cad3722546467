//! `/fairs/:fair/stands/:stand`: one exhibitor's stand. Opening it records a
//! visit (once per page view); downloading a prospectus records that too,
//! before the file is fetched; watching a video records 25, 50, 75 and 100%
//! of it watched, each once.

use super::stand_questions::StandQuestions;
use super::{BadLink, fair_in_address, stand_in_address};
use crate::components::{Fetched, NeedsJoin};
use crate::recording::{Announce, Outbox, new_interaction, record};
use crate::{api, browser, session};
use leptos::prelude::*;
use shared::api::{ProspectusView, RecordInteraction, StandDetail, VideoView};
use shared::domain::{FairId, InteractionKind, StandId, VideoId, WatchedMark};
use std::collections::BTreeSet;

/// The stand named in the address.
#[component]
pub fn StandPage() -> impl IntoView {
    match (fair_in_address(), stand_in_address()) {
        (Some(fair), Some(stand)) => view! { <Stand fair stand /> }.into_any(),
        _ => view! { <BadLink /> }.into_any(),
    }
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
    record(
        fair.clone(),
        token.clone(),
        visit,
        status,
        Announce::Everything,
        |_| (),
    );

    let detail = Fetched::new({
        let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
        move || {
            let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
            async move { api::stand(&fair, &stand, &token).await }
        }
    });
    let watched = {
        let (fair, stand, token, pupil) =
            (fair.clone(), stand.clone(), token.clone(), joined.pupil.id);
        move |video: VideoId, mark: WatchedMark| {
            let kind = InteractionKind::VideoProgress {
                video,
                watched: mark,
            };
            let Some(id) = kind.once_only_id(&pupil, &stand) else {
                return;
            };
            let interaction = RecordInteraction {
                id,
                stand: stand.clone(),
                kind,
            };
            record(
                fair.clone(),
                token.clone(),
                interaction,
                status,
                Announce::Failures,
                |_| (),
            );
        }
    };
    let download = {
        let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
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
                Announce::Everything,
                // The file is offered even if recording failed: the pupil
                // asked for it, and the status line says it was not counted.
                move |_| {
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
        {detail.view(
            move |detail| {
                view! { <StandView detail download=download.clone() watched=watched.clone() /> }
                    .into_any()
            },
            Some(sign_in),
        )}
        <div class="live-bar">
            <p id="status" class="status" role="status">{move || status.get()}</p>
            <Outbox fair=fair.clone() token=token.clone() />
        </div>
        <StandQuestions fair stand token status />
    }
    .into_any()
}

/// What the exhibitor wrote for the stand, rendered as text (also the
/// exhibitor's preview, see `stand_editor`).
#[component]
pub(super) fn StandView(
    /// The stand.
    detail: StandDetail,
    /// Called when the pupil asks for a prospectus.
    download: impl Fn(ProspectusView) + Clone + 'static,
    /// Called when the pupil reaches a mark in a video, once per mark.
    watched: impl Fn(VideoId, WatchedMark) + Clone + 'static,
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
    let videos = (!detail.videos.is_empty()).then(|| {
        let players = detail
            .videos
            .into_iter()
            .map(|video| view! { <VideoPlayer video watched=watched.clone() /> })
            .collect_view();
        view! {
            <h2>"Workplace insight"</h2>
            {players}
        }
    });
    let opportunities = (!detail.opportunities.is_empty()).then(|| {
        view! {
            <h2>"Opportunities"</h2>
            <ul class="opportunities">
                {detail
                    .opportunities
                    .into_iter()
                    .map(|offer| {
                        view! {
                            <li>
                                <strong>{offer.kind.label()}": "</strong>
                                {offer.title.to_string()}
                                <p>{offer.summary}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    });
    // Links open in a new tab with no way back into this page
    // (`noopener`) and without telling the site where the pupil came from.
    let links = (!detail.links.is_empty()).then(|| {
        view! {
            <h2>"Find out more"</h2>
            <ul class="links">
                {detail
                    .links
                    .into_iter()
                    .map(|link| {
                        view! {
                            <li>
                                <a href=link.url.to_string() target="_blank" rel="noopener noreferrer">
                                    {link.title.to_string()}
                                    <span class="visually-hidden">" (opens in a new tab)"</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    });
    let logo = summary.logo_url.clone().map(|src| {
        view! { <img class="logo" id="stand-logo" src=src alt=summary.name.to_string() /> }
    });
    view! {
        {logo}
        <h1>{summary.name.to_string()}</h1>
        <p class="kind">{summary.kind.label()}</p>
        <p class="tagline">{summary.tagline}</p>
        <h2>"About us"</h2>
        <p class="about">{detail.about}</p>
        {outcomes}
        {videos}
        {opportunities}
        {links}
        {prospectuses}
    }
}

/// One workplace-insight video with its captions track, on by default.
/// Progress is what the pupil has actually played (seeking ahead does not
/// count), reported once per mark.
#[component]
fn VideoPlayer(
    /// The video.
    video: VideoView,
    /// Called when the pupil reaches a mark, once per mark.
    watched: impl Fn(VideoId, WatchedMark) + 'static,
) -> impl IntoView {
    let reached = RwSignal::new(BTreeSet::<WatchedMark>::new());
    let id = video.id.clone();
    let on_progress = move |event: leptos::ev::Event| {
        let player: web_sys::HtmlMediaElement = event_target(&event);
        let Some(fraction) = browser::played_fraction(&player) else {
            return;
        };
        for mark in WatchedMark::reached(fraction) {
            let new = reached
                .try_update(|marks| marks.insert(mark))
                .unwrap_or(false);
            if new {
                watched(id.clone(), mark);
            }
        }
    };
    let progress = move || {
        reached.with(|marks| {
            marks
                .last()
                .map(|mark| format!("You have watched {}%", mark.percent()))
        })
    };
    let last_mark =
        move || reached.with(|marks| marks.last().map(|mark| mark.percent().to_string()));
    view! {
        <figure class="video">
            <video
                controls
                preload="metadata"
                src=video.url
                data-video=video.id.to_string()
                on:timeupdate=on_progress
            >
                <track
                    kind="captions"
                    src=video.captions_url
                    srclang="en"
                    label="English"
                    default
                />
            </video>
            <figcaption>
                {video.title.to_string()}
                <span class="watched" data-watched=last_mark>{progress}</span>
            </figcaption>
        </figure>
    }
}
