//! A file input that sends a chosen CSV file, as it is, to an import (the
//! organiser's schools, exhibitors): the API adds every row or none.

use crate::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// Sends a file's text; answers what to say when it worked (e.g.
/// "Imported 3 schools."), or the problem.
pub type SendFile = Rc<dyn Fn(String) -> Pin<Box<dyn Future<Output = Result<String, String>>>>>;

#[component]
pub fn CsvImport(
    /// The input's id.
    id: &'static str,
    /// The heading above it.
    heading: &'static str,
    /// Which columns the file has.
    hint: &'static str,
    /// The input's label.
    label: &'static str,
    /// The import.
    send: SendFile,
    /// The status line, shared with the rest of the section.
    status: RwSignal<String>,
    /// The error line, shared with the rest of the section.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = browser::chosen_file(&ev) else {
            return;
        };
        error.set(None);
        status.set("Importing…".to_owned());
        let send = send.clone();
        spawn_local(async move {
            let outcome = match browser::file_text(&file).await {
                Ok(text) => send(text).await,
                Err(()) => Err("that file could not be read".to_owned()),
            };
            match outcome {
                Ok(said) => {
                    status.try_set(said);
                }
                Err(problem) => {
                    status.try_set(String::new());
                    error.try_set(Some(format!("Nothing was imported: {problem}.")));
                }
            }
        });
    };
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <h3>{heading}</h3>
            <p class="hint" id=hint_id.clone()>
                {hint} " If any row is wrong, nothing is imported and every problem is listed."
            </p>
            <label for=id>{label}</label>
            <input
                id=id
                type="file"
                accept=".csv,text/csv"
                aria-describedby=hint_id
                on:change=on_change
            />
        </div>
    }
}

/// "1 school" or "3 schools".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}
