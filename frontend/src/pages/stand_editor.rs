//! The exhibitor writes their stand: name, kind, sectors, tagline, about
//! text, links and opportunities, checked as they type, with a preview
//! exactly as pupils see it and a checklist of what is still missing; and
//! adds its files (see `stand_uploads`).

use super::sentence;
use super::stand::StandView;
use super::stand_uploads::StandUploads;
use crate::api;
use crate::components::{Fetched, TextField};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::{
    LinkInput, OpportunityInput, StandContent, StandContentDetails, StandDetail, checklist,
};
use shared::domain::{ExhibitorKind, FairId, OpportunityKind, StandId};

#[component]
pub fn StandEditor(
    /// The fair.
    fair: FairId,
    /// The stand being written.
    stand: StandId,
    /// The exhibitor's (or organiser's) bearer token.
    token: String,
) -> impl IntoView {
    let saved = Fetched::new({
        let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
        move || {
            let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
            async move { api::stand(&fair, &stand, &token).await }
        }
    });
    let form = move |detail: StandDetail| {
        view! { <Editor fair=fair.clone() stand=stand.clone() token=token.clone() detail /> }
            .into_any()
    };
    view! {
        <section class="panel" aria-labelledby="editor-heading">
            <h2 id="editor-heading">"Your stand"</h2>
            {saved.view(form, None)}
        </section>
    }
}

/// The stand as pupils would see it with `content` in place of its words.
fn preview(saved: &StandDetail, content: &StandContentDetails) -> StandDetail {
    let mut detail = saved.clone();
    detail.summary.name = content.name.clone();
    detail.summary.kind = content.kind;
    detail.summary.sectors = content.sectors.iter().map(|s| s.to_string()).collect();
    detail.summary.tagline = content
        .tagline
        .clone()
        .map(String::from)
        .unwrap_or_default();
    detail.about = content.about.clone().map(String::from).unwrap_or_default();
    detail.links = content.links.clone();
    detail.opportunities = content.opportunities.clone();
    detail
}

#[component]
fn Editor(fair: FairId, stand: StandId, token: String, detail: StandDetail) -> impl IntoView {
    let draft = RwSignal::new(StandContent::from(&detail));
    // The stand as saved, with its files: uploads replace it.
    let current = RwSignal::new(detail);
    let uploads = view! {
        <StandUploads fair=fair.clone() stand=stand.clone() token=token.clone() current />
    };
    let checked = Memo::new(move |_| draft.with(|content| StandContentDetails::try_from(content)));
    let status = RwSignal::new(String::new());
    let on_save = move |_| {
        if let Err(problem) = checked.get_untracked() {
            status.set(format!("Not saved: {}.", sentence(problem)));
            return;
        }
        let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
        let content = draft.get_untracked();
        status.set("Saving…".to_owned());
        spawn_local(async move {
            let message = match api::save_stand_content(&fair, &stand, &content, &token).await {
                Ok(()) => "Saved: pupils see these words now.".to_owned(),
                Err(problem) => format!("Not saved: {problem}."),
            };
            status.try_set(message);
        });
    };
    let shown = {
        move || {
            checked.with(|checked| match checked {
                Ok(content) => {
                    let detail = current.with(|saved| preview(saved, content));
                    let items = checklist(&detail)
                        .into_iter()
                        .map(|item| {
                            let state = if item.done { "done" } else { "missing" };
                            view! {
                                <li data-state=state>
                                    {if item.done { "✓ " } else { "✗ " }}
                                    {item.label}
                                    <span class="visually-hidden">
                                        {if item.done { " (done)" } else { " (missing)" }}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <h3>"Ready for pupils?"</h3>
                        <ul class="checklist" id="stand-checklist">{items}</ul>
                        <h3>"Preview"</h3>
                        // Exactly the pupils' stand, but nothing in it can be
                        // used (inert), so nothing is recorded.
                        <div class="preview" id="stand-preview" inert>
                            <StandView detail download=|_| () watched=|_, _| () />
                        </div>
                    }
                    .into_any()
                }
                Err(problem) => view! {
                    <p class="field-error" id="editor-error">{sentence(problem)}</p>
                }
                .into_any(),
            })
        }
    };
    view! {
        <div class="stand-editor">
            <TextField id="stand-name" label="Name" draft get=|c| c.name.clone() set=|c, v| c.name = v />
            <div class="field">
                <label for="stand-kind-edit">"Kind"</label>
                <select
                    id="stand-kind-edit"
                    on:change=move |ev| {
                        let index = event_target_value(&ev).parse::<usize>().ok();
                        if let Some(kind) = index.and_then(|i| ExhibitorKind::ALL.get(i).copied()) {
                            draft.update(|c| c.kind = kind);
                        }
                    }
                >
                    {ExhibitorKind::ALL
                        .iter()
                        .enumerate()
                        .map(|(i, kind)| {
                            let kind = *kind;
                            view! {
                                <option value=i.to_string() selected=move || draft.with(|c| c.kind == kind)>
                                    {kind.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <TextField
                id="stand-sectors"
                label="Sectors, separated by commas (up to 5)"
                draft
                get=|c| c.sectors.join(", ")
                set=|c, v| c.sectors = v.split(',').map(|s| s.trim().to_owned()).collect()
            />
            <TextField id="stand-tagline" label="Tagline (one line)" draft get=|c| c.tagline.clone() set=|c, v| c.tagline = v />
            <div class="field">
                <label for="stand-about">"About you"</label>
                <p class="hint" id="stand-about-hint">"Plain text: pupils see it exactly as typed. Up to 3,000 characters."</p>
                <textarea
                    id="stand-about"
                    rows="6"
                    aria-describedby="stand-about-hint"
                    prop:value=move || draft.with(|c| c.about.clone())
                    on:input=move |ev| draft.update(|c| c.about = event_target_value(&ev))
                ></textarea>
            </div>
            <Links draft />
            <Opportunities draft />
            <button type="button" id="save-stand" on:click=on_save>"Save the stand"</button>
            <p class="status" id="stand-status" role="status">{move || status.get()}</p>
            {uploads}
        </div>
        {shown}
    }
}

/// The stand's links: words and an https address each, added and removed.
#[component]
fn Links(draft: RwSignal<StandContent>) -> impl IntoView {
    let count = Memo::new(move |_| draft.with(|c| c.links.len()));
    let rows = move || {
        (0..count.get())
            .map(|i| {
                let n = i + 1;
                let field = move |get: fn(&LinkInput) -> String| {
                    move || draft.with(|c| c.links.get(i).map(get).unwrap_or_default())
                };
                view! {
                    <fieldset class="row">
                        <legend>{format!("Link {n}")}</legend>
                        <label for=format!("link-title-{i}")>"Words shown"</label>
                        <input
                            id=format!("link-title-{i}")
                            type="text"
                            prop:value=field(|l| l.title.clone())
                            on:input=move |ev| draft.update(|c| c.links[i].title = event_target_value(&ev))
                        />
                        <label for=format!("link-url-{i}")>"Address (https://…)"</label>
                        <input
                            id=format!("link-url-{i}")
                            type="url"
                            prop:value=field(|l| l.url.clone())
                            on:input=move |ev| draft.update(|c| c.links[i].url = event_target_value(&ev))
                        />
                        <button type="button" class="secondary" on:click=move |_| draft.update(|c| { c.links.remove(i); })>
                            {format!("Remove link {n}")}
                        </button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    view! {
        <h3>"Links"</h3>
        {rows}
        <button type="button" class="secondary" id="add-link" on:click=move |_| draft.update(|c| c.links.push(LinkInput::default()))>
            "Add a link"
        </button>
    }
}

/// Apprenticeships, work experience, courses and jobs on offer.
#[component]
fn Opportunities(draft: RwSignal<StandContent>) -> impl IntoView {
    let count = Memo::new(move |_| draft.with(|c| c.opportunities.len()));
    let rows = move || {
        (0..count.get())
            .map(|i| {
                let n = i + 1;
                view! {
                    <fieldset class="row">
                        <legend>{format!("Opportunity {n}")}</legend>
                        <label for=format!("offer-kind-{i}")>"Kind"</label>
                        <select
                            id=format!("offer-kind-{i}")
                            on:change=move |ev| {
                                let index = event_target_value(&ev).parse::<usize>().ok();
                                if let Some(kind) = index.and_then(|k| OpportunityKind::ALL.get(k).copied()) {
                                    draft.update(|c| c.opportunities[i].kind = kind);
                                }
                            }
                        >
                            {OpportunityKind::ALL
                                .iter()
                                .enumerate()
                                .map(|(k, kind)| {
                                    let kind = *kind;
                                    let chosen = move || draft.with(|c| c.opportunities.get(i).is_some_and(|o| o.kind == kind));
                                    view! { <option value=k.to_string() selected=chosen>{kind.label()}</option> }
                                })
                                .collect_view()}
                        </select>
                        <label for=format!("offer-title-{i}")>"Title"</label>
                        <input
                            id=format!("offer-title-{i}")
                            type="text"
                            prop:value=move || draft.with(|c| c.opportunities.get(i).map(|o| o.title.clone()).unwrap_or_default())
                            on:input=move |ev| draft.update(|c| c.opportunities[i].title = event_target_value(&ev))
                        />
                        <label for=format!("offer-summary-{i}")>"In a sentence or two"</label>
                        <textarea
                            id=format!("offer-summary-{i}")
                            rows="2"
                            prop:value=move || draft.with(|c| c.opportunities.get(i).map(|o| o.summary.clone()).unwrap_or_default())
                            on:input=move |ev| draft.update(|c| c.opportunities[i].summary = event_target_value(&ev))
                        ></textarea>
                        <button type="button" class="secondary" on:click=move |_| draft.update(|c| { c.opportunities.remove(i); })>
                            {format!("Remove opportunity {n}")}
                        </button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let add = move |_| {
        draft.update(|c| {
            c.opportunities.push(OpportunityInput {
                kind: OpportunityKind::Apprenticeship,
                title: String::new(),
                summary: String::new(),
            });
        });
    };
    view! {
        <h3>"Opportunities"</h3>
        {rows}
        <button type="button" class="secondary" id="add-opportunity" on:click=add>"Add an opportunity"</button>
    }
}
