//! `/fairs/:fair/organiser`: the organiser's report, with the CSV exports,
//! the schools and their join codes, and the My Futures questions.
//! The organiser signs in with their email address and password, or arrives
//! through a sign-in link ending `#token=...`; either way the token is kept
//! in this tab's session storage (and taken out of the address bar).

use super::challenge_editor::ChallengeEditor;
use super::fair_details::{DetailsPanel, NewFairPanel, replace};
use super::schools_editor::SchoolsEditor;
use super::{BadLink, fair_in_address, sentence};
use crate::api::{self, Export, FileFormat, Received};
use crate::browser;
use crate::components::{
    BarChart, CsvImport, Fetched, InviteLink, ScrollTable, SendFile, TallyFigures, TextField,
    TimeChart, counted,
};
use crate::session::{self, LinkRole};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::{
    ChangeStatus, ErasePupil, ExhibitorTotals, FairReport, FairView, SchoolTotals, SignInDetails,
    SignInRequest, StandReadiness,
};
use shared::domain::{FairId, FairStatus, PupilId};
use shared::encounter::{ENCOUNTER_GOAL, Reach};
use std::rc::Rc;

/// The organiser's view of the fair in the address.
#[component]
pub fn OrganiserPage() -> impl IntoView {
    match fair_in_address() {
        Some(fair) => view! { <Organiser fair /> }.into_any(),
        None => view! { <BadLink /> }.into_any(),
    }
}

#[component]
fn Organiser(
    /// The fair.
    fair: FairId,
) -> impl IntoView {
    let token = RwSignal::new(session::sign_in_from_link(&fair, LinkRole::Organiser));
    move || match token.get() {
        Some(signed_in) => view! { <Report fair=fair.clone() token=signed_in /> }.into_any(),
        None => view! { <SignInForm fair=fair.clone() token /> }.into_any(),
    }
}

/// Email address and password; on success the token is stored for this tab
/// and put in `token`, which shows the report.
#[component]
fn SignInForm(
    /// The fair to sign in to.
    fair: FairId,
    /// Where the token goes once signed in.
    token: RwSignal<Option<String>>,
) -> impl IntoView {
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let request = SignInRequest {
            email: email.get_untracked(),
            password: password.get_untracked(),
        };
        if let Err(problem) = SignInDetails::try_from(&request) {
            error.set(Some(sentence(problem)));
            return;
        }
        error.set(None);
        busy.set(true);
        let fair = fair.clone();
        spawn_local(async move {
            match api::organiser_sign_in(&fair, &request).await {
                Ok(signed_in) => {
                    session::save_link_token(&fair, LinkRole::Organiser, &signed_in.token);
                    token.set(Some(signed_in.token));
                }
                Err(problem) => {
                    error.set(Some(sentence(problem)));
                    busy.set(false);
                }
            }
        });
    };
    view! {
        <h1>"Organiser sign-in"</h1>
        <form class="panel join-form" on:submit=on_submit novalidate>
            <div class="field">
                <label for="organiser-email">"Email address"</label>
                <input
                    id="organiser-email"
                    type="email"
                    autocomplete="username"
                    spellcheck="false"
                    prop:value=move || email.get()
                    on:input=move |ev| email.set(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="organiser-password">"Password"</label>
                <input
                    id="organiser-password"
                    type="password"
                    autocomplete="current-password"
                    prop:value=move || password.get()
                    on:input=move |ev| password.set(event_target_value(&ev))
                />
            </div>
            {move || {
                error
                    .get()
                    .map(|message| view! { <p class="notice error" role="alert" id="sign-in-error">{message}</p> })
            }}
            <button type="submit" id="sign-in-submit" disabled=move || busy.get()>
                {move || if busy.get() { "Signing in…" } else { "Sign in" }}
            </button>
        </form>
    }
}

/// How often the report is fetched again while the page is open.
const REFRESH: std::time::Duration = std::time::Duration::from_secs(30);

/// The report and exports, for a signed-in organiser.
#[component]
fn Report(
    /// The fair.
    fair: FairId,
    /// The organiser's bearer token.
    token: String,
) -> impl IntoView {
    // The report fetches itself again every half minute during a fair.
    let tick = RwSignal::new(0u32);
    if let Ok(interval) =
        set_interval_with_handle(move || tick.update(|n| *n = n.wrapping_add(1)), REFRESH)
    {
        on_cleanup(move || interval.clear());
    }
    let report = Fetched::new({
        let (fair, token) = (fair.clone(), token.clone());
        move || {
            tick.track();
            let (fair, token) = (fair.clone(), token.clone());
            async move { api::report(&fair, &token).await }
        }
    });
    let details = Fetched::new({
        let fair = fair.clone();
        move || {
            let fair = fair.clone();
            async move { api::fair(&fair).await }
        }
    });
    let schools = {
        let (fair, token) = (fair.clone(), token.clone());
        move |view: FairView| {
            view! {
                <StatusPanel
                    fair=fair.clone()
                    token=token.clone()
                    current=view.status
                    expires=view.pupil_data_expires_at
                />
                <DetailsPanel fair=fair.clone() token=token.clone() view=view.clone() />
                <SchoolsEditor fair=fair.clone() fair_name=view.name.to_string() token=token.clone() />
            }
                .into_any()
        }
    };
    view! {
        <h1>"Fair report"</h1>
        <p class="lead">
            "Attendance and encounters for " <code>{fair.to_string()}</code>
            ", brought up to date every 30 seconds."
        </p>
        <Exports fair=fair.clone() token=token.clone() />
        {report.view(|report| view! { <ReportView report /> }.into_any(), None)}
        {details.view(schools, None)}
        <StandInvitations fair=fair.clone() token=token.clone() />
        <Erasure fair=fair.clone() token=token.clone() />
        <ChallengeEditor fair=fair.clone() token=token.clone() />
        <NewFairPanel token />
    }
}

/// How many days pupils' data is kept after archiving, unless the
/// organiser types another number: a school term.
const DEFAULT_KEEP_DAYS: &str = "90";

/// Where the fair is in its life, and the moves the organiser can make.
#[component]
fn StatusPanel(
    /// The fair.
    fair: FairId,
    /// The organiser's bearer token.
    token: String,
    /// The status when the page loaded.
    current: FairStatus,
    /// When an archived fair's pupil-level data goes.
    expires: Option<time::OffsetDateTime>,
) -> impl IntoView {
    let status = RwSignal::new(current);
    let expires = RwSignal::new(expires);
    let keep_days = RwSignal::new(DEFAULT_KEEP_DAYS.to_owned());
    let message = RwSignal::new(String::new());
    let action = |from: FairStatus, to: FairStatus| match (from, to) {
        (FairStatus::Draft, _) => "Open the fair",
        (FairStatus::Closed, FairStatus::Open) => "Open the fair again",
        (_, FairStatus::Closed) => "Close the fair",
        _ => "Archive the fair",
    };
    let buttons = move || {
        let from = status.get();
        from.next()
            .map(|to| {
                let (fair, token) = (fair.clone(), token.clone());
                let on_click = move |_| {
                    let keep_pupil_data_days = if to == FairStatus::Archived {
                        let Ok(days) = keep_days.get_untracked().trim().parse::<u16>() else {
                            message.set("Not archived: say how many days to keep pupils' data, as a whole number.".to_owned());
                            return;
                        };
                        let question = format!(
                            "Archive the fair? It cannot be opened again, and its pupil-level data is removed after {days} days."
                        );
                        if !browser::confirm(&question) {
                            return;
                        }
                        Some(days)
                    } else {
                        None
                    };
                    let request = ChangeStatus { status: to, keep_pupil_data_days };
                    let (fair, token) = (fair.clone(), token.clone());
                    spawn_local(async move {
                        match api::change_status(&fair, &request, &token).await {
                            Ok(()) => {
                                status.try_set(to);
                                message.try_set(format!("The fair is now {}.", to.label().to_lowercase()));
                                if let Some(days) = keep_pupil_data_days {
                                    expires.try_set(Some(browser::now() + time::Duration::days(days.into())));
                                }
                            }
                            Err(problem) => {
                                message.try_set(format!("Not changed: {problem}."));
                            }
                        }
                    });
                };
                view! {
                    <button type="button" class="secondary" id=format!("status-{}", to.code()) on:click=on_click>
                        {action(from, to)}
                    </button>
                }
            })
            .collect_view()
    };
    // Archiving asks how long pupils' own data stays; the totals stay for good.
    let keep = move || {
        (status.get() == FairStatus::Closed).then(|| {
            view! {
                <TextField
                    id="keep-days"
                    label="When archived, keep pupils' own data for (days, 0 to 730)"
                    inputmode="numeric"
                    draft=keep_days
                    get=String::clone
                    set=replace
                />
            }
        })
    };
    let removal = move || {
        expires.get().map(|at| {
            view! {
                <p id="data-removal">
                    "Pupil-level data (pupils, their encounters, answers and questions) will be removed on "
                    {browser::format_date_time(at)}
                    ". The totals and the schools, exhibitors and year-group exports stay."
                </p>
            }
        })
    };
    let meaning = move || match status.get() {
        FairStatus::Draft => "Being set up: pupils cannot join yet.",
        FairStatus::Open => "Pupils can join, and take part during the opening hours.",
        FairStatus::Closed => "Over: nobody can join or take part. The figures and exports stay.",
        FairStatus::Archived => "Finished with: it cannot be opened again.",
    };
    view! {
        <section class="panel" aria-labelledby="status-heading">
            <h2 id="status-heading">"The fair is " <span id="fair-status">{move || status.get().label().to_lowercase()}</span></h2>
            <p>{meaning}</p>
            {removal}
            {keep}
            <p class="actions">{buttons}</p>
            <p class="status" role="status" id="status-message">{move || message.get()}</p>
        </section>
    }
}

/// Erasing one pupil's data when a parent or the school asks.
#[component]
fn Erasure(
    /// The fair.
    fair: FairId,
    /// The organiser's bearer token.
    token: String,
) -> impl IntoView {
    let pupil = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let on_erase = move |_| {
        let Ok(id) = PupilId::parse(pupil.get_untracked().trim()) else {
            message.set("Not erased: copy the pupil_id from the per-pupil export.".to_owned());
            return;
        };
        if !browser::confirm(
            "Erase everything this fair holds about this pupil? It cannot be undone.",
        ) {
            return;
        }
        let (fair, token) = (fair.clone(), token.clone());
        spawn_local(async move {
            let said = match api::erase_pupil(&fair, &ErasePupil { pupil: id }, &token).await {
                Ok(erased) => format!(
                    "Erased: {} stored items. The fair's totals still count what the pupil did, with no one in them.",
                    erased.items
                ),
                Err(problem) => format!("Not erased: {problem}."),
            };
            message.try_set(said);
            pupil.try_set(String::new());
        });
    };
    view! {
        <section class="panel" aria-labelledby="erasure-heading">
            <h2 id="erasure-heading">"Erase a pupil's data"</h2>
            <div class="field">
                <label for="erase-pupil">"The pupil's id"</label>
                <p class="hint" id="erase-pupil-hint">"The pupil_id column of the per-pupil export. Their record, answers, questions and resume code are deleted."</p>
                <input
                    id="erase-pupil"
                    type="text"
                    spellcheck="false"
                    aria-describedby="erase-pupil-hint"
                    prop:value=move || pupil.get()
                    on:input=move |ev| pupil.set(event_target_value(&ev))
                />
            </div>
            <button type="button" class="secondary" id="erase" on:click=on_erase>"Erase this pupil's data"</button>
            <p class="status" role="status" id="erase-message">{move || message.get()}</p>
        </section>
    }
}

/// Every stand, each with a button making an invitation for someone to
/// run it.
#[component]
fn StandInvitations(
    /// The fair.
    fair: FairId,
    /// The organiser's bearer token.
    token: String,
) -> impl IntoView {
    // Fetched again after an import.
    let imported = RwSignal::new(0u32);
    let stands = Fetched::new({
        let (fair, token) = (fair.clone(), token.clone());
        move || {
            imported.track();
            let (fair, token) = (fair.clone(), token.clone());
            async move { api::readiness(&fair, &token).await }
        }
    });
    let status = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let import: SendFile = {
        let (fair, token) = (fair.clone(), token.clone());
        Rc::new(move |text: String| {
            let (fair, token) = (fair.clone(), token.clone());
            Box::pin(async move {
                let added = api::import_stands(&fair, text, &token)
                    .await
                    .map_err(|problem| problem.to_string())?;
                imported.update(|n| *n += 1);
                Ok(format!(
                    "Imported {}: invite someone to run each.",
                    counted(added.len(), "exhibitor", "exhibitors")
                ))
            })
        })
    };
    let list = move |stands: Vec<StandReadiness>| {
        stands
            .into_iter()
            .map(|stand| {
                let ready = if stand.missing.is_empty() {
                    "Ready for pupils".to_owned()
                } else {
                    format!("Still needs: {}", stand.missing.join(", ").to_lowercase())
                };
                view! {
                    <li data-ready=stand.missing.is_empty().to_string() id=format!("stand-{}", stand.stand)>
                        <p class="stand-name">{stand.name.to_string()}</p>
                        <p class="readiness">{ready}</p>
                        <InviteLink
                            fair=fair.clone()
                            stand=stand.stand.clone()
                            stand_name=stand.name.to_string()
                            token=token.clone()
                            label="Invite an exhibitor"
                        />
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="panel" aria-labelledby="stands-heading">
            <h2 id="stands-heading">"Exhibitors"</h2>
            <p class="hint">
                "Each stand, and what it still needs before the fair opens. An invitation lets one person in to run one stand, once, within a week; they can then invite their colleagues."
            </p>
            <ul class="stand-invites" id="stand-invites">{stands.view(list, None)}</ul>
            <CsvImport
                id="stands-file"
                heading="Import exhibitors"
                hint="A CSV file whose first row names the columns: name, kind (employer, college, university, apprenticeship_provider or training_provider) and, if you have them, sectors separated by semicolons. Each gets an empty stand."
                label="CSV file of exhibitors"
                send=import
                status
                error
            />
            <p id="stands-status" class="status" role="status">{move || status.get()}</p>
            {move || {
                error
                    .get()
                    .map(|message| view! { <p class="notice error" role="alert" id="stands-error">{message}</p> })
            }}
        </section>
    }
}

/// The two CSV download buttons and their status line.
#[component]
fn Exports(
    /// The fair.
    fair: FairId,
    /// The organiser's bearer token.
    token: String,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let received = RwSignal::new(None::<Received>);
    let fetch = move |export: Export, format: FileFormat| {
        let (fair, token) = (fair.clone(), token.clone());
        move |_| {
            let (fair, token) = (fair.clone(), token.clone());
            busy.set(true);
            status.set("Preparing the download…".to_owned());
            received.set(Some(Received::default()));
            spawn_local(async move {
                let progress = move |so_far: Received| {
                    status.try_set(progress_message(so_far, format));
                    received.try_set(Some(so_far));
                };
                let fetched = api::export(&fair, &token, export, format, progress).await;
                let message = api::save_file(&export.file_name(&fair, format), format, fetched);
                status.try_set(message);
                received.try_set(None);
                busy.try_set(false);
            });
        }
    };
    // A bar that fills when the size is known, and moves without a value
    // (the browser's "still working" bar) when it is streamed.
    let bar = move || {
        received.get().map(|so_far| {
            let (value, max) = match so_far.total {
                Some(total) if total > 0 => (Some(so_far.bytes.to_string()), total.to_string()),
                _ => (None, "1".to_owned()),
            };
            view! { <progress id="export-progress" value=value max=max aria-label="Download progress"></progress> }
        })
    };
    let buttons = Export::ALL
        .iter()
        .flat_map(|export| FileFormat::ALL.map(|format| (*export, format)))
        .map(|(export, format)| {
            let id = match format {
                FileFormat::Csv => format!("export-{}", export.slug()),
                FileFormat::Xlsx => format!("export-{}-xlsx", export.slug()),
            };
            view! {
                <button
                    type="button"
                    class:secondary=format == FileFormat::Xlsx
                    id=id
                    disabled=move || busy.get()
                    on:click=fetch(export, format)
                >
                    {format!("Download {} ({})", export.label(), format.label())}
                </button>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="exports-heading">
            <h2 id="exports-heading">"Exports"</h2>
            <p class="hint">"Each as CSV, or as an Excel workbook for schools' own records."</p>
            <p class="actions">{buttons}</p>
            {bar}
            <p id="export-status" class="status" role="status">{move || status.get()}</p>
        </section>
    }
}

/// What has arrived of a download so far, in words.
fn progress_message(so_far: Received, format: FileFormat) -> String {
    let kb = |bytes: u64| bytes.div_ceil(1024);
    let size = match so_far.total {
        Some(total) => format!("{} KB of {} KB", kb(so_far.bytes), kb(total)),
        None => format!("{} KB", kb(so_far.bytes)),
    };
    match format {
        // The header is a line too.
        FileFormat::Csv => format!(
            "Downloading: {} rows so far ({size}).",
            so_far.lines.saturating_sub(1)
        ),
        FileFormat::Xlsx => format!("Downloading: {size}."),
    }
}

/// A school's tally columns, after its name and pupils joined.
fn tally_cells(tally: shared::encounter::Tally) -> impl IntoView {
    view! {
        <td class="number">{tally.pupils_attended}</td>
        <td class="number">{tally.interactions}</td>
        <td class="number">{tally.encounters}</td>
        <td class="number">{tally.encounters_bm5}</td>
        <td class="number">{tally.encounters_bm7}</td>
    }
}

/// The header cells matching [`tally_cells`].
fn tally_headers() -> impl IntoView {
    view! {
        <th scope="col" class="number">"Attended"</th>
        <th scope="col" class="number">"Interactions"</th>
        <th scope="col" class="number">"Encounters"</th>
        <th scope="col" class="number">"BM5"</th>
        <th scope="col" class="number">"BM7"</th>
    }
}

/// `part` as a whole percentage of `whole` ("—" when there is no whole).
fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "—".to_owned();
    }
    // Counts are far below 2^52, so the conversions are exact.
    format!("{:.0}%", 100.0 * part as f64 / whole as f64)
}

/// The percentages of a scope's pupils at each line, as table cells.
fn reach_cells(reach: Reach, pupils_joined: u64) -> impl IntoView {
    view! {
        <td class="number">{percent(reach.pupils_with_bm5, pupils_joined)}</td>
        <td class="number">{percent(reach.pupils_with_bm7, pupils_joined)}</td>
        <td class="number">{percent(reach.pupils_at_goal, pupils_joined)}</td>
    }
}

/// The fair's totals and the per-school and per-exhibitor tables.
#[component]
fn ReportView(
    /// The report.
    report: FairReport,
) -> impl IntoView {
    let schools = report
        .schools
        .into_iter()
        .map(|school: SchoolTotals| {
            view! {
                <tr>
                    <th scope="row">{school.name.to_string()}</th>
                    <td class="number">{school.pupils_joined}</td>
                    {tally_cells(school.totals)}
                    {reach_cells(school.reach, school.pupils_joined)}
                </tr>
            }
        })
        .collect_view();
    let encounters = report
        .exhibitors
        .iter()
        .map(|exhibitor| (exhibitor.name.to_string(), exhibitor.totals.encounters))
        .collect();
    let exhibitors = report
        .exhibitors
        .into_iter()
        .map(|exhibitor: ExhibitorTotals| {
            view! {
                <tr>
                    <th scope="row">{exhibitor.name.to_string()}</th>
                    <td>{exhibitor.kind.label()}</td>
                    <td>{exhibitor.kind.benchmark().code()}</td>
                    <td class="number">{exhibitor.activity.visits}</td>
                    <td class="number">{exhibitor.activity.prospectus_downloads}</td>
                    <td class="number">{exhibitor.totals.interactions}</td>
                    <td class="number">{exhibitor.totals.encounters}</td>
                </tr>
            }
        })
        .collect_view();
    let joined = report.pupils_joined;
    let reach = report.reach;
    let reached = move |count: u64| format!("{count} ({})", percent(count, joined));
    view! {
        <h2>"Totals"</h2>
        <TallyFigures tally=report.totals pupils_joined=report.pupils_joined />
        <dl class="figures" id="reach-figures">
            <div>
                <dt>"Pupils with a BM5 encounter"</dt>
                <dd data-testid="with-bm5">{reached(reach.pupils_with_bm5)}</dd>
            </div>
            <div>
                <dt>"Pupils with a BM7 encounter"</dt>
                <dd data-testid="with-bm7">{reached(reach.pupils_with_bm7)}</dd>
            </div>
            <div>
                <dt>{format!("Pupils with {ENCOUNTER_GOAL} or more encounters")}</dt>
                <dd data-testid="at-goal">{reached(reach.pupils_at_goal)}</dd>
            </div>
        </dl>
        <TimeChart title="Interactions over time".to_owned() hours=report.interactions_by_hour />
        <h2>"By school"</h2>
        <p class="hint">"Percentages are of the school's pupils who joined the fair."</p>
        <ScrollTable label="Attendance and encounters per school">
            <table id="schools-table">
                <caption>"Attendance and encounters per school"</caption>
                <thead>
                    <tr>
                        <th scope="col">"School"</th>
                        <th scope="col" class="number">"Joined"</th>
                        {tally_headers()}
                        <th scope="col" class="number">"% with BM5"</th>
                        <th scope="col" class="number">"% with BM7"</th>
                        <th scope="col" class="number">{format!("% with {ENCOUNTER_GOAL}+")}</th>
                    </tr>
                </thead>
                <tbody>{schools}</tbody>
            </table>
        </ScrollTable>
        <h2>"By exhibitor"</h2>
        <BarChart title="Encounters per exhibitor".to_owned() bars=encounters />
        <ScrollTable label="Visits, downloads and pupils met per exhibitor">
            <table id="exhibitors-table">
                <caption>"Visits, downloads and pupils met per exhibitor"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Exhibitor"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col">"Benchmark"</th>
                        <th scope="col" class="number">"Visits"</th>
                        <th scope="col" class="number">"Downloads"</th>
                        <th scope="col" class="number">"Interactions"</th>
                        // Each encounter is one pupil met.
                        <th scope="col" class="number">"Pupils met"</th>
                    </tr>
                </thead>
                <tbody>{exhibitors}</tbody>
            </table>
        </ScrollTable>
    }
}
