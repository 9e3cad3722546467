//! A pupil joins with their school's code, opens a stand, downloads its
//! prospectus, watches its video to the end and asks a question; the
//! organiser's export then shows exactly those interactions as one
//! encounter. The exhibitor sees the figures, answers and publishes the
//! question, and the pupil sees the answer on the stand.

use crate::driver::{
    artifacts_dir, assert_accessible, frontend_dist, join_as_pupil, launch, wait_for, wait_for_text,
};
use careers_api::auth::Caller;
use shared::domain::StandId;
use std::time::Duration;
use tests::{EMPLOYER, spawn_app_with_static};

/// The stand's prospectus, and its video (4 s of VP8, made with ffmpeg's
/// test source) with captions.
fn write_stand_files(files: &std::path::Path) {
    let dir = files.join(EMPLOYER);
    std::fs::create_dir_all(&dir).expect("files dir");
    std::fs::write(dir.join("prospectus.pdf"), b"%PDF-1.4\n%%EOF\n").expect("prospectus");
    let video = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/insight.webm");
    std::fs::copy(video, dir.join("insight.webm")).expect("video");
    std::fs::write(
        dir.join("insight.vtt"),
        "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nA day at Acme Engineering.\n",
    )
    .expect("captions");
}

#[tokio::test]
async fn pupil_joins_visits_a_stand_downloads_the_prospectus_and_the_export_counts_it() {
    let files = tempfile::tempdir().expect("files");
    write_stand_files(files.path());
    let app = spawn_app_with_static(&frontend_dist(), files.path()).await;
    let browser = launch(1280, 800).await;
    let client = &browser.client;

    join_as_pupil(client, &app).await;

    let stand_link = wait_for(client, &format!("a.stand-link[href$='/stands/{EMPLOYER}']")).await;
    assert_accessible(client, "hall").await;
    let hall = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("hall.png"), hall).expect("save screenshot");
    stand_link.click().await.expect("open stand");

    let status = wait_for(client, "#status").await;
    wait_for_text(&status, "Recorded").await;
    let heading = wait_for(client, "h1").await;
    wait_for_text(&heading, "Acme Engineering").await;
    wait_for(client, "video track[kind='captions'][srclang='en']").await;
    // The exhibitor's link opens in a new tab with no way back to this page.
    wait_for(
        client,
        "a[href='https://example.org/careers'][target='_blank'][rel~='noopener'][rel~='noreferrer']",
    )
    .await;
    let offer = wait_for(client, ".opportunities li").await;
    wait_for_text(&offer, "Apprenticeship: Engineering apprenticeship").await;
    let stand = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("stand.png"), stand).expect("save screenshot");
    wait_for(client, "button.download")
        .await
        .click()
        .await
        .expect("download");

    // Watch the whole video (muted, so the browser lets a script start it;
    // double speed to save time). Each quarter is recorded once.
    client
        .execute(
            "const v = document.querySelector('video'); v.muted = true; v.playbackRate = 2; \
             return v.play().then(() => true);",
            vec![],
        )
        .await
        .expect("play the video");
    wait_for(client, ".watched[data-watched='100']").await;

    // Ask a question; it shows as waiting for an answer.
    wait_for(client, "#question")
        .await
        .send_keys("Do you take apprentices at 16?")
        .await
        .expect("type question");
    wait_for(client, "#ask").await.click().await.expect("ask");
    let mine = wait_for(client, ".question[data-state='waiting']").await;
    wait_for_text(&mine, "Waiting for an answer").await;
    assert_accessible(client, "stand").await;
    let stand = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("stand-question.png"), stand).expect("save screenshot");

    // Every interaction is recorded before the page moves on; poll the export.
    // One pupil, 7 interactions (visit, download, 4 video marks, question),
    // one BM5 encounter.
    let organiser = app.organiser_token();
    let expected = "minehead,Minehead School,1,1,7,1,1,0";
    let mut csv = String::new();
    for _ in 0..50 {
        let response = app
            .get(
                &format!("/api/fairs/{}/exports/schools.csv", app.fair),
                Some(&organiser),
            )
            .await;
        csv = response.text().await.expect("csv");
        if csv.lines().any(|line| line == expected) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        csv.lines().any(|line| line == expected),
        "export should show one pupil, seven interactions, one BM5 encounter:\n{csv}"
    );

    // The exhibitor follows their sign-in link and sees their stand's
    // figures, with one pupil's visit hidden as "fewer than 5".
    let exhibitor = Caller::Exhibitor {
        fair: app.fair.clone(),
        stand: StandId::parse(EMPLOYER).expect("id"),
    };
    let link = format!(
        "/fairs/{}/exhibitor#token={}",
        app.fair,
        app.token_for(&exhibitor)
    );
    client
        .goto(&app.url(&link))
        .await
        .expect("open exhibitor page");
    let figures = wait_for(client, "#stand-figures").await;
    wait_for_text(&figures, "fewer than 5").await;
    let address = client.current_url().await.expect("url");
    assert!(
        !address.as_str().contains("token="),
        "the token leaves the address bar"
    );

    // The question is in the inbox with the pupil's fair name and school;
    // the exhibitor answers it for everyone.
    let question = wait_for(client, ".inbox-item[data-state='waiting']").await;
    wait_for_text(&question, "Do you take apprentices at 16?").await;
    wait_for_text(&question, "Minehead School").await;
    let page = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("exhibitor.png"), page).expect("save screenshot");
    wait_for(client, "#download-figures")
        .await
        .click()
        .await
        .expect("download figures");
    let saved = wait_for(client, "#download-status").await;
    wait_for_text(&saved, "Downloaded").await;
    question
        .find(fantoccini::Locator::Css("textarea"))
        .await
        .expect("answer box")
        .send_keys("Yes: our apprenticeships start at 16.")
        .await
        .expect("type answer");
    question
        .find(fantoccini::Locator::Css("button.answer"))
        .await
        .expect("answer button")
        .click()
        .await
        .expect("answer");
    wait_for(client, ".inbox-item[data-state='published']").await;
    let inbox = wait_for(client, "#inbox").await;
    let picture = inbox.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("exhibitor-inbox.png"), picture).expect("save screenshot");

    // Back on the stand, the pupil sees the answer.
    client
        .goto(&app.url(&format!("/fairs/{}/stands/{EMPLOYER}", app.fair)))
        .await
        .expect("open stand again");
    let answered = wait_for(client, ".question[data-state='published'] .answer").await;
    wait_for_text(&answered, "Yes: our apprenticeships start at 16.").await;
    let questions = wait_for(client, ".questions").await;
    let picture = questions.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("stand-answer.png"), picture).expect("save screenshot");

    // In the hall the employer is marked as met, and searching narrows the
    // stands to the one named.
    wait_for(client, "a.back")
        .await
        .click()
        .await
        .expect("back to hall");
    wait_for(
        client,
        &format!("[data-met='true'] a[href$='/stands/{EMPLOYER}']"),
    )
    .await;
    // Ticking an interest suggests the stands in that sector not yet met.
    wait_for(client, "label[for='interest-0']")
        .await
        .click()
        .await
        .expect("tick Engineering");
    wait_for(client, "#suggested a[href$='/stands/exmoor-college']").await;
    assert!(
        client
            .find(fantoccini::Locator::Css(&format!(
                "#suggested a[href$='/stands/{EMPLOYER}']"
            )))
            .await
            .is_err(),
        "a stand already met is not suggested"
    );
    wait_for(client, "#stand-search")
        .await
        .send_keys("exmoor")
        .await
        .expect("search");
    let count = wait_for(client, "#stand-count").await;
    wait_for_text(&count, "1 stand").await;
    let hall = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("hall-search.png"), hall).expect("save screenshot");

    // On another day the pupil carries on with the resume code they wrote
    // down: "Not you?" forgets this device's sign-in first.
    let code = wait_for(client, "#my-resume-code")
        .await
        .text()
        .await
        .expect("code");
    let pseudonym = wait_for(client, "[data-testid='pseudonym']")
        .await
        .text()
        .await
        .expect("pseudonym");
    client
        .goto(&app.url(&format!("/fairs/{}", app.fair)))
        .await
        .expect("open join page");
    wait_for(client, "#join-again")
        .await
        .click()
        .await
        .expect("forget");
    wait_for(client, "#resume-code")
        .await
        .send_keys(&code.replace('-', " ").to_uppercase())
        .await
        .expect("type resume code");
    wait_for(client, "#resume-submit")
        .await
        .click()
        .await
        .expect("carry on");
    let again = wait_for(client, "[data-testid='pseudonym']").await;
    wait_for_text(&again, &pseudonym).await;

    // Their record: one encounter of the goal of four, ready to print.
    wait_for(client, "#my-record-link")
        .await
        .click()
        .await
        .expect("open my record");
    let goal = wait_for(client, ".goal").await;
    wait_for_text(&goal, "You have met 1: 3 to go").await;
    wait_for(client, "#print-record").await;
    let record = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("record.png"), record).expect("save screenshot");
    browser.client.clone().close().await.expect("close browser");
}
