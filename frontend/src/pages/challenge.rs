//! `/fairs/:fair/challenge`: the My Futures challenge. Three stages of the
//! organiser's questions; answers save as the pupil leaves each box, and a
//! stage answered in full is completed about one stand they choose, which
//! is recorded like any other interaction (once per stage).

use super::{BadLink, fair_in_address, sentence};
use crate::components::{Fetched, NeedsJoin};
use crate::recording::{Announce, record};
use crate::{api, session};
use leptos::prelude::*;
use shared::api::{ChallengeView, RecordInteraction, SaveAnswers, StageView, StandSummary};
use shared::domain::{FairId, InteractionKind, PupilId, ReflectionText, StandId};

#[component]
pub fn ChallengePage() -> impl IntoView {
    match fair_in_address() {
        Some(fair) => view! { <Challenge fair /> }.into_any(),
        None => view! { <BadLink /> }.into_any(),
    }
}

/// What one stage needs from the page around it.
#[derive(Clone)]
struct Pupil {
    fair: FairId,
    id: PupilId,
    token: String,
    status: RwSignal<String>,
}

#[component]
fn Challenge(
    /// The fair.
    fair: FairId,
) -> impl IntoView {
    let Some(joined) = session::pupil(&fair) else {
        return view! { <NeedsJoin fair /> }.into_any();
    };
    let data = Fetched::new({
        let (fair, token) = (fair.clone(), joined.token.clone());
        move || {
            let (fair, token) = (fair.clone(), token.clone());
            async move { futures::try_join!(api::challenge(&fair, &token), api::stands(&fair, &token)) }
        }
    });
    let status = RwSignal::new(String::new());
    let pupil = Pupil {
        fair: fair.clone(),
        id: joined.pupil.id,
        token: joined.token.clone(),
        status,
    };
    let stages = move |(challenge, stands): (ChallengeView, Vec<StandSummary>)| {
        if challenge.stages.is_empty() {
            return view! { <p>"This fair has no My Futures challenge."</p> }.into_any();
        }
        challenge
            .stages
            .into_iter()
            .map(|stage| view! { <Stage pupil=pupil.clone() stage stands=stands.clone() /> })
            .collect_view()
            .into_any()
    };
    view! {
        <p>
            <a href=format!("/fairs/{fair}/hall") class="back">"← Back to the hall"</a>
        </p>
        <h1>"My Futures challenge"</h1>
        <p>
            "Three stages: what you saw, what you are good at, what you will do next. "
            "Your answers are saved as you go and only you see them. "
            "Finish a stage by choosing the stand it is about."
        </p>
        <p class="status" id="status" role="status" aria-live="polite">
            {move || status.get()}
        </p>
        {data.view(stages, Some(format!("/fairs/{fair}")))}
    }
    .into_any()
}

/// The answers as the server takes them: blank boxes are not answered yet.
fn parse_answers(texts: &[String]) -> Result<Vec<Option<ReflectionText>>, String> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            if text.trim().is_empty() {
                return Ok(None);
            }
            ReflectionText::parse(text)
                .map(Some)
                .map_err(|problem| sentence(format!("answer {} {problem}.", i + 1)))
        })
        .collect()
}

#[component]
fn Stage(
    pupil: Pupil,
    /// The questions, the answers so far and whether it is done.
    stage: StageView,
    /// The stands it can be about.
    stands: Vec<StandSummary>,
) -> impl IntoView {
    let code = stage.stage.code();
    let title = stage.stage.title();
    let texts = RwSignal::new(
        stage
            .answers
            .iter()
            .map(|a| {
                a.as_ref()
                    .map(|a| a.as_str().to_owned())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>(),
    );
    let completed = RwSignal::new(stage.completed);
    let error = RwSignal::new(None::<String>);
    let about = RwSignal::new(String::new());

    let save = {
        let pupil = pupil.clone();
        move |then: Box<dyn FnOnce() + 'static>| {
            let answers = match parse_answers(&texts.get_untracked()) {
                Ok(answers) => answers,
                Err(problem) => {
                    error.set(Some(problem));
                    return;
                }
            };
            error.set(None);
            let pupil = pupil.clone();
            leptos::task::spawn_local(async move {
                let request = SaveAnswers { answers };
                match api::save_answers(&pupil.fair, stage.stage, &request, &pupil.token).await {
                    Ok(()) => {
                        pupil.status.try_set(format!("{title}: saved"));
                        then();
                    }
                    Err(problem) => {
                        pupil
                            .status
                            .try_set(format!("{title}: not saved: {problem}"));
                    }
                }
            });
        }
    };

    let on_complete = {
        let (pupil, save) = (pupil.clone(), save.clone());
        move |_| {
            if completed.get_untracked() {
                // Done already: only the answers change.
                save(Box::new(|| ()));
                return;
            }
            let all_answered = texts.with_untracked(|t| t.iter().all(|a| !a.trim().is_empty()));
            if !all_answered {
                error.set(Some(
                    "Answer every question of this stage first.".to_owned(),
                ));
                return;
            }
            let Ok(stand) = StandId::parse(&about.get_untracked()) else {
                error.set(Some("Choose the stand this stage is about.".to_owned()));
                return;
            };
            let kind = InteractionKind::ChallengeStage { stage: stage.stage };
            let Some(id) = kind.once_only_id(&pupil.id, &stand) else {
                return;
            };
            let interaction = RecordInteraction { id, stand, kind };
            let pupil = pupil.clone();
            save(Box::new(move || {
                record(
                    pupil.fair.clone(),
                    pupil.token.clone(),
                    interaction,
                    pupil.status,
                    Announce::Everything,
                    move |kept| {
                        if kept {
                            completed.try_set(true);
                        }
                    },
                );
            }));
        }
    };

    let boxes = stage
        .prompts
        .iter()
        .enumerate()
        .map(|(i, prompt)| {
            let id = format!("answer-{code}-{i}");
            let save = save.clone();
            view! {
                <div class="field">
                    <label for=id.clone()>{prompt.as_str().to_owned()}</label>
                    <textarea
                        id=id
                        rows="3"
                        maxlength=ReflectionText::MAX_CHARS.to_string()
                        prop:value=move || texts.with(|t| t[i].clone())
                        on:input=move |ev| texts.update(|t| t[i] = event_target_value(&ev))
                        on:change=move |_| save(Box::new(|| ()))
                    ></textarea>
                </div>
            }
        })
        .collect_view();
    let options = stands
        .into_iter()
        .map(|stand| view! { <option value=stand.id.to_string()>{stand.name.to_string()}</option> })
        .collect_view();
    let heading = format!("heading-{code}");
    let labelled_by = heading.clone();
    view! {
        <section class="stage" id=format!("stage-{code}") aria-labelledby=labelled_by>
            <h2 id=heading>
                {title}
                {move || completed.get().then(|| view! { <span class="done">"✓ Completed"</span> })}
            </h2>
            {boxes}
            <div class="field">
                <label for=format!("about-{code}")>
                    {move || if completed.get() { "Completed about a stand you chose" } else { "Which stand is this about?" }}
                </label>
                <select
                    id=format!("about-{code}")
                    disabled=move || completed.get()
                    prop:value=move || about.get()
                    on:change=move |ev| about.set(event_target_value(&ev))
                >
                    <option value="">"Choose a stand"</option>
                    {options}
                </select>
            </div>
            {move || error.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
            <button type="button" id=format!("complete-{code}") on:click=on_complete>
                {move || if completed.get() { "Save changes" } else { "Complete this stage" }}
            </button>
        </section>
    }
}
