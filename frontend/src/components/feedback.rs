//! What a screen shows while it waits, when something failed, and when the
//! reader has not joined the fair yet.

use crate::api::ApiClientError;
use leptos::prelude::*;
use shared::domain::FairId;

/// Shown while data loads: announced politely to screen readers.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">"Loading…"</p> }
}

/// The fallback of an `<ErrorBoundary>`: each error's message, announced as
/// an alert. When the server said the sign-in is missing or expired, it
/// also offers the way back in.
#[component]
pub fn ErrorList(
    /// The boundary's errors.
    errors: ArcRwSignal<Errors>,
    /// Where to sign in again, if the error says that is needed.
    sign_in: Option<String>,
) -> impl IntoView {
    let messages = move || {
        errors
            .get()
            .into_iter()
            .map(|(_, error)| {
                let needs_sign_in = error
                    .downcast_ref::<ApiClientError>()
                    .is_some_and(ApiClientError::needs_sign_in);
                (error.to_string(), needs_sign_in)
            })
            .collect::<Vec<_>>()
    };
    let list = messages.clone();
    view! {
        <div class="notice error" role="alert">
            <p>
                <strong>"Sorry, that did not work."</strong>
            </p>
            <ul>
                {move || {
                    list()
                        .into_iter()
                        .map(|(message, _)| view! { <li>{message}</li> })
                        .collect_view()
                }}
            </ul>
            {move || {
                let needed = messages().iter().any(|(_, needs_sign_in)| *needs_sign_in);
                sign_in
                    .clone()
                    .filter(|_| needed)
                    .map(|href| view! { <p><a href=href>"Join again"</a></p> })
            }}
        </div>
    }
}

/// Shown on a pupil's screens when this device has not joined the fair.
#[component]
pub fn NeedsJoin(
    /// The fair to join.
    fair: FairId,
) -> impl IntoView {
    view! {
        <h1>"Join the fair first"</h1>
        <p>"To visit the stands, join the fair with the code your school gave you."</p>
        <p>
            <a class="button" href=format!("/fairs/{fair}")>
                "Join the fair"
            </a>
        </p>
    }
}
