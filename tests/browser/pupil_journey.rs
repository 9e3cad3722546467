//! One pupil's whole fair: they join with their school's code (saying what
//! interests them), open a stand, download its prospectus, watch its video
//! to the end, ask a question, complete all three My Futures stages and
//! look at their record; the organiser's exports then show exactly those
//! interactions and encounters. The exhibitor sees the figures, answers and
//! publishes the question, and the pupil sees the answer on the stand.

use crate::driver::{
    answer, artifacts_dir, assert_accessible, complete_stage, frontend_dist, join_interested_in,
    launch, publish_answer, wait_for, wait_for_text,
};
use careers_api::auth::Caller;
use shared::domain::StandId;
use std::time::Duration;
use tests::{COLLEGE, EMPLOYER, TestApp, spawn_app_with_static};

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
async fn a_pupil_takes_part_in_the_whole_fair_and_the_exports_count_exactly_that() {
    let files = tempfile::tempdir().expect("files");
    write_stand_files(files.path());
    let app = spawn_app_with_static(&frontend_dist(), files.path()).await;
    let browser = launch(1280, 800).await;
    let client = &browser.client;

    join_interested_in(client, &app, &["Engineering"]).await;
    let pupil = pupil_named_on_page(client).await;

    // Both stands are in engineering, so both are suggested straight away.
    wait_for(client, &format!("#suggested a[href$='/stands/{COLLEGE}']")).await;
    wait_for(client, &format!("#suggested a[href$='/stands/{EMPLOYER}']")).await;
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

    // All three stages of the challenge: two about the employer, the last
    // (onward planning) about the college.
    wait_for(client, "a.back")
        .await
        .click()
        .await
        .expect("back to hall");
    wait_for(client, "#challenge-link")
        .await
        .click()
        .await
        .expect("open challenge");
    answer(client, "answer-workplace_insight-0", "Welders at work").await;
    complete_stage(client, "workplace_insight", EMPLOYER).await;
    answer(client, "answer-self_reflection-0", "Fixing bikes").await;
    complete_stage(client, "self_reflection", EMPLOYER).await;
    answer(client, "answer-onward_planning-0", "Visit the college").await;
    answer(client, "answer-onward_planning-1", "My form tutor").await;
    complete_stage(client, "onward_planning", COLLEGE).await;

    // The record: two encounters, one per benchmark, and the challenge done.
    client
        .goto(&app.url(&format!("/fairs/{}/me", app.fair)))
        .await
        .expect("open my record");
    let goal = wait_for(client, ".goal").await;
    wait_for_text(&goal, "You have met 2: 2 to go").await;
    let encounters = wait_for(client, "#encounters-table").await;
    wait_for_text(&encounters, "Acme Engineering").await;
    wait_for_text(&encounters, "Exmoor College").await;
    let progress = wait_for(client, "#challenge-progress").await;
    wait_for_text(&progress, "You have completed 3 of 3 stages").await;
    assert_accessible(client, "record").await;
    let record = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("record.png"), record).expect("save screenshot");

    // The organiser's exports show exactly what this pupil did: 10
    // interactions (visit, download, 4 video marks, question, 3 stages), an
    // encounter with the employer (BM5) and one with the college (BM7), so
    // one pupil with each, and none yet with four.
    let schools = export_once_it_has(
        &app,
        "schools",
        "minehead,Minehead School,1,1,10,2,1,1,1,1,0",
    )
    .await;
    assert!(
        schools.contains("watchet,Watchet Academy,0,0,0,0,0,0,0,0,0"),
        "{schools}"
    );
    let exhibitors = export_once_it_has(
        &app,
        "exhibitors",
        "acme-engineering,Acme Engineering,employer,BM5,9,1",
    )
    .await;
    assert!(
        exhibitors.contains("exmoor-college,Exmoor College,college,BM7,1,1"),
        "{exhibitors}"
    );
    let years = export_once_it_has(&app, "year-groups", "9,1,1,10,2,1,1,1,1,0").await;
    assert!(
        years
            .lines()
            .skip(1)
            .filter(|line| !line.starts_with("9,"))
            .all(|line| line.ends_with(",0,0,0,0,0,0,0,0,0")),
        "only year 9 took part:\n{years}"
    );
    let pupils = export_once_it_has(&app, "pupils", &pupil).await;
    let row = format!("{pupil},minehead,Minehead School,9,2,1,1,Acme Engineering; Exmoor College");
    assert!(pupils.lines().any(|line| line.ends_with(&row)), "{pupils}");
    assert_eq!(pupils.lines().count(), 2, "one pupil joined:\n{pupils}");

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
    // By school and by year group too: a row for the pupil's school, and
    // one for each year, every count hidden.
    let by_school = wait_for(client, "#figures-by-school").await;
    wait_for_text(&by_school, "Minehead School").await;
    assert!(!by_school.text().await.expect("text").contains("Watchet"));
    let by_year = wait_for(client, "#figures-by-year").await;
    wait_for_text(&by_year, "Year 13").await;
    let rows = by_year
        .find_all(fantoccini::Locator::Css("tbody tr"))
        .await
        .expect("rows");
    assert_eq!(rows.len(), 7);
    let picture = by_year.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("exhibitor-by-year.png"), picture)
        .expect("save screenshot");
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
    publish_answer(client, &question, "Yes: our apprenticeships start at 16.").await;
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
    wait_for(
        client,
        &format!("[data-met='true'] a[href$='/stands/{COLLEGE}']"),
    )
    .await;
    // Both suggestions are met now, so there are none.
    assert!(
        client
            .find(fantoccini::Locator::Css("#suggested"))
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
    wait_for_text(&again, &pupil).await;

    // Their record is still theirs: two encounters of the goal of four,
    // ready to print.
    wait_for(client, "#my-record-link")
        .await
        .click()
        .await
        .expect("open my record");
    let goal = wait_for(client, ".goal").await;
    wait_for_text(&goal, "You have met 2: 2 to go").await;
    wait_for(client, "#print-record").await;
    // What the pupil prints for their careers file (Chromium's own print
    // to PDF, as the print button gives them).
    let pdf = client
        .print(fantoccini::wd::PrintConfiguration::default())
        .await
        .expect("print the record");
    assert!(pdf.starts_with(b"%PDF-"), "printing gives a PDF");
    std::fs::write(artifacts_dir().join("record.pdf"), pdf).expect("save the printed record");
    browser.client.clone().close().await.expect("close browser");
}

/// The pupil's fair name, as the hall shows it.
async fn pupil_named_on_page(client: &fantoccini::Client) -> String {
    wait_for(client, "[data-testid='pseudonym']")
        .await
        .text()
        .await
        .expect("pseudonym")
}

/// The organiser's `{name}.csv` export, once a line contains `expected`
/// (interactions are sent as the pupil goes, so the last may still be on
/// its way). Fails if it never does.
async fn export_once_it_has(app: &TestApp, name: &str, expected: &str) -> String {
    let organiser = app.organiser_token();
    let mut csv = String::new();
    for _ in 0..50 {
        let response = app
            .get(
                &format!("/api/fairs/{}/exports/{name}.csv", app.fair),
                Some(&organiser),
            )
            .await;
        csv = response.text().await.expect("csv");
        if csv.lines().any(|line| line.contains(expected)) {
            return csv;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("{name}.csv never showed {expected:?}:\n{csv}");
}
