//! `/fairs/:fair/school`: a school's careers leader sees their own school's
//! figures and downloads their pupils' file (pseudonym, year group,
//! encounters) for the school's records. They arrive through a sign-in link
//! ending `#token=...`; the token's subject names the school, which the page
//! reads only to know what to ask for (the server checks the token).

use super::{BadLink, fair_in_address};
use crate::api::{self, FileFormat};
use crate::components::{Fetched, TallyFigures};
use crate::session::{self, LinkRole};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::SchoolTotals;
use shared::domain::{FairId, SchoolId};

#[component]
pub fn SchoolPage() -> impl IntoView {
    match fair_in_address() {
        Some(fair) => view! { <School fair /> }.into_any(),
        None => view! { <BadLink /> }.into_any(),
    }
}

#[component]
fn School(
    /// The fair.
    fair: FairId,
) -> impl IntoView {
    let signed_in =
        session::sign_in_as(&fair, LinkRole::SchoolLead, |sub| SchoolId::parse(sub).ok());
    let Some((token, school)) = signed_in else {
        return view! {
            <h1>"Sign-in needed"</h1>
            <p>"Open the link you were sent for your school's figures again."</p>
        }
        .into_any();
    };
    let totals = Fetched::new({
        let (fair, school, token) = (fair.clone(), school.clone(), token.clone());
        move || {
            let (fair, school, token) = (fair.clone(), school.clone(), token.clone());
            async move { api::school_report(&fair, &school, &token).await }
        }
    });
    view! {
        {totals.view(|totals| view! { <Totals totals /> }.into_any(), None)}
        <Download fair school token />
    }
    .into_any()
}

#[component]
fn Totals(
    /// The school's line of the fair's report.
    totals: SchoolTotals,
) -> impl IntoView {
    view! {
        <h1>{totals.name.to_string()}</h1>
        <p class="lead">"Your pupils at the fair: who took part and the encounters they had."</p>
        <TallyFigures tally=totals.totals pupils_joined=totals.pupils_joined />
    }
}

/// The pupils' file: one row per pupil, by pseudonym, as CSV or Excel.
#[component]
fn Download(fair: FairId, school: SchoolId, token: String) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let fetch = move |format: FileFormat| {
        let (fair, school, token) = (fair.clone(), school.clone(), token.clone());
        move |_| {
            let (fair, school, token) = (fair.clone(), school.clone(), token.clone());
            busy.set(true);
            status.set("Preparing the download…".to_owned());
            spawn_local(async move {
                let name = format!("{fair}-{school}-pupils.{}", format.extension());
                let fetched = api::school_pupils(&fair, &school, &token, format).await;
                status.try_set(api::save_file(&name, format, fetched));
                busy.try_set(false);
            });
        }
    };
    view! {
        <section class="panel" aria-labelledby="pupils-heading">
            <h2 id="pupils-heading">"Your pupils"</h2>
            <p>"One row per pupil: pseudonym, year group, and encounters with employers (BM5) and with colleges, universities and training providers (BM7)."</p>
            <p class="actions">
                <button type="button" id="download-pupils" disabled=move || busy.get() on:click=fetch(FileFormat::Csv)>
                    "Download pupils CSV"
                </button>
                <button type="button" id="download-pupils-xlsx" class="secondary" disabled=move || busy.get() on:click=fetch(FileFormat::Xlsx)>
                    "Download pupils (Excel)"
                </button>
            </p>
            <p id="download-status" class="status" role="status">{move || status.get()}</p>
        </section>
    }
}
