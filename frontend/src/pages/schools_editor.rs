//! The organiser's schools: the list with each school's join code, adding
//! one, importing many from a CSV file, replacing a code that was shared
//! too widely, and a sheet of codes to print for teachers.

use super::sentence;
use crate::components::{CsvImport, ScrollTable, SendFile, TextField, counted};
use crate::{api, browser};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::{NewSchool, NewSchoolDetails, SchoolView};
use shared::domain::FairId;
use std::rc::Rc;

/// Keeps the list in name order, as the API gives it.
fn add_sorted(list: &mut Vec<SchoolView>, added: Vec<SchoolView>) {
    list.extend(added);
    list.sort_by(|a, b| a.name.as_str().cmp(b.name.as_str()));
}

#[component]
pub fn SchoolsEditor(
    /// The fair.
    fair: FairId,
    /// The fair's name, for the printed sheet.
    fair_name: String,
    /// The organiser's bearer token.
    token: String,
) -> impl IntoView {
    let schools = RwSignal::new(Vec::<SchoolView>::new());
    let status = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    {
        let (fair, token) = (fair.clone(), token.clone());
        spawn_local(async move {
            match api::schools(&fair, &token).await {
                Ok(list) => {
                    schools.try_set(list);
                }
                Err(problem) => {
                    error.try_set(Some(sentence(problem)));
                }
            }
        });
    }
    let new_code = {
        let (fair, token) = (fair.clone(), token.clone());
        move |school: SchoolView| {
            let (fair, token) = (fair.clone(), token.clone());
            move |_| {
                let (fair, token, school) = (fair.clone(), token.clone(), school.clone());
                spawn_local(async move {
                    match api::new_join_code(&fair, &school.id, &token).await {
                        Ok(changed) => {
                            status.try_set(format!(
                                "{} has a new join code, {}. The old one no longer works.",
                                changed.name,
                                changed.join_code.display_grouped()
                            ));
                            schools.try_update(|list| {
                                list.retain(|s| s.id != changed.id);
                                add_sorted(list, vec![changed]);
                            });
                        }
                        Err(problem) => {
                            error.try_set(Some(sentence(problem)));
                        }
                    }
                });
            }
        }
    };
    // The last careers leader's link asked for: whose, the address, until when.
    let leader = RwSignal::new(None::<(String, String, String)>);
    let leader_link = {
        let (fair, token) = (fair.clone(), token.clone());
        move |school: SchoolView| {
            let (fair, token) = (fair.clone(), token.clone());
            move |_| {
                let (fair, token, school) = (fair.clone(), token.clone(), school.clone());
                spawn_local(async move {
                    match api::leader_link(&fair, &school.id, &token).await {
                        Ok(link) => {
                            let address = format!("{}{}", browser::origin(), link.path);
                            let until = browser::format_date_time(link.expires_at);
                            leader.try_set(Some((school.name.to_string(), address, until)));
                        }
                        Err(problem) => {
                            error.try_set(Some(sentence(problem)));
                        }
                    }
                });
            }
        }
    };
    let rows = move || {
        schools
            .get()
            .into_iter()
            .map(|school| {
                let id = school.id.to_string();
                let label = format!("New code for {}", school.name);
                let link_label = format!("Careers leader's link for {}", school.name);
                view! {
                    <tr>
                        <th scope="row">{school.name.to_string()}</th>
                        <td>{school.urn.map(|urn| urn.to_string())}</td>
                        <td class="number">{school.expected_pupils.map(|n| n.to_string())}</td>
                        <td><code id=format!("code-{id}")>{school.join_code.display_grouped()}</code></td>
                        <td>
                            <button
                                type="button"
                                class="secondary"
                                id=format!("new-code-{id}")
                                aria-label=label
                                on:click=new_code(school.clone())
                            >
                                "New code"
                            </button>
                            " "
                            <button
                                type="button"
                                class="secondary"
                                id=format!("leader-link-{id}")
                                aria-label=link_label
                                on:click=leader_link(school.clone())
                            >
                                "Careers leader's link"
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let import: SendFile = {
        let (fair, token) = (fair.clone(), token.clone());
        Rc::new(move |text: String| {
            let (fair, token) = (fair.clone(), token.clone());
            Box::pin(async move {
                let added = api::import_schools(&fair, text, &token)
                    .await
                    .map_err(|problem| problem.to_string())?;
                let said = format!("Imported {}.", counted(added.len(), "school", "schools"));
                schools.try_update(|list| add_sorted(list, added));
                Ok(said)
            })
        })
    };
    let print_sheet = |_| {
        // The sheet is the only thing printed while the body has this class.
        browser::set_body_class("print-codes", true);
        browser::print();
        browser::set_body_class("print-codes", false);
    };
    view! {
        <section class="panel" aria-labelledby="schools-heading">
            <h2 id="schools-heading">"Schools and join codes"</h2>
            <p class="hint">
                "Pupils join with their school's code. If a code reaches people it should not, give the school a new one: the old one stops working, and pupils who joined with it keep their places."
            </p>
            <ScrollTable label="Each school's join code">
                <table id="school-codes">
                    <caption class="visually-hidden">"Each school's join code"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"School"</th>
                            <th scope="col">"URN"</th>
                            <th scope="col" class="number">"Expected"</th>
                            <th scope="col">"Join code"</th>
                            <th scope="col">
                                <span class="visually-hidden">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </ScrollTable>
            <p class="actions">
                <button type="button" class="secondary" id="print-codes" on:click=print_sheet>
                    "Print the join codes for teachers"
                </button>
            </p>
            {move || {
                leader
                    .get()
                    .map(|(school, address, until)| {
                        view! {
                            <div class="field">
                                <label for="leader-link">
                                    {format!("Link for {school}'s careers leader")}
                                </label>
                                <p class="hint" id="leader-link-hint">
                                    {format!("It opens {school}'s figures and pupils' file, and nothing else, until {until}. Send it to the careers leader only.")}
                                </p>
                                <input
                                    id="leader-link"
                                    type="text"
                                    readonly
                                    aria-describedby="leader-link-hint"
                                    prop:value=address
                                />
                            </div>
                        }
                    })
            }}
            <p id="schools-status" class="status" role="status">{move || status.get()}</p>
            {move || {
                error
                    .get()
                    .map(|message| view! { <p class="notice error" role="alert" id="schools-error">{message}</p> })
            }}
            <AddSchool fair=fair.clone() token=token.clone() schools status error />
            <CsvImport
                id="schools-file"
                heading="Import schools"
                hint="A CSV file whose first row names the columns: name, and if you have them, urn and expected_pupils."
                label="CSV file of schools"
                send=import
                status
                error
            />
        </section>
        <CodeSheet fair fair_name schools />
    }
}

/// One school's name, URN and expected pupils.
#[component]
fn AddSchool(
    fair: FairId,
    token: String,
    schools: RwSignal<Vec<SchoolView>>,
    status: RwSignal<String>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let fields = RwSignal::new(NewSchool::default());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let school = fields.get_untracked();
        if let Err(problem) = NewSchoolDetails::try_from(&school) {
            error.set(Some(sentence(problem)));
            return;
        }
        error.set(None);
        let (fair, token) = (fair.clone(), token.clone());
        spawn_local(async move {
            match api::add_school(&fair, &school, &token).await {
                Ok(added) => {
                    status.try_set(format!(
                        "Added {}: its join code is {}.",
                        added.name,
                        added.join_code.display_grouped()
                    ));
                    schools.try_update(|list| add_sorted(list, vec![added]));
                    fields.try_set(NewSchool::default());
                }
                Err(problem) => {
                    error.try_set(Some(sentence(problem)));
                }
            }
        });
    };
    view! {
        <form class="school-form" on:submit=on_submit novalidate aria-labelledby="add-school-heading">
            <h3 id="add-school-heading">"Add a school"</h3>
            <TextField id="school-name" label="Name" draft=fields maxlength=120 get=|f| f.name.clone() set=|f, v| f.name = v />
            <TextField
                id="school-urn"
                label="URN (optional)"
                draft=fields
                inputmode="numeric"
                maxlength=6
                get=|f| f.urn.clone()
                set=|f, v| f.urn = v
            />
            <TextField
                id="school-expected"
                label="Pupils expected (optional)"
                draft=fields
                inputmode="numeric"
                maxlength=4
                get=|f| f.expected_pupils.clone()
                set=|f, v| f.expected_pupils = v
            />
            <button type="submit" id="add-school">"Add the school"</button>
        </form>
    }
}

/// What is printed for teachers: each school's code on a page of its own,
/// with where to join and what pupils are asked. Shown only when printed.
#[component]
fn CodeSheet(fair: FairId, fair_name: String, schools: RwSignal<Vec<SchoolView>>) -> impl IntoView {
    let address = format!("{}/fairs/{fair}", browser::origin());
    let pages = move || {
        schools
            .get()
            .into_iter()
            .map(|school| {
                view! {
                    <article class="code-page">
                        <h2>{fair_name.clone()}</h2>
                        <p class="code-school">{school.name.to_string()}</p>
                        <p>"Pupils join at"</p>
                        <p class="code-address">{address.clone()}</p>
                        <p>"with the school's join code"</p>
                        <p class="code-value">{school.join_code.display_grouped()}</p>
                        <p>
                            "and choose their year group. They are not asked for their name or email address: the fair gives each pupil a made-up name, and a resume code to carry on later."
                        </p>
                    </article>
                }
            })
            .collect_view()
    };
    view! { <div class="code-sheet" aria-hidden="true">{pages}</div> }
}
