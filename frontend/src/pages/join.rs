//! `/fairs/:fair`: the fair's name and dates, and the join form (school
//! join code and year group), or "carry on" for a pupil who already joined
//! on this device.

use super::{BadLink, fair_in_address, sentence};
use crate::components::{Fetched, InterestPicker};
use crate::{api, browser, session};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::{FairView, JoinDetails, JoinError, JoinRequest, JoinedPupil, ResumeRequest};
use shared::domain::{FairId, ResumeCode, YearGroup};
use std::collections::BTreeSet;

/// The join screen for the fair in the address.
#[component]
pub fn JoinPage() -> impl IntoView {
    match fair_in_address() {
        Some(fair) => view! { <Join fair /> }.into_any(),
        None => view! { <BadLink /> }.into_any(),
    }
}

/// The fair's introduction, then either the form or the offer to resume.
#[component]
fn Join(
    /// The fair to join.
    fair: FairId,
) -> impl IntoView {
    let details = Fetched::new({
        let fair = fair.clone();
        move || {
            let fair = fair.clone();
            async move { api::fair(&fair).await }
        }
    });
    let title = move || {
        details
            .ok()
            .map(|view| view.name.to_string())
            .unwrap_or_else(|| "Careers fair".to_owned())
    };
    let stored = RwSignal::new(session::pupil(&fair));
    let form_fair = fair.clone();
    view! {
        <h1>{title}</h1>
        {details.view(|view| view! { <FairIntro view /> }.into_any(), None)}
        {move || match stored.get() {
            Some(pupil) => {
                let fair = fair.clone();
                let forget = move |_| {
                    session::forget_pupil(&fair);
                    stored.set(None);
                };
                view! { <Resume fair=form_fair.clone() pupil forget /> }.into_any()
            }
            None => {
                let sectors = Signal::derive(move || {
                    details.ok().map(|view| view.sectors).unwrap_or_default()
                });
                view! {
                    <JoinForm fair=form_fair.clone() sectors />
                    <ResumeForm fair=form_fair.clone() />
                }
                    .into_any()
            }
        }}
    }
}

/// When the fair is open, and what it is.
#[component]
fn FairIntro(
    /// The fair.
    view: FairView,
) -> impl IntoView {
    let status = (!view.is_open).then(|| {
        view! { <p class="notice">"The fair is not open at the moment."</p> }
    });
    view! {
        <p class="dates">
            "Open from " <time datetime=browser::machine_date_time(view.opens_at)>
                {browser::format_date_time(view.opens_at)}
            </time> " to " <time datetime=browser::machine_date_time(view.closes_at)>
                {browser::format_date_time(view.closes_at)}
            </time>
        </p>
        {status}
        <p class="description">{view.description}</p>
    }
}

/// The offer to a pupil who joined on this device before.
#[component]
fn Resume(
    /// The fair.
    fair: FairId,
    /// Who joined.
    pupil: JoinedPupil,
    /// Forgets the stored pupil, to show the form again.
    forget: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let name = pupil.pupil.pseudonym.to_string();
    view! {
        <section class="panel" aria-labelledby="resume-heading">
            <h2 id="resume-heading">"Welcome back"</h2>
            <p>
                "On this device you joined as " <strong>{name.clone()}</strong> ", "
                {pupil.pupil.school_name.to_string()} ", " {pupil.pupil.year_group.to_string()} "."
            </p>
            <p class="actions">
                <a class="button" id="carry-on" href=format!("/fairs/{fair}/hall")>
                    "Carry on as "
                    {name}
                </a>
                <button type="button" class="secondary" id="join-again" on:click=forget>
                    "Not you? Join again"
                </button>
            </p>
        </section>
    }
}

/// The join form: the school's join code and the pupil's year group,
/// checked with the shared rules before anything is sent.
#[component]
fn JoinForm(
    /// The fair to join.
    fair: FairId,
    /// The sectors the fair's stands cover (empty until the fair loads).
    sectors: Signal<Vec<String>>,
) -> impl IntoView {
    let interests = RwSignal::new(BTreeSet::new());
    let code = RwSignal::new(String::new());
    let year = RwSignal::new(String::new());
    let code_error = RwSignal::new(None::<String>);
    let year_error = RwSignal::new(None::<String>);
    let server_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let code_input = NodeRef::<html::Input>::new();
    let year_select = NodeRef::<html::Select>::new();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        code_error.set(None);
        year_error.set(None);
        server_error.set(None);
        let request = JoinRequest {
            join_code: code.get_untracked(),
            year_group: year.get_untracked().parse().unwrap_or(0),
        };
        let details = match JoinDetails::try_from(&request) {
            Ok(details) => details,
            Err(JoinError::JoinCode(error)) => {
                code_error.set(Some(sentence(format!("Join code: {error}"))));
                if let Some(input) = code_input.get_untracked() {
                    let _ = input.focus();
                }
                return;
            }
            Err(JoinError::YearGroup(error)) => {
                let message = if year.get_untracked().is_empty() {
                    "Choose your year group".to_owned()
                } else {
                    sentence(error)
                };
                year_error.set(Some(message));
                if let Some(select) = year_select.get_untracked() {
                    let _ = select.focus();
                }
                return;
            }
        };
        // Send the code as the rules read it (upper case, no spaces).
        let request = JoinRequest {
            join_code: details.join_code.to_string(),
            year_group: details.year_group.get(),
        };
        busy.set(true);
        let fair = fair.clone();
        spawn_local(async move {
            let result = api::join(&fair, &request).await;
            if result.is_ok() {
                // Kept on this device only: the server never needs them.
                interests.with_untracked(|chosen| session::save_interests(&fair, chosen));
            }
            enter_hall(&fair, result, server_error, busy);
        });
    };

    let years = YearGroup::ALL
        .into_iter()
        .map(|year| view! { <option value=year.get().to_string()>{year.to_string()}</option> })
        .collect_view();
    view! {
        <form class="panel join-form" on:submit=on_submit novalidate>
            <h2>"Join the fair"</h2>
            <div class="field">
                <label for="join-code">"Your school's join code"</label>
                <p class="hint" id="join-code-hint">"8 letters and numbers, for example K7MP-Q4XR"</p>
                <input
                    id="join-code"
                    name="join-code"
                    type="text"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    maxlength="20"
                    node_ref=code_input
                    aria-describedby=move || {
                        if code_error.get().is_some() {
                            "join-code-hint join-code-error"
                        } else {
                            "join-code-hint"
                        }
                    }
                    aria-invalid=move || code_error.get().is_some().then_some("true")
                    prop:value=move || code.get()
                    on:input=move |ev| code.set(event_target_value(&ev))
                />
                {move || {
                    code_error
                        .get()
                        .map(|message| view! { <p class="field-error" id="join-code-error">{message}</p> })
                }}
            </div>
            <div class="field">
                <label for="year-group">"Your year group"</label>
                <select
                    id="year-group"
                    name="year-group"
                    node_ref=year_select
                    aria-describedby=move || year_error.get().map(|_| "year-group-error")
                    aria-invalid=move || year_error.get().is_some().then_some("true")
                    on:change=move |ev| year.set(event_target_value(&ev))
                >
                    <option value="">"Choose…"</option>
                    {years}
                </select>
                {move || {
                    year_error
                        .get()
                        .map(|message| view! { <p class="field-error" id="year-group-error">{message}</p> })
                }}
            </div>
            {move || {
                let sectors = sectors.get();
                (!sectors.is_empty()).then(|| {
                    view! {
                        <InterestPicker sectors chosen=interests show_legend=true />
                        <p class="hint">"We will suggest stands in these sectors. Only this device remembers them."</p>
                    }
                })
            }}
            {move || {
                server_error
                    .get()
                    .map(|message| view! { <p class="notice error" role="alert" id="join-error">{message}</p> })
            }}
            <button type="submit" id="join-submit" disabled=move || busy.get()>
                {move || if busy.get() { "Joining…" } else { "Join" }}
            </button>
        </form>
    }
}

/// Carrying on with the resume code given at joining: on another device,
/// or after "Not you?".
#[component]
fn ResumeForm(
    /// The fair.
    fair: FairId,
) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let parsed = match ResumeCode::parse(&code.get_untracked()) {
            Ok(parsed) => parsed,
            Err(problem) => {
                error.set(Some(sentence(format!("Your resume code {problem}"))));
                return;
            }
        };
        error.set(None);
        busy.set(true);
        let request = ResumeRequest {
            resume_code: parsed.to_string(),
        };
        let fair = fair.clone();
        spawn_local(async move {
            let result = api::resume(&fair, &request).await;
            enter_hall(&fair, result, error, busy);
        });
    };
    view! {
        <form class="panel" on:submit=on_submit novalidate aria-labelledby="resume-code-heading">
            <h2 id="resume-code-heading">"Joined before?"</h2>
            <div class="field">
                <label for="resume-code">"Your resume code"</label>
                <p class="hint" id="resume-code-hint">"The four words you were given, for example otter maple river cloud"</p>
                <input
                    id="resume-code"
                    name="resume-code"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    maxlength="60"
                    aria-describedby=move || {
                        if error.get().is_some() {
                            "resume-code-hint resume-code-error"
                        } else {
                            "resume-code-hint"
                        }
                    }
                    aria-invalid=move || error.get().is_some().then_some("true")
                    prop:value=move || code.get()
                    on:input=move |ev| code.set(event_target_value(&ev))
                />
                {move || {
                    error
                        .get()
                        .map(|message| view! { <p class="field-error" id="resume-code-error">{message}</p> })
                }}
            </div>
            <button type="submit" id="resume-submit" class="secondary" disabled=move || busy.get()>
                {move || if busy.get() { "Carrying on…" } else { "Carry on" }}
            </button>
        </form>
    }
}

/// After joining or resuming: remember the pupil on this device and go to
/// the hall, or say what went wrong and let the form be sent again.
fn enter_hall(
    fair: &FairId,
    result: Result<JoinedPupil, api::ApiClientError>,
    error: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
) {
    match result {
        Ok(joined) => {
            session::save_pupil(fair, &joined);
            browser::go_to(&format!("/fairs/{fair}/hall"));
        }
        Err(problem) => {
            error.set(Some(problem.to_string()));
            busy.set(false);
        }
    }
}
