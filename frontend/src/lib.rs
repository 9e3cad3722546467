//! The careers fair front end: Leptos screens rendered in the browser.
//!
//! Each screen is a page of its own, built into a bundle of its own
//! (`src/bin`, one line each): a pupil opening the hall downloads the hall
//! and what it needs, not the stand, the challenge or the organiser's
//! screens. `index.html` picks the bundle from the address, links between
//! screens are plain page loads, and each page reads its ids from the
//! address (`pages/mod.rs`). Measured against one routed bundle, a first
//! load is about half the size; moving between screens costs a page load
//! (README, "Page weight"). Screens live in `pages/`, talk to the API only
//! through `api`, and keep who is signed in through `session`.

pub mod api;
mod browser;
mod components;
mod json;
pub mod pages;
mod recording;
mod session;

use leptos::prelude::*;

/// How wide a screen's content may grow.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A short line for reading: the pupil's screens.
    Reading,
    /// The tables of the people who run the fair.
    Wide,
}

/// Puts `screen` in the page, inside what every screen has: a skip link,
/// the site header, and `main`. Each bundle's `main` calls this once.
pub fn start<V: IntoView + 'static>(screen: fn() -> V, layout: Layout) {
    leptos::mount::mount_to_body(move || {
        view! {
            <a class="skip-link" href="#main">
                "Skip to main content"
            </a>
            <header class="site-header">
                <p class="brand">"Careers fair"</p>
            </header>
            <main id="main" tabindex="-1" class:wide=layout == Layout::Wide>
                {screen()}
            </main>
        }
    });
}
