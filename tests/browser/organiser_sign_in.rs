//! An organiser signs in with their email address and password: a wrong
//! password is refused in the page, the right one opens the fair report.
//! A school's careers leader then opens their school's page from a link and
//! downloads their pupils' file, as CSV and as an Excel workbook.

use crate::driver::{artifacts_dir, download, frontend_dist, launch, wait_for, wait_for_text};
use careers_api::auth::Caller;
use careers_api::service::organiser::add_organiser;
use shared::domain::{Email, SchoolId};
use tests::spawn_app_with_static;

#[tokio::test]
async fn an_organiser_signs_in_with_a_password_and_a_careers_leader_gets_their_schools_file() {
    let files = tempfile::tempdir().expect("files");
    let app = spawn_app_with_static(&frontend_dist(), files.path()).await;
    let email = Email::parse("ann@west-somerset.example").expect("email");
    add_organiser(&app.store, &app.fair, &email, "a long enough passphrase")
        .await
        .expect("organiser added");
    let browser = launch(1280, 800).await;
    let client = &browser.client;
    client
        .goto(&app.url(&format!("/fairs/{}/organiser", app.fair)))
        .await
        .expect("open organiser page");

    let sign_in = |password: &'static str| async move {
        let email_field = wait_for(client, "#organiser-email").await;
        email_field.clear().await.expect("clear email");
        email_field
            .send_keys("Ann@West-Somerset.example")
            .await
            .expect("type email");
        let password_field = wait_for(client, "#organiser-password").await;
        password_field.clear().await.expect("clear password");
        password_field
            .send_keys(password)
            .await
            .expect("type password");
        wait_for(client, "#sign-in-submit")
            .await
            .click()
            .await
            .expect("sign in");
    };

    sign_in("not the passphrase").await;
    let refused = wait_for(client, "#sign-in-error").await;
    wait_for_text(&refused, "do not match").await;
    let page = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("organiser-sign-in.png"), page).expect("save screenshot");

    sign_in("a long enough passphrase").await;
    // The form is replaced by the report (so wait for the report's own
    // button before reading the heading).
    wait_for(client, "#export-pupils").await;
    let heading = wait_for(client, "h1").await;
    wait_for_text(&heading, "Fair report").await;
    let page = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("organiser.png"), page).expect("save screenshot");

    // The organiser hands Minehead's careers leader a link to their own
    // school's page.
    let lead = Caller::SchoolLead {
        fair: app.fair.clone(),
        school: SchoolId::parse("minehead").expect("id"),
    };
    let link = format!("/fairs/{}/school#token={}", app.fair, app.token_for(&lead));
    client
        .goto(&app.url(&link))
        .await
        .expect("open school page");
    let heading = wait_for(client, "h1").await;
    wait_for_text(&heading, "Minehead School").await;
    wait_for(client, "#download-pupils")
        .await
        .click()
        .await
        .expect("download");
    let status = wait_for(client, "#download-status").await;
    wait_for_text(&status, "Downloaded test-fair-minehead-pupils.csv").await;
    // The same file as an Excel workbook, saved by the browser and read back.
    let workbook = download(
        client,
        "#download-pupils-xlsx",
        "#download-status",
        "test-fair-minehead-pupils.xlsx",
    )
    .await;
    let rows = tests::xlsx::rows(&workbook, "pupils");
    assert_eq!(
        rows[0],
        careers_api::export::PUPILS_HEADER,
        "the header row"
    );
    let page = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("school.png"), page).expect("save screenshot");
    browser.client.clone().close().await.expect("close browser");
}
