//! The front door, and the page for addresses that lead nowhere.

use leptos::prelude::*;

/// `/`, and every address that is not a screen of the fair: `index.html`
/// sends both to this page's bundle.
#[component]
pub fn HomePage() -> impl IntoView {
    if super::address_path().as_deref() == Some("/") {
        view! { <Home /> }.into_any()
    } else {
        view! { <NotFound /> }.into_any()
    }
}

/// `/`: pupils arrive through their school's link, so this only points
/// them there (and to the demonstration fair).
#[component]
fn Home() -> impl IntoView {
    view! {
        <h1>"Virtual careers fair"</h1>
        <p>
            "Meet employers, colleges, universities and training providers online. "
            "To join a fair, use the link your school gave you, with your school's join code."
        </p>
        <p>
            <a href="/fairs/demo">"Try the demonstration fair"</a>
        </p>
    }
}

/// Any address that is not a screen of the fair.
#[component]
fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no page at this address. Check the link you were given."</p>
        <p>
            <a href="/">"Go to the start"</a>
        </p>
    }
}
