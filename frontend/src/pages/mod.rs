//! One module per screen. Each screen is a page of its own (see `lib.rs`):
//! it reads its ids from the address, shows a clear message when they are
//! malformed, and otherwise hands typed ids to a component that does the
//! work.

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
pub use home::HomePage;
pub use join::JoinPage;
pub use my_record::MyRecordPage;
pub use organiser::OrganiserPage;
pub use school::SchoolPage;
pub use stand::StandPage;

use leptos::prelude::*;
use shared::domain::{FairId, StandId};

/// The fair named in the address (`/fairs/{fair}/...`), if it is a
/// well-formed fair id.
fn fair_in_address() -> Option<FairId> {
    FairId::parse(&address_segment(1)?).ok()
}

/// The stand named in the address (`/fairs/{fair}/stands/{stand}`), if it
/// is a well-formed stand id.
fn stand_in_address() -> Option<StandId> {
    StandId::parse(&address_segment(3)?).ok()
}

/// The address's path segment at `index`, counting from 0 after the
/// leading `/`. A screen's address only changes with a new page load, so
/// it is read once, not watched.
fn address_segment(index: usize) -> Option<String> {
    address_path()?.split('/').nth(index + 1).map(str::to_owned)
}

/// The address's path, e.g. `/fairs/demo/hall`.
fn address_path() -> Option<String> {
    window().location().pathname().ok()
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
