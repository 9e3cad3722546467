//! `/fairs/:fair/exhibitor`: an exhibitor's own figures for their stand.
//! The exhibitor arrives through an invitation ending `#invite=...` (used
//! once, for a sign-in) or a sign-in link ending `#token=...`; as for the
//! organiser, the token moves from the address bar into this tab's
//! session storage. The token's subject names the stand; the page reads it
//! only to know which stand to ask for, and the server checks the token.

use super::inbox::Inbox;
use super::sentence;
use super::stand_editor::StandEditor;
use super::{BadLink, fair_in_address};
use crate::components::{Fetched, InviteLink, ScrollTable};
use crate::session::{self, LinkRole};
use crate::{api, browser};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::{AcceptInvite, GroupFigures, SUPPRESS_BELOW, StandFigures};
use shared::domain::{FairId, InviteId, StandId, WatchedMark};

/// The exhibitor's view of their stand in the fair in the address.
#[component]
pub fn ExhibitorPage() -> impl IntoView {
    match fair_in_address() {
        Some(fair) => view! { <Exhibitor fair /> }.into_any(),
        None => view! { <BadLink /> }.into_any(),
    }
}

#[component]
fn Exhibitor(
    /// The fair.
    fair: FairId,
) -> impl IntoView {
    // An invitation in the address is exchanged for a sign-in first.
    match browser::take_from_hash("invite") {
        Some(invite) => view! { <FollowInvitation fair invite /> }.into_any(),
        None => view! { <ExhibitorStand fair /> }.into_any(),
    }
}

/// Uses the invitation (it works once) and, once signed in, shows the
/// stand; or says why the invitation cannot be used.
#[component]
fn FollowInvitation(
    /// The fair.
    fair: FairId,
    /// The invitation's id, as it came in the link.
    invite: String,
) -> impl IntoView {
    let outcome = RwSignal::new(None::<Result<(), String>>);
    {
        let fair = fair.clone();
        spawn_local(async move {
            let result = match InviteId::parse(&invite) {
                Ok(invite) => api::accept_invite(&fair, &AcceptInvite { invite })
                    .await
                    .map(|signed_in| {
                        session::save_link_token(&fair, LinkRole::Exhibitor, &signed_in.token);
                    })
                    .map_err(sentence),
                Err(_) => Err(
                    "This invitation link is not complete: copy the whole link and try again."
                        .to_owned(),
                ),
            };
            outcome.try_set(Some(result));
        });
    }
    move || match outcome.get() {
        None => view! { <p role="status">"Opening your invitation…"</p> }.into_any(),
        Some(Ok(())) => view! { <ExhibitorStand fair=fair.clone() /> }.into_any(),
        Some(Err(problem)) => view! {
            <h1>"This invitation cannot be used"</h1>
            <p class="notice error" role="alert" id="invite-error">{problem}</p>
        }
        .into_any(),
    }
}

/// The signed-in exhibitor's stand: figures, invitations for colleagues,
/// and the questions inbox.
#[component]
fn ExhibitorStand(
    /// The fair.
    fair: FairId,
) -> impl IntoView {
    let signed_in = session::sign_in_as(&fair, LinkRole::Exhibitor, |sub| StandId::parse(sub).ok());
    let Some((token, stand)) = signed_in else {
        return view! {
            <h1>"Exhibitor sign-in needed"</h1>
            <p>
                "Open the invitation or sign-in link you were sent again. An invitation works once: if yours was used, ask a colleague or the organiser for a new one."
            </p>
        }
        .into_any();
    };
    let status = RwSignal::new(String::new());
    let figures = Fetched::new({
        let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
        move || {
            let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
            async move { api::stand_figures(&fair, &stand, &token).await }
        }
    });
    let download = {
        let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
        move |_| {
            let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
            status.set("Preparing the download…".to_owned());
            spawn_local(async move {
                let name = format!("{fair}-{stand}-figures.csv");
                let fetched = api::stand_figures_csv(&fair, &stand, &token).await;
                status.try_set(api::save_file(&name, api::FileFormat::Csv, fetched));
            });
        }
    };
    view! {
        {figures.view(|figures| view! { <FiguresView figures /> }.into_any(), None)}
        <p class="actions">
            <button type="button" class="secondary" id="download-figures" on:click=download>
                "Download these figures (CSV)"
            </button>
        </p>
        <p id="download-status" class="status" role="status">{move || status.get()}</p>
        <StandEditor fair=fair.clone() stand=stand.clone() token=token.clone() />
        <section class="panel" aria-labelledby="colleagues-heading">
            <h2 id="colleagues-heading">"Colleagues"</h2>
            <p class="hint">"Invite a colleague to help run this stand. Each link works once, for this stand only."</p>
            <InviteLink
                fair=fair.clone()
                stand=stand.clone()
                stand_name="this stand".to_owned()
                token=token.clone()
                label="Invite a colleague"
            />
        </section>
        <Inbox fair stand token />
    }
    .into_any()
}

/// The stand's name and kind, and its figures.
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
                <dd data-testid="interactions">{figures.all.interactions.label()}</dd>
            </div>
            <div>
                <dt>"Pupils met (encounters)"</dt>
                <dd data-testid="encounters">{figures.all.encounters.label()}</dd>
            </div>
            <div>
                <dt>"Stand visits"</dt>
                <dd data-testid="visits">{figures.all.visits.label()}</dd>
            </div>
            <div>
                <dt>"Prospectus downloads"</dt>
                <dd data-testid="downloads">{figures.all.prospectus_downloads.label()}</dd>
            </div>
            <div>
                <dt>"Questions asked"</dt>
                <dd data-testid="questions">{figures.all.questions.label()}</dd>
            </div>
        </dl>
        <h2>"How far pupils watched your videos"</h2>
        <dl class="figures" id="watch-through">
            {WatchedMark::ALL
                .into_iter()
                .zip(figures.all.watched)
                .map(|(mark, figure)| {
                    view! {
                        <div>
                            <dt>{format!("Reached {}%", mark.percent())}</dt>
                            <dd data-testid=format!("watched-{}", mark.percent())>{figure.label()}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
        <p class="hint">
            {format!("Counts under {SUPPRESS_BELOW} are hidden, to protect the pupils' privacy.")}
        </p>
        <h2>"By school"</h2>
        {if figures.by_school.is_empty() {
            view! { <p>"No pupils have visited yet."</p> }.into_any()
        } else {
            view! { <GroupTable id="figures-by-school" label="Your figures by school" groups=figures.by_school /> }
                .into_any()
        }}
        <h2>"By year group"</h2>
        <GroupTable id="figures-by-year" label="Your figures by year group" groups=figures.by_year_group />
    }
}

/// A row of figures per school or year group.
#[component]
fn GroupTable(
    /// The table's id.
    id: &'static str,
    /// Its caption.
    label: &'static str,
    /// Its rows.
    groups: Vec<GroupFigures>,
) -> impl IntoView {
    let rows = groups
        .into_iter()
        .map(|group| {
            let figures = group.figures;
            let [.., to_the_end] = figures.watched;
            view! {
                <tr>
                    <th scope="row">{group.group}</th>
                    <td class="number">{figures.encounters.label()}</td>
                    <td class="number">{figures.visits.label()}</td>
                    <td class="number">{figures.prospectus_downloads.label()}</td>
                    <td class="number">{to_the_end.label()}</td>
                    <td class="number">{figures.questions.label()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ScrollTable label=label>
            <table id=id>
                <caption>{label}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Group"</th>
                        <th scope="col" class="number">"Pupils met"</th>
                        <th scope="col" class="number">"Visits"</th>
                        <th scope="col" class="number">"Downloads"</th>
                        <th scope="col" class="number">"Watched a video to the end"</th>
                        <th scope="col" class="number">"Questions"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </ScrollTable>
    }
}
