//! The careers fair front end: a Leptos app rendered in the browser. The
//! router below is the map of every screen; each screen lives in `pages/`,
//! talks to the API only through `api`, and keeps who is signed in through
//! `session`.

pub mod api;
mod browser;
mod components;
mod json;
mod pages;
mod recording;
mod session;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// What every screen has: a skip link, the site header, and the routed
/// screen in `main`.
#[component]
fn Shell(
    /// Wider pages, for the tables of the people who run the fair; pupils'
    /// pages keep a short line for reading.
    #[prop(optional)]
    wide: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <Router>
            // rel="external" lets the browser follow the fragment itself, so
            // focus moves to the main content (the router would only scroll).
            <a class="skip-link" href="#main" rel="external">
                "Skip to main content"
            </a>
            <header class="site-header">
                <p class="brand">"Careers fair"</p>
            </header>
            <main id="main" tabindex="-1" class:wide=wide>
                {children()}
            </main>
        </Router>
    }
}

/// The pupil's screens. They are built into a bundle of their own (see
/// `bin/pupil.rs`), so a pupil on a slow connection never downloads the
/// organiser's or exhibitor's screens; `index.html` picks the bundle by
/// address.
#[component]
pub fn PupilApp() -> impl IntoView {
    view! {
        <Shell>
            <Routes fallback=pages::NotFound>
                <Route path=path!("/") view=pages::Home />
                <Route path=path!("/fairs/:fair") view=pages::JoinPage />
                <Route path=path!("/fairs/:fair/hall") view=pages::HallPage />
                <Route path=path!("/fairs/:fair/stands/:stand") view=pages::StandPage />
                <Route path=path!("/fairs/:fair/me") view=pages::MyRecordPage />
                <Route path=path!("/fairs/:fair/challenge") view=pages::ChallengePage />
            </Routes>
        </Shell>
    }
}

/// The screens of the people who run the fair: organisers, exhibitors and
/// schools' careers leaders (`bin/staff.rs`).
#[component]
pub fn StaffApp() -> impl IntoView {
    view! {
        <Shell wide=true>
            <Routes fallback=pages::NotFound>
                <Route path=path!("/fairs/:fair/organiser") view=pages::OrganiserPage />
                <Route path=path!("/fairs/:fair/exhibitor") view=pages::ExhibitorPage />
                <Route path=path!("/fairs/:fair/school") view=pages::SchoolPage />
            </Routes>
        </Shell>
    }
}
