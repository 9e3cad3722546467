//! Asking the exhibitor a question on their stand, and the answers: the
//! pupil's own questions (waiting until answered) and those the exhibitor
//! published for everyone, without who asked. Asking is recorded like any
//! other interaction, so a retried question is stored once.

use crate::api;
use crate::components::Fetched;
use crate::recording::{Announce, new_interaction, record};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use shared::api::{QUESTIONS_PER_STAND, QuestionState, StandQuestion};
use shared::domain::{FairId, InteractionKind, QuestionText, StandId};

#[component]
pub fn StandQuestions(
    /// The fair.
    fair: FairId,
    /// The stand.
    stand: StandId,
    /// The pupil's token.
    token: String,
    /// The page's status line.
    status: RwSignal<String>,
) -> impl IntoView {
    // Bumped after asking, to fetch the list again.
    let asked = RwSignal::new(0u32);
    let questions = Fetched::new({
        let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
        move || {
            asked.track();
            let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
            async move { api::stand_questions(&fair, &stand, &token).await }
        }
    });
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let question = match QuestionText::parse(&text.get_untracked()) {
            Ok(question) => question,
            Err(problem) => {
                error.set(Some(format!("Your question {problem}.")));
                return;
            }
        };
        error.set(None);
        busy.set(true);
        status.set("Sending your question…".to_owned());
        let interaction =
            new_interaction(stand.clone(), InteractionKind::Question { text: question });
        record(
            fair.clone(),
            token.clone(),
            interaction,
            status,
            Announce::Everything,
            move |sent| {
                busy.try_set(false);
                if sent {
                    text.try_set(String::new());
                    asked.try_update(|n| *n += 1);
                }
            },
        );
    };
    let max = QuestionText::MAX_CHARS;
    let count = move || format!("{} of {max} characters", text.with(|t| t.chars().count()));
    view! {
        <section class="questions" aria-labelledby="questions-heading">
            <h2 id="questions-heading">"Questions and answers"</h2>
            {questions.view(|list| view! { <QuestionList list /> }.into_any(), None)}
            <form class="ask" on:submit=on_submit novalidate>
                <div class="field">
                    <label for="question">"Ask a question"</label>
                    <p class="hint" id="question-hint">
                        "The exhibitor sees your question with your fair name and school only. Do not put your real name or contact details in it. "
                        {format!("You can ask up to {QUESTIONS_PER_STAND} questions at each stand.")}
                    </p>
                    <textarea
                        id="question"
                        name="question"
                        rows="3"
                        maxlength=max.to_string()
                        aria-describedby=move || {
                            if error.get().is_some() {
                                "question-hint question-count question-error"
                            } else {
                                "question-hint question-count"
                            }
                        }
                        aria-invalid=move || error.get().is_some().then_some("true")
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    ></textarea>
                    <p class="hint" id="question-count">{count}</p>
                    {move || {
                        error
                            .get()
                            .map(|message| view! { <p class="field-error" id="question-error">{message}</p> })
                    }}
                </div>
                <button type="submit" id="ask" disabled=move || busy.get()>
                    {move || if busy.get() { "Sending…" } else { "Ask" }}
                </button>
            </form>
        </section>
    }
}

/// The pupil's own questions and the published ones, oldest first.
#[component]
fn QuestionList(
    /// What the server returned.
    list: Vec<StandQuestion>,
) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="hint">"No questions answered here yet. Be the first to ask."</p> }
            .into_any();
    }
    let items = list
        .into_iter()
        .map(|question| {
            let asker = if question.mine {
                "You asked"
            } else {
                "A pupil asked"
            };
            let (heading, answer) = match (question.state, question.answer) {
                (QuestionState::Flagged, _) => (
                    "",
                    "The exhibitor will not answer this question.".to_owned(),
                ),
                (_, Some(answer)) => ("Answer: ", answer),
                (_, None) => ("", "Waiting for an answer.".to_owned()),
            };
            let state = question.state.code();
            view! {
                <li class="question" data-state=state>
                    <p class="asked">
                        <strong>{asker}": "</strong>
                        {question.text}
                    </p>
                    <p class="answer">
                        <strong>{heading}</strong>
                        {answer}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="question-list">{items}</ul> }.into_any()
}
