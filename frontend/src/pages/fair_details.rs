//! A fair's name, description and dates: changed for this fair, or typed
//! for another fair the organiser starts. One set of boxes serves both.

use crate::api;
use crate::browser;
use crate::components::TextField;
use crate::session::{self, LinkRole};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::{CheckedFairDetails, FairDetails, FairView};
use shared::domain::FairId;

/// The details as typed, before they are checked.
#[derive(Clone, Copy)]
struct Draft {
    name: RwSignal<String>,
    description: RwSignal<String>,
    opens: RwSignal<String>,
    closes: RwSignal<String>,
}

impl Draft {
    fn new(from: Option<&FairView>) -> Self {
        Self {
            name: RwSignal::new(from.map(|v| v.name.to_string()).unwrap_or_default()),
            description: RwSignal::new(from.map(|v| v.description.clone()).unwrap_or_default()),
            opens: RwSignal::new(
                from.map(|v| browser::local_input_value(v.opens_at))
                    .unwrap_or_default(),
            ),
            closes: RwSignal::new(
                from.map(|v| browser::local_input_value(v.closes_at))
                    .unwrap_or_default(),
            ),
        }
    }

    /// The details, checked as the API will check them, or why not.
    fn checked(&self) -> Result<FairDetails, String> {
        let (Some(opens_at), Some(closes_at)) = (
            browser::parse_local_input(&self.opens.get_untracked()),
            browser::parse_local_input(&self.closes.get_untracked()),
        ) else {
            return Err("give both the opening and the closing date and time".to_owned());
        };
        let details = FairDetails {
            name: self.name.get_untracked(),
            description: self.description.get_untracked(),
            opens_at,
            closes_at,
        };
        CheckedFairDetails::try_from(&details).map_err(|problem| problem.to_string())?;
        Ok(details)
    }
}

/// The four boxes, with ids starting `prefix`.
#[component]
fn DetailsFields(
    /// Starts each box's id, keeping two forms on one page apart.
    prefix: &'static str,
    /// Where the typing goes.
    draft: Draft,
) -> impl IntoView {
    let description_id = format!("{prefix}-description");
    view! {
        <TextField id=format!("{prefix}-name") label="Name" draft=draft.name get=String::clone set=replace />
        <div class="field">
            <label for=description_id.clone()>"What pupils read when they join"</label>
            <textarea
                id=description_id
                rows="3"
                prop:value=move || draft.description.get()
                on:input=move |ev| draft.description.set(event_target_value(&ev))
            ></textarea>
        </div>
        <TextField
            id=format!("{prefix}-opens")
            label="Opens (your local time)"
            kind="datetime-local"
            draft=draft.opens
            get=String::clone
            set=replace
        />
        <TextField
            id=format!("{prefix}-closes")
            label="Closes (your local time)"
            kind="datetime-local"
            draft=draft.closes
            get=String::clone
            set=replace
        />
    }
}

/// A text signal's new value, for [`TextField`] over a plain `String`.
pub(super) fn replace(value: &mut String, typed: String) {
    *value = typed;
}

/// This fair's name, description and dates, to change.
#[component]
pub(super) fn DetailsPanel(
    /// The fair.
    fair: FairId,
    /// The organiser's bearer token.
    token: String,
    /// The fair as the page loaded it.
    view: FairView,
) -> impl IntoView {
    let draft = Draft::new(Some(&view));
    let message = RwSignal::new(String::new());
    let on_save = move |_| {
        let details = match draft.checked() {
            Ok(details) => details,
            Err(problem) => return message.set(format!("Not saved: {problem}.")),
        };
        let (fair, token) = (fair.clone(), token.clone());
        spawn_local(async move {
            let said = match api::save_details(&fair, &details, &token).await {
                Ok(()) => "Saved: pupils see these details now.".to_owned(),
                Err(problem) => format!("Not saved: {problem}."),
            };
            message.try_set(said);
        });
    };
    view! {
        <section class="panel" aria-labelledby="details-heading">
            <h2 id="details-heading">"The fair's details"</h2>
            <DetailsFields prefix="fair" draft />
            <button type="button" id="save-details" on:click=on_save>"Save the details"</button>
            <p class="status" role="status" id="details-message">{move || message.get()}</p>
        </section>
    }
}

/// Starting another fair: a draft, run by the same organisers, that the
/// page then opens.
#[component]
pub(super) fn NewFairPanel(
    /// The organiser's bearer token for the fair they are in.
    token: String,
) -> impl IntoView {
    let draft = Draft::new(None);
    let message = RwSignal::new(String::new());
    let on_create = move |_| {
        let details = match draft.checked() {
            Ok(details) => details,
            Err(problem) => return message.set(format!("Not created: {problem}.")),
        };
        let token = token.clone();
        spawn_local(async move {
            match api::create_fair(&details, &token).await {
                Ok(created) => {
                    session::save_link_token(
                        &created.fair,
                        LinkRole::Organiser,
                        &created.signed_in.token,
                    );
                    browser::go_to(&format!("/fairs/{}/organiser", created.fair));
                }
                Err(problem) => {
                    message.try_set(format!("Not created: {problem}."));
                }
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="new-fair-heading">
            <h2 id="new-fair-heading">"Start another fair"</h2>
            <p>
                "A new fair starts as a draft with no schools or stands, run by this fair's organisers. "
                "Its address is made from its name."
            </p>
            <DetailsFields prefix="new-fair" draft />
            <button type="button" class="secondary" id="create-fair" on:click=on_create>"Create the fair"</button>
            <p class="status" role="status" id="new-fair-message">{move || message.get()}</p>
        </section>
    }
}
