//! `/fairs/:fair/exhibitor`: an exhibitor's own figures for their stand.
//! The exhibitor arrives through a sign-in link ending `#token=...`; as for
//! the organiser, the token moves from the address bar into this tab's
//! session storage. The token's subject names the stand; the page reads it
//! only to know which stand to ask for, and the server checks the token.

use super::{BadLink, use_fair};
use crate::api;
use crate::components::Fetched;
use crate::session::{self, LinkRole};
use leptos::prelude::*;
use shared::api::{SUPPRESS_BELOW, StandFigures};
use shared::domain::{FairId, StandId};

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
    let figures = Fetched::new(move || {
        let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
        async move { api::stand_figures(&fair, &stand, &token).await }
    });
    figures.view(|figures| view! { <FiguresView figures /> }.into_any(), None)
}

/// The stand's name and kind, and its two figures.
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
        </dl>
        <p class="hint">
            {format!("Counts under {SUPPRESS_BELOW} are hidden, to protect the pupils' privacy.")}
        </p>
    }
}
