//! The exhibitor's questions inbox: every question pupils asked at the
//! stand, with the asker's fair name and school only. Each can be answered
//! for the asker alone or published on the stand for every pupil (without
//! the asker), or flagged as inappropriate, which takes it off the stand.

use crate::api;
use crate::components::Fetched;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::{AnswerDetails, AnswerRequest, InboxQuestion, QuestionState};
use shared::domain::{FairId, StandId};

#[component]
pub fn Inbox(
    /// The fair.
    fair: FairId,
    /// The exhibitor's stand.
    stand: StandId,
    /// The exhibitor's token.
    token: String,
) -> impl IntoView {
    // Bumped after every change, to fetch the inbox again.
    let changed = RwSignal::new(0u32);
    let questions = Fetched::new({
        let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
        move || {
            changed.track();
            let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
            async move { api::inbox(&fair, &stand, &token).await }
        }
    });
    let render = move |list: Vec<InboxQuestion>| {
        if list.is_empty() {
            return view! { <p class="hint">"No questions yet."</p> }.into_any();
        }
        let items = list
            .into_iter()
            .map(|question| {
                let target = Target {
                    fair: fair.clone(),
                    stand: stand.clone(),
                    token: token.clone(),
                    changed,
                };
                view! { <InboxItem question target /> }
            })
            .collect_view();
        view! { <ol class="inbox">{items}</ol> }.into_any()
    };
    view! {
        <section aria-labelledby="inbox-heading" id="inbox">
            <h2 id="inbox-heading">"Questions from pupils"</h2>
            <p class="hint">
                "You see each pupil's fair name and school only. Answer here: there is no other way to contact a pupil."
            </p>
            {questions.view(render, None)}
        </section>
    }
}

/// Where an inbox item's actions go, and the signal to bump afterwards.
#[derive(Clone)]
struct Target {
    fair: FairId,
    stand: StandId,
    token: String,
    changed: RwSignal<u32>,
}

#[component]
fn InboxItem(
    /// The question.
    question: InboxQuestion,
    /// Where its answer and flag go.
    target: Target,
) -> impl IntoView {
    let id = question.id;
    let field = format!("answer-{id}");
    let publish_box = format!("publish-{id}");
    let text = RwSignal::new(question.answer.clone().unwrap_or_default());
    let publish = RwSignal::new(question.state != QuestionState::AnsweredPrivately);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let flagged = question.state == QuestionState::Flagged;

    let on_answer = {
        let target = target.clone();
        move |event: SubmitEvent| {
            event.prevent_default();
            let request = AnswerRequest {
                answer: text.get_untracked(),
                publish: publish.get_untracked(),
            };
            if let Err(error) = AnswerDetails::try_from(&request) {
                problem.set(Some(format!("Your answer {error}.")));
                return;
            }
            problem.set(None);
            busy.set(true);
            let target = target.clone();
            spawn_local(async move {
                let result =
                    api::answer_question(&target.fair, &target.stand, &id, &request, &target.token)
                        .await;
                finish(result.map(|_| ()), &target, busy, problem);
            });
        }
    };
    let on_flag = move |_| {
        busy.set(true);
        let target = target.clone();
        spawn_local(async move {
            let result = api::flag_question(&target.fair, &target.stand, &id, &target.token).await;
            finish(result.map(|_| ()), &target, busy, problem);
        });
    };
    let form = (!flagged).then(|| {
        view! {
            <form class="answer-form" on:submit=on_answer novalidate>
                <label for=field.clone()>"Your answer"</label>
                <textarea
                    id=field.clone()
                    rows="3"
                    maxlength=shared::domain::AnswerText::MAX_CHARS.to_string()
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                <div class="check">
                    <input
                        type="checkbox"
                        id=publish_box.clone()
                        prop:checked=move || publish.get()
                        on:change=move |ev| publish.set(event_target_checked(&ev))
                    />
                    <label for=publish_box>
                        "Show the question and answer on the stand for every pupil (without who asked)"
                    </label>
                </div>
                <button type="submit" class="answer" disabled=move || busy.get()>
                    "Save answer"
                </button>
                <button type="button" class="flag secondary" disabled=move || busy.get() on:click=on_flag>
                    "Flag as inappropriate"
                </button>
            </form>
        }
    });
    view! {
        <li class="inbox-item" data-state=question.state.code()>
            <p class="asked">
                <strong>{question.pseudonym.to_string()}</strong>
                {format!(", {}: ", question.school_name)}
                {question.text}
            </p>
            <p class="state">{question.state.label()}</p>
            {form}
            {move || problem.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
        </li>
    }
}

fn finish(
    result: Result<(), api::ApiClientError>,
    target: &Target,
    busy: RwSignal<bool>,
    problem: RwSignal<Option<String>>,
) {
    busy.try_set(false);
    match result {
        Ok(()) => {
            target.changed.try_update(|n| *n += 1);
        }
        Err(error) => {
            problem.try_set(Some(error.to_string()));
        }
    }
}
