//! A wide table that scrolls sideways on a narrow screen. The scrolling box
//! takes keyboard focus and is a named region, so someone without a mouse
//! can reach and scroll it and a screen reader says what it holds.

use leptos::prelude::*;

#[component]
pub fn ScrollTable(
    /// What the region is called: the table's caption.
    label: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=label>
            {children()}
        </div>
    }
}
