//! `/fairs/:fair/exhibitor`: an exhibitor's own figures for their stand.
//! The exhibitor arrives through a sign-in link ending `#token=...`; as for
//! the organiser, the token moves from the address bar into this tab's
//! session storage. The token's subject names the stand; the page reads it
//! only to know which stand to ask for, and the server checks the token.

use super::inbox::Inbox;
use super::{BadLink, use_fair};
use crate::api;
use crate::components::Fetched;
use crate::session::{self, LinkRole};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::{SUPPRESS_BELOW, StandFigures};
use shared::domain::{FairId, StandId, WatchedMark};

/// The exhibitor's view of their stand in the fair in the address.
#[component]
pub fn ExhibitorPage() -> impl IntoView {
    let fair = use_fair();
    move || match fair.get() {
        Some(fair) => view! { <Exhibitor fair /> }.into_any(),
        None => view! { <BadLink /> }.into_any(),
    }
}

#[component]
fn Exhibitor(
    /// The fair.
    fair: FairId,
) -> impl IntoView {
    let signed_in = session::sign_in_as(&fair, LinkRole::Exhibitor, |sub| StandId::parse(sub).ok());
    let Some((token, stand)) = signed_in else {
        return view! {
            <h1>"Exhibitor sign-in needed"</h1>
            <p>"Open the exhibitor sign-in link you were sent for this fair again."</p>
        }
        .into_any();
    };
    let status = RwSignal::new(String::new());
    let figures = Fetched::new({
        let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
        move || {
            let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
            async move { api::stand_figures(&fair, &stand, &token).await }
        }
    });
    let download = {
        let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
        move |_| {
            let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
            status.set("Preparing the download…".to_owned());
            spawn_local(async move {
                let name = format!("{fair}-{stand}-figures.csv");
                let fetched = api::stand_figures_csv(&fair, &stand, &token).await;
                status.try_set(api::save_csv(&name, fetched));
            });
        }
    };
    view! {
        {figures.view(|figures| view! { <FiguresView figures /> }.into_any(), None)}
        <p class="actions">
            <button type="button" class="secondary" id="download-figures" on:click=download>
                "Download these figures (CSV)"
            </button>
        </p>
        <p id="download-status" class="status" role="status">{move || status.get()}</p>
        <Inbox fair stand token />
    }
    .into_any()
}

/// The stand's name and kind, and its figures.
#[component]
fn FiguresView(
    /// The figures.
    figures: StandFigures,
) -> impl IntoView {
    view! {
        <h1>{figures.name.to_string()}</h1>
        <p class="kind">{figures.kind.label()}</p>
        <dl class="figures" id="stand-figures">
            <div>
                <dt>"Visits and other interactions"</dt>
                <dd data-testid="interactions">{figures.interactions.label()}</dd>
            </div>
            <div>
                <dt>"Pupils met (encounters)"</dt>
                <dd data-testid="encounters">{figures.encounters.label()}</dd>
            </div>
            <div>
                <dt>"Stand visits"</dt>
                <dd data-testid="visits">{figures.visits.label()}</dd>
            </div>
            <div>
                <dt>"Prospectus downloads"</dt>
                <dd data-testid="downloads">{figures.prospectus_downloads.label()}</dd>
            </div>
            <div>
                <dt>"Questions asked"</dt>
                <dd data-testid="questions">{figures.questions.label()}</dd>
            </div>
        </dl>
        <h2>"How far pupils watched your videos"</h2>
        <dl class="figures" id="watch-through">
            {WatchedMark::ALL
                .into_iter()
                .zip(figures.watched)
                .map(|(mark, figure)| {
                    view! {
                        <div>
                            <dt>{format!("Reached {}%", mark.percent())}</dt>
                            <dd data-testid=format!("watched-{}", mark.percent())>{figure.label()}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
        <p class="hint">
            {format!("Counts under {SUPPRESS_BELOW} are hidden, to protect the pupils' privacy.")}
        </p>
    }
}
