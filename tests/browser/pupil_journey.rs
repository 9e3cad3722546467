//! A pupil joins with their school's code, opens a stand and downloads its
//! prospectus; the organiser's export then shows that encounter.

use crate::driver::{artifacts_dir, frontend_dist, launch, wait_for, wait_for_text};
use careers_api::auth::Caller;
use shared::domain::StandId;
use std::time::Duration;
use tests::{EMPLOYER, spawn_app_with_static};

fn write_prospectus(files: &std::path::Path) {
    let dir = files.join(EMPLOYER);
    std::fs::create_dir_all(&dir).expect("files dir");
    std::fs::write(dir.join("prospectus.pdf"), b"%PDF-1.4\n%%EOF\n").expect("prospectus");
}

#[tokio::test]
async fn pupil_joins_visits_a_stand_downloads_the_prospectus_and_the_export_counts_it() {
    let files = tempfile::tempdir().expect("files");
    write_prospectus(files.path());
    let app = spawn_app_with_static(&frontend_dist(), files.path()).await;
    let browser = launch(1280, 800).await;
    let client = &browser.client;

    client
        .goto(&app.url(&format!("/fairs/{}", app.fair)))
        .await
        .expect("open join page");
    wait_for(client, "#join-code")
        .await
        .send_keys("abcd-efgh")
        .await
        .expect("type code");
    let year = wait_for(client, "#year-group").await;
    year.select_by_value("9").await.expect("choose year");
    wait_for(client, "#join-submit")
        .await
        .click()
        .await
        .expect("join");

    let stand_link = wait_for(client, &format!("a.stand-link[href$='/stands/{EMPLOYER}']")).await;
    let hall = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("hall.png"), hall).expect("save screenshot");
    stand_link.click().await.expect("open stand");

    let status = wait_for(client, "#status").await;
    wait_for_text(&status, "Recorded").await;
    let heading = wait_for(client, "h1").await;
    wait_for_text(&heading, "Acme Engineering").await;
    wait_for(client, "video track[kind='captions'][srclang='en']").await;
    let stand = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("stand.png"), stand).expect("save screenshot");
    wait_for(client, "button.download")
        .await
        .click()
        .await
        .expect("download");

    // The interaction is recorded before the file is fetched; poll the export.
    let organiser = app.organiser_token();
    let expected = "minehead,Minehead School,1,1,2,1,1,0";
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
        "export should show one pupil, two interactions, one BM5 encounter:\n{csv}"
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
    let page = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("exhibitor.png"), page).expect("save screenshot");
    browser.client.clone().close().await.expect("close browser");
}
