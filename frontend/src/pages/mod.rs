//! One module per screen. Each routed page reads its ids from the address,
//! shows a clear message when they are malformed, and otherwise hands typed
//! ids to a component that does the work.

mod challenge;
mod challenge_editor;
mod exhibitor;
mod fair_details;
mod hall;
mod home;
mod inbox;
mod join;
mod my_record;
mod organiser;
mod school;
mod schools_editor;
mod stand;
mod stand_editor;
mod stand_questions;
mod stand_uploads;

pub use challenge::ChallengePage;
pub use exhibitor::ExhibitorPage;
pub use hall::HallPage;
pub use home::{Home, NotFound};
pub use join::JoinPage;
pub use my_record::MyRecordPage;
pub use organiser::OrganiserPage;
pub use school::SchoolPage;
pub use stand::StandPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::domain::{FairId, StandId};

/// The fair named in the address, if it is a well-formed fair id.
fn use_fair() -> Memo<Option<FairId>> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get_str("fair")
            .and_then(|fair| FairId::parse(fair).ok())
    })
}

/// The stand named in the address, if it is a well-formed stand id.
fn use_stand() -> Memo<Option<StandId>> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get_str("stand")
            .and_then(|stand| StandId::parse(stand).ok())
    })
}

/// Shown when the address does not name a fair (or stand) properly.
#[component]
fn BadLink() -> impl IntoView {
    view! {
        <h1>"This link is not quite right"</h1>
        <p>"Check the link your school or the organiser gave you, and try it again."</p>
    }
}

/// Makes a validation message read as a sentence.
fn sentence(message: impl ToString) -> String {
    let message = message.to_string();
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => message,
    }
}
