//! The organiser sets the fair's My Futures questions: one box per stage,
//! one question per line.

use super::sentence;
use crate::api;
use crate::components::Fetched;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::ChallengeView;
use shared::domain::{
    ChallengeQuestions, ChallengeQuestionsData, ChallengeStage, FairId, PromptText,
};

/// The questions typed in the three boxes, checked as the server checks them.
fn parse_questions(boxes: &[String; 3]) -> Result<ChallengeQuestions, String> {
    let stage_prompts = |stage: ChallengeStage| -> Result<Vec<PromptText>, String> {
        boxes[stage.index()]
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                PromptText::parse(line).map_err(|problem| {
                    sentence(format!("{}: a question {problem}.", stage.title()))
                })
            })
            .collect()
    };
    let data = ChallengeQuestionsData {
        workplace_insight: stage_prompts(ChallengeStage::WorkplaceInsight)?,
        self_reflection: stage_prompts(ChallengeStage::SelfReflection)?,
        onward_planning: stage_prompts(ChallengeStage::OnwardPlanning)?,
    };
    ChallengeQuestions::try_from(data).map_err(sentence)
}

#[component]
pub fn ChallengeEditor(
    /// The fair.
    fair: FairId,
    /// The organiser's bearer token.
    token: String,
) -> impl IntoView {
    let current = Fetched::new({
        let (fair, token) = (fair.clone(), token.clone());
        move || {
            let (fair, token) = (fair.clone(), token.clone());
            async move { api::challenge(&fair, &token).await }
        }
    });
    let form = move |challenge: ChallengeView| {
        view! { <Editor fair=fair.clone() token=token.clone() challenge /> }.into_any()
    };
    view! {
        <section class="panel" aria-labelledby="challenge-heading">
            <h2 id="challenge-heading">"My Futures questions"</h2>
            <p class="hint">
                "One question per line, one to five for each stage. Pupils answer them during the fair."
            </p>
            {current.view(form, None)}
        </section>
    }
}

#[component]
fn Editor(fair: FairId, token: String, challenge: ChallengeView) -> impl IntoView {
    let mut initial: [String; 3] = Default::default();
    for stage in &challenge.stages {
        initial[stage.stage.index()] = stage
            .prompts
            .iter()
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join("\n");
    }
    let boxes = RwSignal::new(initial);
    let status = RwSignal::new(String::new());
    let on_save = move |_| {
        let questions = match parse_questions(&boxes.get_untracked()) {
            Ok(questions) => questions,
            Err(problem) => {
                status.set(problem);
                return;
            }
        };
        let (fair, token) = (fair.clone(), token.clone());
        status.set("Saving…".to_owned());
        spawn_local(async move {
            let message = match api::set_challenge(&fair, &questions, &token).await {
                Ok(()) => "Saved: pupils see these questions now.".to_owned(),
                Err(problem) => format!("Not saved: {problem}"),
            };
            status.try_set(message);
        });
    };
    let fields = ChallengeStage::ALL
        .map(|stage| {
            let id = format!("questions-{}", stage.code());
            let i = stage.index();
            view! {
                <div class="field">
                    <label for=id.clone()>{stage.title()}</label>
                    <textarea
                        id=id
                        rows="4"
                        prop:value=move || boxes.with(|b| b[i].clone())
                        on:input=move |ev| boxes.update(|b| b[i] = event_target_value(&ev))
                    ></textarea>
                </div>
            }
        })
        .collect_view();
    view! {
        {fields}
        <button type="button" id="save-questions" on:click=on_save>"Save the questions"</button>
        <p class="status" id="challenge-status" role="status" aria-live="polite">
            {move || status.get()}
        </p>
    }
}
