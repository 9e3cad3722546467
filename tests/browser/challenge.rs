//! The My Futures challenge in the browser: the organiser changes a
//! question, a pupil answers all three stages (an answer left half way
//! survives a reload), completes each about a stand they choose, and their
//! printable record and the organiser's export show it.

use crate::driver::{
    answer, artifacts_dir, assert_accessible, complete_stage, frontend_dist, join_as_pupil, launch,
    open_organiser_page, value_of, wait_for, wait_for_text,
};
use tests::{COLLEGE, EMPLOYER, spawn_app_with_static};

#[tokio::test]
async fn a_pupil_completes_all_three_stages_and_the_record_and_export_show_them() {
    let files = tempfile::tempdir().expect("files");
    let app = spawn_app_with_static(&frontend_dist(), files.path()).await;
    let browser = launch(360, 740).await;
    let client = &browser.client;

    // The organiser replaces the self-reflection question.
    open_organiser_page(client, &app).await;
    assert_eq!(
        value_of(client, "questions-self_reflection").await,
        "What are you good at?"
    );
    assert_accessible(client, "organiser").await;
    let reflection = wait_for(client, "#questions-self_reflection").await;
    // Emptied as a person would (select all, delete), which the page hears.
    client
        .execute(
            "const t = document.querySelector('#questions-self_reflection'); \
             t.value = ''; t.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![],
        )
        .await
        .expect("empty the box");
    reflection
        .send_keys("Which school subject do you enjoy most?")
        .await
        .expect("type question");
    wait_for(client, "#save-questions")
        .await
        .click()
        .await
        .expect("save");
    let saved = wait_for(client, "#challenge-status").await;
    wait_for_text(&saved, "Saved").await;

    join_as_pupil(client, &app).await;
    wait_for(client, "#challenge-link")
        .await
        .click()
        .await
        .expect("open challenge");
    wait_for(client, "label[for='answer-self_reflection-0']")
        .await
        .text()
        .await
        .map(|label| assert_eq!(label, "Which school subject do you enjoy most?"))
        .expect("label");

    // Half of onward planning, then away and back: the answer is still there.
    answer(
        client,
        "answer-onward_planning-0",
        "Look at the college's open day",
    )
    .await;
    wait_for(client, "#answer-onward_planning-1")
        .await
        .click()
        .await
        .expect("leave the box");
    let status = wait_for(client, "#status").await;
    wait_for_text(&status, "Onward planning: saved").await;
    client.refresh().await.expect("reload");
    assert_eq!(
        value_of(client, "answer-onward_planning-0").await,
        "Look at the college's open day"
    );

    // Completing without every answer is refused on the page.
    wait_for(client, "#complete-onward_planning")
        .await
        .click()
        .await
        .expect("complete");
    let refused = wait_for(client, "#stage-onward_planning .field-error").await;
    wait_for_text(&refused, "Answer every question").await;

    answer(
        client,
        "answer-workplace_insight-0",
        "Engineers testing a wind turbine",
    )
    .await;
    complete_stage(client, "workplace_insight", EMPLOYER).await;
    answer(client, "answer-self_reflection-0", "Design and technology").await;
    complete_stage(client, "self_reflection", EMPLOYER).await;
    answer(client, "answer-onward_planning-1", "My careers adviser").await;
    complete_stage(client, "onward_planning", COLLEGE).await;
    assert_accessible(client, "challenge").await;
    let page = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("challenge-360.png"), page).expect("save screenshot");

    // The record: all three stages, with the answers, to print.
    client
        .goto(&app.url(&format!("/fairs/{}/me", app.fair)))
        .await
        .expect("record");
    let progress = wait_for(client, "#challenge-progress").await;
    wait_for_text(&progress, "You have completed 3 of 3 stages").await;
    let answers = wait_for(client, "dl.answers").await;
    wait_for_text(&answers, "Engineers testing a wind turbine").await;
    assert_accessible(client, "record").await;
    let record = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("record-challenge-360.png"), record)
        .expect("save screenshot");

    // Three interactions, two encounters: the employer (BM5), the college (BM7).
    let report = app.report().await;
    assert_eq!(report.totals.interactions, 3);
    assert_eq!(report.totals.encounters_bm5, 1);
    assert_eq!(report.totals.encounters_bm7, 1);
    browser.client.clone().close().await.expect("close browser");
}
