//! A labelled one-line box bound to one field of a form's draft: read with
//! `get`, written with `set` as the person types.

use leptos::prelude::*;

#[component]
pub fn TextField<T: Send + Sync + 'static>(
    /// The box's id.
    #[prop(into)]
    id: String,
    label: &'static str,
    /// The form's draft.
    draft: RwSignal<T>,
    get: fn(&T) -> String,
    set: fn(&mut T, String),
    /// The input's type.
    #[prop(default = "text")]
    kind: &'static str,
    /// The keyboard a phone shows, e.g. "numeric" (none if empty).
    #[prop(optional)]
    inputmode: &'static str,
    /// The most characters the box takes (no limit if 0).
    #[prop(optional)]
    maxlength: u16,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type=kind
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                maxlength=(maxlength > 0).then(|| maxlength.to_string())
                prop:value=move || draft.with(get)
                on:input=move |ev| draft.update(|value| set(value, event_target_value(&ev)))
            />
        </div>
    }
}
