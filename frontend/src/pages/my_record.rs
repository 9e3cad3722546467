//! `/fairs/:fair/me`: the pupil's own record: their totals, the exhibitors
//! they have met and their My Futures answers, printable for their careers
//! file.

use super::{BadLink, fair_in_address};
use crate::components::{Fetched, NeedsJoin, ScrollTable, TallyFigures};
use crate::{api, browser, session};
use leptos::prelude::*;
use shared::api::{ChallengeView, EncounterView, PupilRecord};
use shared::domain::{Benchmark, FairId};
use shared::encounter::ENCOUNTER_GOAL;

/// The record of the pupil who joined this fair on this device.
#[component]
pub fn MyRecordPage() -> impl IntoView {
    match fair_in_address() {
        Some(fair) => view! { <MyRecord fair /> }.into_any(),
        None => view! { <BadLink /> }.into_any(),
    }
}

#[component]
fn MyRecord(
    /// The fair.
    fair: FairId,
) -> impl IntoView {
    let Some(joined) = session::pupil(&fair) else {
        return view! { <NeedsJoin fair /> }.into_any();
    };
    let record = Fetched::new({
        let (fair, token) = (fair.clone(), joined.token.clone());
        move || {
            let (fair, token) = (fair.clone(), token.clone());
            async move {
                futures::try_join!(api::my_record(&fair, &token), api::challenge(&fair, &token))
            }
        }
    });
    let sign_in = format!("/fairs/{fair}");
    let hall = format!("/fairs/{fair}/hall");
    let record_fair = fair.clone();
    view! {
        <p>
            <a href=hall class="back">"← Back to the hall"</a>
        </p>
        <h1>"My record"</h1>
        <p class="no-print">
            <button type="button" class="secondary" id="print-record" on:click=|_| browser::print()>
                "Print my record"
            </button>
        </p>
        {record.view(move |(record, challenge)| view! {
                <RecordView fair=record_fair.clone() record />
                <ChallengeSummary fair=record_fair.clone() challenge />
            }.into_any(),
            Some(sign_in),
        )}
    }
    .into_any()
}

fn benchmark_label(benchmark: Benchmark) -> &'static str {
    match benchmark {
        Benchmark::Employers => "Employers (BM5)",
        Benchmark::FurtherAndHigherEducation => "Further and higher education (BM7)",
    }
}

/// A pupil's totals and encounters.
#[component]
fn RecordView(
    /// The fair, for links back to stands.
    fair: FairId,
    /// The record.
    record: PupilRecord,
) -> impl IntoView {
    let encounters = if record.encounters.is_empty() {
        view! { <p>"You have not visited any stands yet. Go to the hall to start."</p> }.into_any()
    } else {
        let rows = record
            .encounters
            .into_iter()
            .map(|encounter: EncounterView| {
                view! {
                    <tr>
                        <th scope="row">
                            <a href=format!("/fairs/{fair}/stands/{}", encounter.stand)>
                                {encounter.stand_name.to_string()}
                            </a>
                        </th>
                        <td>{benchmark_label(encounter.benchmark)}</td>
                        <td class="number">{encounter.interactions}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <ScrollTable label="Exhibitors you have met">
                <table id="encounters-table">
                    <caption>"Exhibitors you have met"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Exhibitor"</th>
                            <th scope="col">"Counts towards"</th>
                            <th scope="col" class="number">"Interactions"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </ScrollTable>
        }
        .into_any()
    };
    view! {
        <p class="who">
            <strong>{record.pupil.pseudonym.to_string()}</strong>
            ", " {record.pupil.school_name.to_string()} ", " {record.pupil.year_group.to_string()}
        </p>
        <Goal met=record.totals.encounters />
        <h2>"Totals"</h2>
        <TallyFigures tally=record.totals />
        <h2>"Encounters"</h2>
        {encounters}
    }
}

/// How far the pupil got with the My Futures challenge, with their
/// answers, for the printed record.
#[component]
fn ChallengeSummary(
    /// The fair, for the link to the challenge.
    fair: FairId,
    /// The questions and answers.
    challenge: ChallengeView,
) -> impl IntoView {
    if challenge.stages.is_empty() {
        return ().into_any();
    }
    let done = challenge.completed();
    let total = challenge.stages.len();
    let stages = challenge
        .stages
        .into_iter()
        .map(|stage| {
            let state = if stage.completed {
                "completed"
            } else {
                "not completed yet"
            };
            let answers = stage
                .prompts
                .iter()
                .zip(&stage.answers)
                .map(|(prompt, answer)| {
                    let answer = answer
                        .as_ref()
                        .map(|a| a.as_str().to_owned())
                        .unwrap_or_else(|| "Not answered yet.".to_owned());
                    view! {
                        <dt>{prompt.as_str().to_owned()}</dt>
                        <dd>{answer}</dd>
                    }
                })
                .collect_view();
            view! {
                <h3>{stage.stage.title()} ": " {state}</h3>
                <dl class="answers">{answers}</dl>
            }
        })
        .collect_view();
    view! {
        <h2>"My Futures challenge"</h2>
        <p id="challenge-progress">{format!("You have completed {done} of {total} stages.")}</p>
        <p class="no-print">
            <a href=format!("/fairs/{fair}/challenge")>"Go to the challenge"</a>
        </p>
        {stages}
    }
    .into_any()
}

/// The goal of meeting [`ENCOUNTER_GOAL`] exhibitors, and how far the pupil
/// has got.
#[component]
fn Goal(
    /// Encounters so far.
    met: u64,
) -> impl IntoView {
    let message = if met >= ENCOUNTER_GOAL {
        format!("Goal reached: you have met {met} exhibitors. Well done!")
    } else {
        format!(
            "Your goal is to meet {ENCOUNTER_GOAL} exhibitors. You have met {met}: {} to go.",
            ENCOUNTER_GOAL - met
        )
    };
    view! {
        <div class="goal">
            <label for="goal-progress">{message}</label>
            <progress
                id="goal-progress"
                max=ENCOUNTER_GOAL.to_string()
                value=met.min(ENCOUNTER_GOAL).to_string()
            ></progress>
        </div>
    }
}
