//! The organiser's schools in the browser: a CSV file with a bad row adds
//! nothing and says why; the corrected file adds every school; one more is
//! added by hand; a code is replaced; the printed sheet has a page per
//! school with its code; closing the fair stops joining and opening it
//! again lets pupils in; a pupil's data is erased on request; and a
//! careers leader's link opens that school.

use crate::driver::{
    artifacts_dir, assert_accessible, frontend_dist, launch, open_organiser_page, wait_for,
    wait_for_text,
};
use tests::{EMPLOYER, TestApp, spawn_app_with_static};

/// Chooses `contents`, written to a file, in the schools file input.
async fn choose_file(
    client: &fantoccini::Client,
    dir: &std::path::Path,
    name: &str,
    contents: &str,
) {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write file");
    wait_for(client, "#schools-file")
        .await
        .send_keys(&path.display().to_string())
        .await
        .expect("choose file");
}

#[tokio::test]
async fn an_organiser_imports_schools_replaces_a_code_and_prints_the_sheet() {
    let files = tempfile::tempdir().expect("files");
    let app = spawn_app_with_static(&frontend_dist(), files.path()).await;
    // Tall, so one screenshot holds the organiser's whole page.
    let browser = launch(1280, 3600).await;
    let client = &browser.client;
    // One pupil has met one exhibitor, so the report has something to draw.
    let pupil = app.join_ok().await;
    app.record(&pupil.token, &TestApp::visit(EMPLOYER)).await;
    open_organiser_page(client, &app).await;
    let table = wait_for(client, "#school-codes").await;
    wait_for_text(&table, "Minehead School").await;

    choose_file(
        client,
        files.path(),
        "bad.csv",
        "name,urn,expected_pupils\nDulverton Middle School,123456,80\nExford School,12,\n",
    )
    .await;
    let error = wait_for(client, "#schools-error").await;
    wait_for_text(&error, "Nothing was imported: row 3: a URN is 6 digits").await;
    assert!(!table.text().await.expect("table").contains("Dulverton"));

    // A new file input event needs a new file name.
    choose_file(
        client,
        files.path(),
        "good.csv",
        "name,urn,expected_pupils\nDulverton Middle School,123456,80\nExford School,654321,\n",
    )
    .await;
    let status = wait_for(client, "#schools-status").await;
    wait_for_text(&status, "Imported 2 schools.").await;
    wait_for_text(&table, "Dulverton Middle School").await;
    wait_for_text(&table, "654321").await;

    wait_for(client, "#school-name")
        .await
        .send_keys("Porlock Primary School")
        .await
        .expect("type name");
    wait_for(client, "#add-school")
        .await
        .click()
        .await
        .expect("add");
    wait_for_text(&status, "Added Porlock Primary School").await;
    wait_for_text(&table, "Porlock Primary School").await;

    let old = wait_for(client, "#code-minehead")
        .await
        .text()
        .await
        .expect("code");
    wait_for(client, "#new-code-minehead")
        .await
        .click()
        .await
        .expect("new code");
    wait_for_text(&status, "Minehead School has a new join code").await;
    let new = wait_for(client, "#code-minehead")
        .await
        .text()
        .await
        .expect("code");
    assert_ne!(old, new);
    assert_eq!(
        app.join(&old, 9).await.status(),
        422,
        "the old code is dead"
    );
    assert_eq!(app.join(&new, 9).await.status(), 201, "the new one works");
    assert_accessible(client, "organiser schools").await;
    // The report draws encounters per exhibitor as an SVG chart, a bar
    // for each of the fixture's two exhibitors.
    wait_for(
        client,
        "figure.chart svg[role='img'][aria-label='Encounters per exhibitor']",
    )
    .await;
    let bars = client
        .find_all(fantoccini::Locator::Css(
            "svg[aria-label='Encounters per exhibitor'] rect.chart-bar",
        ))
        .await
        .expect("bars");
    assert_eq!(bars.len(), 2);
    let page = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("organiser-page.png"), page).expect("save screenshot");
    let panel = wait_for(client, "section[aria-labelledby='schools-heading']").await;
    let picture = panel.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("organiser-schools.png"), picture)
        .expect("save screenshot");

    // Minehead's careers leader's link opens Minehead's page.
    wait_for(client, "#leader-link-minehead")
        .await
        .click()
        .await
        .expect("ask for the link");
    let link = wait_for(client, "#leader-link")
        .await
        .prop("value")
        .await
        .expect("value")
        .expect("a link");
    assert!(link.contains("/school#token="), "{link}");

    // What "Print the join codes" prints: a page per school (5 now).
    client
        .execute("document.body.classList.add('print-codes');", vec![])
        .await
        .expect("choose the sheet");
    let pdf = client
        .print(fantoccini::wd::PrintConfiguration::default())
        .await
        .expect("print the sheet");
    assert!(pdf.starts_with(b"%PDF-"), "printing gives a PDF");
    let pages = pdf
        .windows(b"/Type /Page".len() + 1)
        .filter(|w| w.starts_with(b"/Type /Page") && w[w.len() - 1] != b's')
        .count();
    assert_eq!(pages, 5, "a page per school");
    std::fs::write(artifacts_dir().join("join-codes.pdf"), pdf).expect("save the sheet");

    // The organiser renames the fair; the join page says the new name.
    let name = wait_for(client, "#fair-name").await;
    name.clear().await.expect("clear name");
    name.send_keys("West Somerset careers fair")
        .await
        .expect("type name");
    wait_for(client, "#save-details")
        .await
        .click()
        .await
        .expect("save details");
    let saved = wait_for(client, "#details-message").await;
    wait_for_text(&saved, "Saved").await;

    // Closing the fair stops pupils joining; opening it again lets them.
    client
        .execute("document.body.classList.remove('print-codes');", vec![])
        .await
        .expect("back to the page");
    wait_for(client, "#status-closed")
        .await
        .click()
        .await
        .expect("close the fair");
    let shown = wait_for(client, "#fair-status").await;
    wait_for_text(&shown, "closed").await;
    assert_eq!(app.join(&new, 9).await.status(), 409, "closed");
    wait_for(client, "#status-open")
        .await
        .click()
        .await
        .expect("open it again");
    let message = wait_for(client, "#status-message").await;
    wait_for_text(&message, "The fair is now open").await;
    let joined = app.join(&new, 9).await;
    assert_eq!(joined.status(), 201, "open again");
    let joined: shared::api::JoinedPupil = joined.json().await.expect("pupil");

    // That pupil's parent asks for their data to be erased.
    wait_for(client, "#erase-pupil")
        .await
        .send_keys(&joined.pupil.id.to_string())
        .await
        .expect("type the id");
    wait_for(client, "#erase")
        .await
        .click()
        .await
        .expect("erase");
    client.accept_alert().await.expect("confirm");
    let erased = wait_for(client, "#erase-message").await;
    // Their record and their resume code.
    wait_for_text(&erased, "Erased: 2 stored items").await;

    client
        .goto(&app.url(&format!("/fairs/{}", app.fair)))
        .await
        .expect("join page");
    let title = wait_for(client, "h1").await;
    wait_for_text(&title, "West Somerset careers fair").await;

    client
        .goto(&link)
        .await
        .expect("follow the careers leader's link");
    let heading = wait_for(client, "h1").await;
    wait_for_text(&heading, "Minehead School").await;
    browser.client.clone().close().await.expect("close browser");
}
