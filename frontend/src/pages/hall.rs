//! `/fairs/:fair/hall`: who the pupil is, and every stand as a card.

use super::{BadLink, use_fair};
use crate::components::{Fetched, NeedsJoin, StandCard};
use crate::{api, session};
use leptos::prelude::*;
use shared::api::StandSummary;
use shared::domain::FairId;

/// The hall of the fair in the address.
#[component]
pub fn HallPage() -> impl IntoView {
    let fair = use_fair();
    move || match fair.get() {
        Some(fair) => view! { <Hall fair /> }.into_any(),
        None => view! { <BadLink /> }.into_any(),
    }
}

/// The hall, for the pupil who joined on this device.
#[component]
fn Hall(
    /// The fair.
    fair: FairId,
) -> impl IntoView {
    let Some(joined) = session::pupil(&fair) else {
        return view! { <NeedsJoin fair /> }.into_any();
    };
    let stands = Fetched::new({
        let fair = fair.clone();
        let token = joined.token.clone();
        move || {
            let (fair, token) = (fair.clone(), token.clone());
            async move { api::stands(&fair, &token).await }
        }
    });
    let sign_in = format!("/fairs/{fair}");
    let list_fair = fair.clone();
    let list = move |stands: Vec<StandSummary>| {
        if stands.is_empty() {
            return view! { <p>"There are no stands in this fair yet."</p> }.into_any();
        }
        view! {
            <ul class="stands" aria-labelledby="stands-heading">
                {stands
                    .into_iter()
                    .map(|stand| view! { <li><StandCard fair=list_fair.clone() stand /></li> })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <h1>"The hall"</h1>
        <p class="who">
            "You are " <strong data-testid="pseudonym">{joined.pupil.pseudonym.to_string()}</strong>
            " from " {joined.pupil.school_name.to_string()} "."
        </p>
        <nav aria-label="Your fair">
            <a href=format!("/fairs/{fair}/me") id="my-record-link">"My record"</a>
        </nav>
        <h2 id="stands-heading">"Stands"</h2>
        {stands.view(list, Some(sign_in))}
    }
    .into_any()
}
