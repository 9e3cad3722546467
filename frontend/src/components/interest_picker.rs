//! The sectors a pupil can say interest them: offered when joining, and
//! again in the hall to change their mind.

use leptos::prelude::*;
use std::collections::BTreeSet;

/// One checkbox per sector; ticking one adds it to `chosen`.
#[component]
pub fn InterestPicker(
    /// The sectors to offer, in the order shown.
    sectors: Vec<String>,
    /// The sectors ticked so far.
    chosen: RwSignal<BTreeSet<String>>,
    /// The question, shown above the boxes, or read by screen readers only
    /// where the page already asks it.
    #[prop(optional)]
    show_legend: bool,
) -> impl IntoView {
    let boxes = sectors
        .into_iter()
        .enumerate()
        .map(|(i, sector)| {
            let id = format!("interest-{i}");
            let (shown, toggled) = (sector.clone(), sector.clone());
            view! {
                <div class="check">
                    <input
                        type="checkbox"
                        id=id.clone()
                        prop:checked=move || chosen.with(|chosen| chosen.contains(&shown))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|chosen| {
                                if on {
                                    chosen.insert(toggled.clone());
                                } else {
                                    chosen.remove(&toggled);
                                }
                            });
                        }
                    />
                    <label for=id>{sector}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="interest-picker">
            <legend class:visually-hidden=!show_legend>
                "Which sectors interest you? (optional)"
            </legend>
            {boxes}
        </fieldset>
    }
}
