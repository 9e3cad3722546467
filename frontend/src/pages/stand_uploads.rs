//! The exhibitor adds files to their stand: a logo, prospectuses, and
//! videos with their captions. Each file goes up in three steps (ask for a
//! slot, send the bytes there, ask the server to check and attach it); the
//! page says which step it is on, and why a file was refused.

use super::sentence;
use crate::api::{self, ApiClientError};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::{CompleteUpload, NewUpload, StandDetail, UploadSlot};
use shared::domain::{FairId, StandId, UploadKind, human_size};

/// Who is uploading to which stand, and the stand to refresh after.
#[derive(Clone)]
struct Target {
    fair: FairId,
    stand: StandId,
    token: String,
    current: RwSignal<StandDetail>,
}

/// What an upload form says: nothing yet, a step under way, done, or why not.
#[derive(Clone, Default, PartialEq)]
enum Progress {
    #[default]
    Idle,
    Working(String),
    Done(String),
    Refused(String),
}

/// The file chosen in `input`, if any.
fn chosen(input: NodeRef<Input>) -> Option<web_sys::File> {
    input.get_untracked()?.files()?.get(0)
}

/// Checks the size here first, so a file that is too large is refused
/// before anything is sent (the server checks again).
fn fits(kind: UploadKind, file: &web_sys::File) -> Result<u64, String> {
    let size = file.size() as u64;
    if size > kind.max_bytes() {
        return Err(format!(
            "{} can be at most {}, and this file is {}: make it smaller and try again",
            sentence(kind.label()),
            human_size(kind.max_bytes()),
            human_size(size)
        ));
    }
    Ok(size)
}

/// Steps one and two: a slot for `file`, and its bytes sent there.
async fn send(
    target: &Target,
    kind: UploadKind,
    file: &web_sys::File,
    title: Option<String>,
    progress: RwSignal<Progress>,
) -> Result<UploadSlot, ApiClientError> {
    let size = file.size() as u64;
    let request = NewUpload { kind, size, title };
    let slot = api::start_upload(&target.fair, &target.stand, &request, &target.token).await?;
    progress.try_set(Progress::Working(format!(
        "Sending {} ({})…",
        kind.label(),
        human_size(size)
    )));
    api::send_file(&slot, file).await?;
    Ok(slot)
}

/// Step three, and the stand shown afresh.
async fn complete(
    target: &Target,
    slot: &UploadSlot,
    captions: Option<&UploadSlot>,
    progress: RwSignal<Progress>,
) -> Result<(), ApiClientError> {
    progress.try_set(Progress::Working("Checking the file…".to_owned()));
    let request = CompleteUpload {
        captions: captions.map(|c| c.upload.clone()),
    };
    let detail = api::complete_upload(
        &target.fair,
        &target.stand,
        &slot.upload,
        &request,
        &target.token,
    )
    .await?;
    target.current.try_set(detail);
    Ok(())
}

/// The status line under a form: polite, so a screen reader hears each
/// step and the outcome.
fn status_line(id: &'static str, progress: RwSignal<Progress>) -> impl IntoView {
    let class = move || match progress.get() {
        Progress::Refused(_) => "status refused",
        Progress::Working(_) => "status working",
        Progress::Idle | Progress::Done(_) => "status",
    };
    let text = move || match progress.get() {
        Progress::Idle => String::new(),
        Progress::Working(step) => step,
        Progress::Done(done) => done,
        Progress::Refused(why) => format!("Not added: {}.", sentence(why)),
    };
    view! { <p id=id class=class role="status">{text}</p> }
}

#[component]
pub fn StandUploads(
    /// The fair.
    fair: FairId,
    /// The stand the files go on.
    stand: StandId,
    /// The exhibitor's (or organiser's) bearer token.
    token: String,
    /// The stand as pupils see it, refreshed after each upload.
    current: RwSignal<StandDetail>,
) -> impl IntoView {
    let target = Target {
        fair,
        stand,
        token,
        current,
    };
    view! {
        <section class="uploads" aria-labelledby="uploads-heading">
            <h3 id="uploads-heading">"Files"</h3>
            <p class="hint">
                "Each file is checked by what is in it, not by its name, before pupils see it."
            </p>
            <OnStand target=target.clone() />
            <SingleFile target=target.clone() kind=UploadKind::Logo slug="logo" titled=false />
            <SingleFile target=target.clone() kind=UploadKind::Prospectus slug="prospectus" titled=true />
            <VideoFile target />
        </section>
    }
}

/// A logo or a prospectus: one file (and a title for a prospectus).
#[component]
fn SingleFile(target: Target, kind: UploadKind, slug: &'static str, titled: bool) -> impl IntoView {
    let file_input = NodeRef::<Input>::new();
    let title = RwSignal::new(String::new());
    let progress = RwSignal::new(Progress::Idle);
    let file_id = format!("upload-{slug}-file");
    let title_id = format!("upload-{slug}-title");
    let hint_id = format!("upload-{slug}-hint");
    let on_upload = move |_| {
        let Some(file) = chosen(file_input) else {
            progress.set(Progress::Refused("choose a file first".to_owned()));
            return;
        };
        if let Err(why) = fits(kind, &file) {
            progress.set(Progress::Refused(why));
            return;
        }
        let title = titled.then(|| title.get_untracked());
        let target = target.clone();
        progress.set(Progress::Working(
            "Asking where to send the file…".to_owned(),
        ));
        spawn_local(async move {
            let result = async {
                let slot = send(&target, kind, &file, title, progress).await?;
                complete(&target, &slot, None, progress).await
            }
            .await;
            progress.try_set(match result {
                Ok(()) => Progress::Done(format!("Added {}: pupils see it now.", kind.label())),
                Err(problem) => Progress::Refused(problem.to_string()),
            });
        });
    };
    let heading = match kind {
        UploadKind::Logo => "Logo",
        _ => "Add a prospectus",
    };
    let hint = format!(
        "{}, up to {}.",
        sentence(kind.formats()),
        human_size(kind.max_bytes())
    );
    let title_field = titled.then(|| {
        let title_id = title_id.clone();
        view! {
            <label for=title_id.clone()>"Title pupils see"</label>
            <input
                id=title_id
                type="text"
                prop:value=move || title.get()
                on:input=move |ev| title.set(event_target_value(&ev))
            />
        }
    });
    view! {
        <fieldset>
            <legend>{heading}</legend>
            {title_field}
            <label for=file_id.clone()>"File"</label>
            <p class="hint" id=hint_id.clone()>{hint}</p>
            <input
                id=file_id
                type="file"
                accept=kind.accept()
                aria-describedby=hint_id
                node_ref=file_input
            />
            <button type="button" id=format!("upload-{slug}") on:click=on_upload>
                {format!("Upload {}", kind.label())}
            </button>
            {status_line(
                match kind {
                    UploadKind::Logo => "upload-logo-status",
                    _ => "upload-prospectus-status",
                },
                progress,
            )}
        </fieldset>
    }
}

/// A video and its captions, sent together: a video never goes up alone.
#[component]
fn VideoFile(target: Target) -> impl IntoView {
    let video_input = NodeRef::<Input>::new();
    let captions_input = NodeRef::<Input>::new();
    let title = RwSignal::new(String::new());
    let progress = RwSignal::new(Progress::Idle);
    let on_upload = move |_| {
        let (Some(video), Some(captions)) = (chosen(video_input), chosen(captions_input)) else {
            progress.set(Progress::Refused(
                "choose the video and its captions file first: every video needs captions"
                    .to_owned(),
            ));
            return;
        };
        let checked = fits(UploadKind::Video, &video).and(fits(UploadKind::Captions, &captions));
        if let Err(why) = checked {
            progress.set(Progress::Refused(why));
            return;
        }
        let title = title.get_untracked();
        let target = target.clone();
        progress.set(Progress::Working(
            "Asking where to send the files…".to_owned(),
        ));
        spawn_local(async move {
            let result = async {
                let captions =
                    send(&target, UploadKind::Captions, &captions, None, progress).await?;
                let video = send(&target, UploadKind::Video, &video, Some(title), progress).await?;
                complete(&target, &video, Some(&captions), progress).await
            }
            .await;
            progress.try_set(match result {
                Ok(()) => Progress::Done("Added the video and its captions.".to_owned()),
                Err(problem) => Progress::Refused(problem.to_string()),
            });
        });
    };
    let video_hint = format!(
        "{}, up to {}.",
        sentence(UploadKind::Video.formats()),
        human_size(UploadKind::Video.max_bytes())
    );
    view! {
        <fieldset>
            <legend>"Add a video"</legend>
            <label for="upload-video-title">"Title pupils see"</label>
            <input
                id="upload-video-title"
                type="text"
                prop:value=move || title.get()
                on:input=move |ev| title.set(event_target_value(&ev))
            />
            <label for="upload-video-file">"Video"</label>
            <p class="hint" id="upload-video-hint">{video_hint}</p>
            <input
                id="upload-video-file"
                type="file"
                accept=UploadKind::Video.accept()
                aria-describedby="upload-video-hint"
                node_ref=video_input
            />
            <label for="upload-captions-file">"Captions"</label>
            <p class="hint" id="upload-captions-hint">
                "A WebVTT (.vtt) file: every video needs captions."
            </p>
            <input
                id="upload-captions-file"
                type="file"
                accept=UploadKind::Captions.accept()
                aria-describedby="upload-captions-hint"
                node_ref=captions_input
            />
            <button type="button" id="upload-video" on:click=on_upload>"Upload the video"</button>
            {status_line("upload-video-status", progress)}
        </fieldset>
    }
}

/// The files on the stand now, each with a button that takes it off.
#[component]
fn OnStand(target: Target) -> impl IntoView {
    let progress = RwSignal::new(Progress::Idle);
    let current = target.current;
    let remove = move |file: String, what: String| {
        let target = target.clone();
        move |_| {
            let (target, file, what) = (target.clone(), file.clone(), what.clone());
            progress.set(Progress::Working(format!("Removing {what}…")));
            spawn_local(async move {
                let result =
                    api::remove_stand_file(&target.fair, &target.stand, &file, &target.token).await;
                progress.try_set(match result {
                    Ok(detail) => {
                        target.current.try_set(detail);
                        Progress::Done(format!("Removed {what}."))
                    }
                    Err(problem) => Progress::Refused(problem.to_string()),
                });
            });
        }
    };
    let rows = move || {
        let detail = current.get();
        let mut rows = Vec::new();
        if detail.summary.logo_url.is_some() {
            rows.push((
                "/logo".to_owned(),
                "the logo".to_owned(),
                "remove-logo".to_owned(),
            ));
        }
        for p in &detail.prospectuses {
            rows.push((
                format!("/prospectuses/{}", p.id),
                format!("“{}”", p.title),
                format!("remove-prospectus-{}", p.id),
            ));
        }
        for v in &detail.videos {
            rows.push((
                format!("/videos/{}", v.id),
                format!("“{}”", v.title),
                format!("remove-video-{}", v.id),
            ));
        }
        rows.into_iter()
            .map(|(file, what, id)| {
                let label = format!("Remove {what}");
                view! {
                    <li>
                        {sentence(&what)}
                        " "
                        <button type="button" class="secondary" id=id on:click=remove(file, what)>
                            {label}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <ul class="stand-files" id="stand-files">{rows}</ul>
        {status_line("stand-files-status", progress)}
    }
}
