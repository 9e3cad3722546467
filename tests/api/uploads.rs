//! Uploads to a stand, against the local store and (when `S3_ENDPOINT` is
//! set, as `cargo xtask test` does) S3: a good file is checked and
//! attached; a wrong type, an oversize file, an upload that never arrived
//! or was cut short, and a video without good captions are each refused
//! with their code and leave the stand (and the store) as they were; only
//! the stand's exhibitor and the organiser may upload.

use careers_api::auth::Caller;
use careers_api::model::Prospectus;
use careers_api::store::AttachError;
use shared::api::{
    CompleteUpload, ErrorBody, ErrorCode, NewUpload, StandDetail, StandSummary, UploadSlot,
};
use shared::domain::{StandId, UploadKind};
use tests::files::TestFiles;
use tests::{COLLEGE, EMPLOYER, TestApp, spawn_app, spawn_app_with_files};

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
/// A Word document (a zip) someone named `prospectus.pdf`: the name never
/// reaches the server, which judges by content.
const NOT_A_PDF: &[u8] = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml";
const MP4: &[u8] = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41\x00\x00\x00\x08free";
const VTT: &[u8] = b"WEBVTT\n\n00:00.000 --> 00:02.000\nWelcome to our workshop.\n";
const SRT: &[u8] = b"1\n00:00:00,000 --> 00:00:02,000\nWelcome to our workshop.\n";
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00";

fn exhibitor(app: &TestApp, stand: &str) -> String {
    app.token_for(&Caller::Exhibitor {
        fair: app.fair.clone(),
        stand: StandId::parse(stand).expect("id"),
    })
}

fn uploads_path(app: &TestApp, stand: &str) -> String {
    format!("/api/fairs/{}/stands/{stand}/uploads", app.fair)
}

async fn start(
    app: &TestApp,
    token: &str,
    kind: UploadKind,
    size: u64,
    title: Option<&str>,
) -> reqwest::Response {
    let request = NewUpload {
        kind,
        size,
        title: title.map(str::to_owned),
    };
    app.post_json(&uploads_path(app, EMPLOYER), &request, Some(token))
        .await
}

async fn slot(app: &TestApp, token: &str, kind: UploadKind, size: usize) -> UploadSlot {
    let response = start(app, token, kind, size as u64, Some("Our prospectus")).await;
    assert_eq!(response.status(), 201, "slot for {kind:?}");
    response.json().await.expect("slot")
}

/// Sends `bytes` where the slot says, as a browser would (no token).
async fn put(app: &TestApp, slot: &UploadSlot, bytes: &[u8]) -> reqwest::Response {
    let url = if slot.url.starts_with('/') {
        app.url(&slot.url)
    } else {
        slot.url.clone()
    };
    app.http
        .put(url)
        .body(bytes.to_vec())
        .send()
        .await
        .expect("PUT sent")
}

async fn complete(
    app: &TestApp,
    token: &str,
    slot: &UploadSlot,
    captions: Option<&UploadSlot>,
) -> reqwest::Response {
    let body = CompleteUpload {
        captions: captions.map(|c| c.upload.clone()),
    };
    let path = format!("{}/{}/complete", uploads_path(app, EMPLOYER), slot.upload);
    app.post_json(&path, &body, Some(token)).await
}

/// Uploads `bytes` as `kind` in both steps and returns the answer to the
/// second.
async fn upload(app: &TestApp, token: &str, kind: UploadKind, bytes: &[u8]) -> reqwest::Response {
    let slot = slot(app, token, kind, bytes.len()).await;
    assert_eq!(put(app, &slot, bytes).await.status(), 200, "bytes sent");
    complete(app, token, &slot, None).await
}

async fn refused(response: reqwest::Response, status: u16, code: ErrorCode, what: &str) -> String {
    assert_eq!(response.status(), status, "{what}");
    let body: ErrorBody = response.json().await.expect("error body");
    assert_eq!(body.code, code, "{what}: {}", body.message);
    body.message
}

#[tokio::test]
async fn a_pdf_prospectus_is_checked_and_attached_for_pupils_to_download() {
    for files in TestFiles::all().await {
        let app = spawn_app_with_files(&files).await;
        let token = exhibitor(&app, EMPLOYER);
        let before = app.stand_detail(EMPLOYER, &token).await;
        let response = upload(&app, &token, UploadKind::Prospectus, PDF).await;
        assert_eq!(response.status(), 200, "{}", files.name());
        let answered: StandDetail = response.json().await.expect("stand");

        let pupil = app.join_ok().await;
        let seen = app.stand_detail(EMPLOYER, &pupil.token).await;
        assert_eq!(seen, answered, "the answer is the stand as pupils see it");
        assert_eq!(seen.prospectuses.len(), before.prospectuses.len() + 1);
        let added = seen.prospectuses.last().expect("added");
        assert_eq!(added.title.as_str(), "Our prospectus");
        let key = added.url.strip_prefix("/files/").expect("a file URL");
        assert!(key.ends_with(".pdf"), "{key}");
        assert_eq!(files.read(key).await, PDF, "{}", files.name());
        assert_eq!(
            files.keys().await,
            [key],
            "{}: nothing left in staging",
            files.name()
        );
        if files.dir().is_some() {
            // Locally the file is served under /files, as CloudFront does.
            let served = app.http.get(app.url(&added.url)).send().await.expect("get");
            assert_eq!(served.bytes().await.expect("bytes").as_ref(), PDF);
        }
    }
}

#[tokio::test]
async fn a_file_named_pdf_that_is_not_a_pdf_is_refused_and_changes_nothing() {
    for files in TestFiles::all().await {
        let app = spawn_app_with_files(&files).await;
        let token = exhibitor(&app, EMPLOYER);
        let before = app.stand_detail(EMPLOYER, &token).await;
        let message = refused(
            upload(&app, &token, UploadKind::Prospectus, NOT_A_PDF).await,
            422,
            ErrorCode::WrongFileType,
            files.name(),
        )
        .await;
        assert!(message.contains("not a PDF"), "{message}");
        assert_eq!(
            app.stand_detail(EMPLOYER, &token).await,
            before,
            "{}",
            files.name()
        );
        assert!(files.keys().await.is_empty(), "{}: deleted", files.name());

        // A PNG is a fine logo but not a prospectus, nor a PDF a logo.
        let png = upload(&app, &token, UploadKind::Prospectus, PNG).await;
        refused(png, 422, ErrorCode::WrongFileType, "PNG prospectus").await;
        let pdf = upload(&app, &token, UploadKind::Logo, PDF).await;
        refused(pdf, 422, ErrorCode::WrongFileType, "PDF logo").await;
        assert_eq!(
            app.stand_detail(EMPLOYER, &token).await,
            before,
            "{}",
            files.name()
        );
    }
}

#[tokio::test]
async fn oversize_files_are_refused_before_a_byte_is_sent() {
    let files = TestFiles::local();
    let app = spawn_app_with_files(&files).await;
    let token = exhibitor(&app, EMPLOYER);
    for kind in UploadKind::ALL {
        let response = start(&app, &token, kind, kind.max_bytes() + 1, Some("Big")).await;
        let message = refused(response, 413, ErrorCode::FileTooLarge, &format!("{kind:?}")).await;
        assert!(message.contains(" MB"), "{message}");
        let at_limit = start(&app, &token, kind, kind.max_bytes(), Some("Big")).await;
        assert_eq!(at_limit.status(), 201, "{kind:?} at its limit");
    }
    let empty = start(&app, &token, UploadKind::Logo, 0, None).await;
    refused(empty, 422, ErrorCode::InvalidField, "empty").await;
    let untitled = start(&app, &token, UploadKind::Prospectus, 10, None).await;
    refused(untitled, 422, ErrorCode::InvalidField, "no title").await;
    assert!(files.keys().await.is_empty());
}

#[tokio::test]
async fn an_upload_that_never_arrived_or_broke_off_is_refused() {
    for files in TestFiles::all().await {
        let app = spawn_app_with_files(&files).await;
        let token = exhibitor(&app, EMPLOYER);
        let before = app.stand_detail(EMPLOYER, &token).await;
        let never = slot(&app, &token, UploadKind::Prospectus, PDF.len()).await;
        let message = refused(
            complete(&app, &token, &never, None).await,
            422,
            ErrorCode::UploadNotReceived,
            files.name(),
        )
        .await;
        assert!(message.contains("did not arrive"), "{message}");

        // Half the file arrived: the size says the upload broke.
        let half = slot(&app, &token, UploadKind::Prospectus, PDF.len()).await;
        assert_eq!(put(&app, &half, &PDF[..PDF.len() / 2]).await.status(), 200);
        refused(
            complete(&app, &token, &half, None).await,
            422,
            ErrorCode::UploadIncomplete,
            files.name(),
        )
        .await;
        assert_eq!(
            app.stand_detail(EMPLOYER, &token).await,
            before,
            "{}",
            files.name()
        );
        assert!(files.keys().await.is_empty(), "{}", files.name());
    }
}

#[tokio::test]
async fn one_upload_completed_twice_at_once_is_on_the_stand_once() {
    let files = TestFiles::local();
    let app = spawn_app_with_files(&files).await;
    let token = exhibitor(&app, EMPLOYER);
    let before = app.stand_detail(EMPLOYER, &token).await.prospectuses.len();
    let slot = slot(&app, &token, UploadKind::Prospectus, PDF.len()).await;
    assert!(put(&app, &slot, PDF).await.status().is_success());
    let (first, second) = tokio::join!(
        complete(&app, &token, &slot, None),
        complete(&app, &token, &slot, None)
    );
    assert!(
        first.status() == 200 || second.status() == 200,
        "{} and {}",
        first.status(),
        second.status()
    );
    let after = app.stand_detail(EMPLOYER, &token).await.prospectuses;
    assert_eq!(after.len(), before + 1, "attached once");
    let key = after[before].url.strip_prefix("/files/").expect("key");
    assert_eq!(files.read(key).await, PDF, "the attached file is kept");

    // However the two completions interleave, the store attaches an
    // upload once: the second attach of the same id is refused as such.
    let stand = StandId::parse(EMPLOYER).expect("stand");
    let again = Prospectus {
        id: after[before].id.clone(),
        title: after[before].title.clone(),
        file_key: key.to_owned(),
    };
    let attached = app
        .state
        .store
        .attach_prospectus(&app.fair, &stand, &again, 10)
        .await;
    assert!(
        matches!(attached, Err(AttachError::AlreadyAttached)),
        "{attached:?}"
    );
    let last = app.stand_detail(EMPLOYER, &token).await.prospectuses;
    assert_eq!(last, after, "the stand is unchanged");
}

#[tokio::test]
async fn an_upload_waiting_to_be_checked_is_not_served() {
    let files = TestFiles::local();
    let app = spawn_app_with_files(&files).await;
    let token = exhibitor(&app, EMPLOYER);
    let slot = slot(&app, &token, UploadKind::Prospectus, PDF.len()).await;
    assert!(put(&app, &slot, PDF).await.status().is_success());
    let [staged] = &files.keys().await[..] else {
        panic!("one file in staging");
    };
    assert!(staged.starts_with("staging/"), "{staged}");
    let served = app
        .http
        .get(app.url(&format!("/files/{staged}")))
        .send()
        .await
        .expect("get");
    assert_eq!(served.status(), 404, "an unchecked upload is not served");
}

#[tokio::test]
async fn the_local_store_takes_no_more_bytes_than_declared() {
    let files = TestFiles::local();
    let app = spawn_app_with_files(&files).await;
    let token = exhibitor(&app, EMPLOYER);
    let small = slot(&app, &token, UploadKind::Prospectus, 10).await;
    let mut big = PDF.to_vec();
    big.resize(64 * 1024, b' ');
    let response = put(&app, &small, &big).await;
    refused(
        response,
        413,
        ErrorCode::PayloadTooLarge,
        "more than declared",
    )
    .await;
    assert!(files.keys().await.is_empty(), "nothing kept");
    let forged = put(
        &app,
        &UploadSlot {
            url: "/api/uploads/not-a-ticket".into(),
            ..small.clone()
        },
        PDF,
    )
    .await;
    refused(forged, 404, ErrorCode::UnknownUpload, "forged ticket").await;
}

#[tokio::test]
async fn a_video_goes_up_only_with_webvtt_captions() {
    for files in TestFiles::all().await {
        let app = spawn_app_with_files(&files).await;
        let token = exhibitor(&app, EMPLOYER);
        let before = app.stand_detail(EMPLOYER, &token).await;

        let video = slot(&app, &token, UploadKind::Video, MP4.len()).await;
        put(&app, &video, MP4).await;
        refused(
            complete(&app, &token, &video, None).await,
            422,
            ErrorCode::CaptionsRequired,
            "no captions",
        )
        .await;

        let video = slot(&app, &token, UploadKind::Video, MP4.len()).await;
        put(&app, &video, MP4).await;
        let srt = slot(&app, &token, UploadKind::Captions, SRT.len()).await;
        put(&app, &srt, SRT).await;
        let message = refused(
            complete(&app, &token, &video, Some(&srt)).await,
            422,
            ErrorCode::WrongFileType,
            "SubRip captions",
        )
        .await;
        assert!(message.contains("WebVTT"), "{message}");
        assert_eq!(
            app.stand_detail(EMPLOYER, &token).await,
            before,
            "{}",
            files.name()
        );
        assert!(files.keys().await.is_empty(), "{}", files.name());

        let video = slot(&app, &token, UploadKind::Video, MP4.len()).await;
        put(&app, &video, MP4).await;
        let vtt = slot(&app, &token, UploadKind::Captions, VTT.len()).await;
        put(&app, &vtt, VTT).await;
        // Captions are attached with their video, never alone.
        let alone = complete(&app, &token, &vtt, None).await;
        refused(alone, 422, ErrorCode::InvalidField, "captions alone").await;
        let response = complete(&app, &token, &video, Some(&vtt)).await;
        assert_eq!(response.status(), 200, "{}", files.name());
        let after: StandDetail = response.json().await.expect("stand");
        assert_eq!(after.videos.len(), before.videos.len() + 1);
        let added = after.videos.last().expect("video");
        assert!(added.url.ends_with(".mp4") && added.captions_url.ends_with(".vtt"));
        let captions_key = added.captions_url.strip_prefix("/files/").expect("key");
        assert_eq!(files.read(captions_key).await, VTT);
    }
}

#[tokio::test]
async fn a_logo_shows_on_the_stand_card_and_a_new_one_replaces_it() {
    for files in TestFiles::all().await {
        let app = spawn_app_with_files(&files).await;
        let token = exhibitor(&app, EMPLOYER);
        let first = upload(&app, &token, UploadKind::Logo, PNG).await;
        assert_eq!(first.status(), 200, "{}", files.name());
        let first: StandDetail = first.json().await.expect("stand");
        let first_url = first.summary.logo_url.clone().expect("logo");
        assert!(first_url.ends_with(".png"), "{first_url}");

        let second = upload(&app, &token, UploadKind::Logo, PNG).await;
        let second: StandDetail = second.json().await.expect("stand");
        let second_url = second.summary.logo_url.expect("logo");
        assert_ne!(first_url, second_url);
        assert_eq!(
            files.keys().await,
            [second_url.strip_prefix("/files/").expect("key")],
            "{}: the old logo is removed",
            files.name()
        );

        let pupil = app.join_ok().await;
        let hall: Vec<StandSummary> = app
            .get(
                &format!("/api/fairs/{}/stands", app.fair),
                Some(&pupil.token),
            )
            .await
            .json()
            .await
            .expect("hall");
        let card = hall
            .iter()
            .find(|s| s.id.as_str() == EMPLOYER)
            .expect("card");
        assert_eq!(card.logo_url.as_deref(), Some(second_url.as_str()));
    }
}

#[tokio::test]
async fn only_the_stands_exhibitor_or_the_organiser_may_upload() {
    let files = TestFiles::local();
    let app = spawn_app_with_files(&files).await;
    let pupil = app.join_ok().await;
    let other = exhibitor(&app, COLLEGE);
    for (token, status, who) in [
        (Some(other.as_str()), 403, "another stand's exhibitor"),
        (Some(pupil.token.as_str()), 403, "a pupil"),
        (None, 401, "nobody signed in"),
    ] {
        let request = NewUpload {
            kind: UploadKind::Logo,
            size: 10,
            title: None,
        };
        let response = app
            .post_json(&uploads_path(&app, EMPLOYER), &request, token)
            .await;
        assert_eq!(response.status(), status, "{who}");
    }

    // The exhibitor's slot cannot be completed by anyone else, nor on
    // another stand.
    let owner = exhibitor(&app, EMPLOYER);
    let mine = slot(&app, &owner, UploadKind::Logo, PNG.len()).await;
    put(&app, &mine, PNG).await;
    for token in [&other, &pupil.token] {
        assert_eq!(complete(&app, token, &mine, None).await.status(), 403);
    }
    let elsewhere = format!("{}/{}/complete", uploads_path(&app, COLLEGE), mine.upload);
    let response = app
        .post_json(
            &elsewhere,
            &CompleteUpload::default(),
            Some(&app.organiser_token()),
        )
        .await;
    refused(response, 404, ErrorCode::UnknownUpload, "another stand").await;

    let organiser = app.organiser_token();
    assert_eq!(complete(&app, &organiser, &mine, None).await.status(), 200);
}

#[tokio::test]
async fn without_a_file_store_uploads_are_refused_clearly() {
    let app = spawn_app().await;
    let token = exhibitor(&app, EMPLOYER);
    let response = start(&app, &token, UploadKind::Logo, 10, None).await;
    refused(response, 503, ErrorCode::UploadsUnavailable, "no store").await;
}

async fn delete(app: &TestApp, path: &str, token: &str) -> reqwest::Response {
    app.http
        .delete(app.url(&format!("/api/fairs/{}/stands/{EMPLOYER}{path}", app.fair)))
        .bearer_auth(token)
        .send()
        .await
        .expect("sent")
}

#[tokio::test]
async fn an_exhibitor_takes_files_off_their_stand_and_they_are_deleted() {
    for files in TestFiles::all().await {
        let app = spawn_app_with_files(&files).await;
        let token = exhibitor(&app, EMPLOYER);
        let added: StandDetail = upload(&app, &token, UploadKind::Prospectus, PDF)
            .await
            .json()
            .await
            .expect("stand");
        let prospectus = added.prospectuses.last().expect("added").id.clone();
        let pupil = app.join_ok().await;
        let path = format!("/prospectuses/{prospectus}");
        assert_eq!(delete(&app, &path, &pupil.token).await.status(), 403);

        let response = delete(&app, &path, &token).await;
        assert_eq!(response.status(), 200, "{}", files.name());
        let after: StandDetail = response.json().await.expect("stand");
        assert!(after.prospectuses.iter().all(|p| p.id != prospectus));
        assert_eq!(after.prospectuses.len(), added.prospectuses.len() - 1);
        assert!(
            files.keys().await.is_empty(),
            "{}: file deleted",
            files.name()
        );
        let again = delete(&app, &path, &token).await;
        refused(again, 422, ErrorCode::UnknownProspectus, "removed twice").await;

        // The fixture's video and logo, by the organiser.
        let organiser = app.organiser_token();
        let video = after.videos.first().expect("video").id.clone();
        let response = delete(&app, &format!("/videos/{video}"), &organiser).await;
        let after: StandDetail = response.json().await.expect("stand");
        assert!(after.videos.is_empty());
        let response = delete(&app, "/logo", &organiser).await;
        let after: StandDetail = response.json().await.expect("stand");
        assert_eq!(after.summary.logo_url, None);
        assert_eq!(delete(&app, "/logo", &organiser).await.status(), 404);
    }
}
