//! Issue 6's whole run in the browser: the organiser imports an exhibitor
//! and invites them; the exhibitor follows the invitation, writes their
//! stand and uploads a logo, a prospectus and a captioned video (a video
//! without proper captions is refused first); a pupil visits, downloads and
//! asks a question; the exhibitor answers and publishes it; the pupil sees
//! the answer; and the exhibitor's figures show the visits, by school and
//! by year group too.

use crate::driver::{
    artifacts_dir, assert_accessible, frontend_dist, join_as_pupil, launch, publish_answer,
    wait_for, wait_for_text,
};
use crate::uploads::{choose, png, write};
use shared::api::Invite;
use tests::{TestApp, spawn_app_with_static};

const STAND: &str = "somerset-care";
/// The smallest MP4 the upload check takes: a `ftyp` box.
const MP4: &[u8] = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom\x00\x00\x00\x08free";

/// Clicks `button` and waits for `status` to say `expected`.
async fn click_and_wait(client: &fantoccini::Client, button: &str, status: &str, expected: &str) {
    wait_for(client, button)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {button}: {e}"));
    let said = wait_for(client, status).await;
    wait_for_text(&said, expected).await;
}

#[tokio::test]
async fn an_invited_exhibitor_builds_a_stand_with_files_answers_a_pupil_and_sees_the_visit() {
    let files = tempfile::tempdir().expect("files");
    let chosen = tempfile::tempdir().expect("files to choose");
    let app = spawn_app_with_static(&frontend_dist(), files.path()).await;
    let organiser = app.organiser_token();
    let imported = app
        .post_csv(
            &format!("/api/fairs/{}/stands/import", app.fair),
            "name,kind,sectors\nSomerset Care,employer,Health\n",
            Some(&organiser),
        )
        .await;
    assert_eq!(imported.status(), 201);
    let invite: Invite = app
        .post_json(
            &format!("/api/fairs/{}/stands/{STAND}/invites", app.fair),
            &serde_json::json!({}),
            Some(&organiser),
        )
        .await
        .json()
        .await
        .expect("invite");

    let browser = launch(1280, 4200).await;
    let client = &browser.client;
    client
        .goto(&app.url(&invite.path))
        .await
        .expect("follow the invitation");
    let title = wait_for(client, "h1").await;
    wait_for_text(&title, "Somerset Care").await;

    // The words of the stand.
    wait_for(client, "#stand-tagline")
        .await
        .send_keys("Care work across West Somerset")
        .await
        .expect("tagline");
    wait_for(client, "#stand-about")
        .await
        .send_keys("We look after 400 people at home and in our homes. Come and meet our carers.")
        .await
        .expect("about");
    click_and_wait(client, "#save-stand", "#stand-status", "Saved").await;

    // Its files: a logo, a prospectus, and a video with captions, after a
    // video whose "captions" are not WebVTT is refused.
    let logo = write(chosen.path(), "logo.png", &png(160, 64, [0x2e, 0x7d, 0x32]));
    choose(client, "#upload-logo-file", &logo).await;
    click_and_wait(
        client,
        "#upload-logo",
        "#upload-logo-status",
        "Added a logo",
    )
    .await;
    let pdf = write(
        chosen.path(),
        "careers.pdf",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
    );
    wait_for(client, "#upload-prospectus-title")
        .await
        .send_keys("Careers in care")
        .await
        .expect("title");
    choose(client, "#upload-prospectus-file", &pdf).await;
    click_and_wait(
        client,
        "#upload-prospectus",
        "#upload-prospectus-status",
        "Added a prospectus",
    )
    .await;
    let video = write(chosen.path(), "a-day.mp4", MP4);
    let not_captions = write(
        chosen.path(),
        "a-day.vtt",
        b"1\n00:00:01,000 --> 00:00:03,000\nHello\n",
    );
    wait_for(client, "#upload-video-title")
        .await
        .send_keys("A day as a carer")
        .await
        .expect("title");
    choose(client, "#upload-video-file", &video).await;
    choose(client, "#upload-captions-file", &not_captions).await;
    click_and_wait(client, "#upload-video", "#upload-video-status", "Not added").await;
    let captions = write(
        chosen.path(),
        "captions.vtt",
        b"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nGood morning, I'm Sam.\n",
    );
    choose(client, "#upload-captions-file", &captions).await;
    click_and_wait(
        client,
        "#upload-video",
        "#upload-video-status",
        "Added the video",
    )
    .await;
    let missing = client
        .find_all(fantoccini::Locator::Css(
            "#stand-checklist li[data-state='missing']",
        ))
        .await
        .expect("checklist");
    assert!(missing.is_empty(), "every checklist item is done");
    let preview = wait_for(client, "#stand-preview").await;
    wait_for_text(&preview, "Careers in care").await;
    wait_for_text(&preview, "A day as a carer").await;
    assert_accessible(client, "exhibitor's stand editor").await;
    let editor = wait_for(client, "section[aria-labelledby='editor-heading']").await;
    let picture = editor.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("exhibitor-editor.png"), picture).expect("save");

    // Four pupils visit through the API; one, in the browser, visits,
    // downloads the prospectus and asks a question.
    for _ in 0..4 {
        let pupil = app.join_ok().await;
        assert_eq!(
            app.record(&pupil.token, &TestApp::visit(STAND))
                .await
                .status(),
            201
        );
    }
    join_as_pupil(client, &app).await;
    client
        .goto(&app.url(&format!("/fairs/{}/stands/{STAND}", app.fair)))
        .await
        .expect("the stand");
    let heading = wait_for(client, "h1").await;
    wait_for_text(&heading, "Somerset Care").await;
    wait_for(client, "button.download")
        .await
        .click()
        .await
        .expect("download");
    wait_for(client, "#question")
        .await
        .send_keys("Can I do work experience with you in Year 10?")
        .await
        .expect("type question");
    wait_for(client, "#ask").await.click().await.expect("ask");
    let mine = wait_for(client, ".question[data-state='waiting']").await;
    wait_for_text(&mine, "Waiting for an answer").await;

    // The exhibitor answers it for everyone, and sees the visits.
    client
        .goto(&app.url(&format!("/fairs/{}/exhibitor", app.fair)))
        .await
        .expect("exhibitor page");
    let question = wait_for(client, ".inbox-item[data-state='waiting']").await;
    wait_for_text(&question, "work experience").await;
    publish_answer(
        client,
        &question,
        "Yes: ask your school to email us in the spring.",
    )
    .await;
    client.refresh().await.expect("reload");
    // Five pupils came: shown as 5, not hidden as "fewer than 5".
    for figure in ["visits", "encounters"] {
        let shown = wait_for(client, &format!("[data-testid='{figure}']"))
            .await
            .text()
            .await
            .expect("text");
        assert_eq!(shown, "5", "{figure}");
    }
    let by_school = wait_for(client, "#figures-by-school").await;
    wait_for_text(&by_school, "Minehead School").await;
    let by_year = wait_for(client, "#figures-by-year").await;
    wait_for_text(&by_year, "Year 9").await;
    let figures = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("exhibitor-figures.png"), figures).expect("save");

    // The pupil sees the answer on the stand.
    client
        .goto(&app.url(&format!("/fairs/{}/stands/{STAND}", app.fair)))
        .await
        .expect("the stand");
    let answered = wait_for(client, ".question[data-state='published'] .answer").await;
    wait_for_text(&answered, "ask your school to email us").await;
    browser.client.clone().close().await.expect("close browser");
}
