//! A pupil loses their connection at a stand: what they do waits on the
//! device, they are told so, and it is sent (once) when they are back.

use crate::driver::{
    artifacts_dir, frontend_dist, join_as_pupil, launch, set_offline, wait_for, wait_for_text,
};
use std::time::Duration;
use tests::{EMPLOYER, spawn_app_with_static};

#[tokio::test]
async fn a_download_made_offline_is_kept_and_sent_once_when_back_online() {
    let files = tempfile::tempdir().expect("files");
    let app = spawn_app_with_static(&frontend_dist(), files.path()).await;
    let browser = launch(360, 740).await;
    let client = &browser.client;
    join_as_pupil(client, &app).await;
    client
        .goto(&app.url(&format!("/fairs/{}/stands/{EMPLOYER}", app.fair)))
        .await
        .expect("open stand");
    let status = wait_for(client, "#status").await;
    wait_for_text(&status, "Recorded").await;

    set_offline(client, true).await;
    wait_for(client, "button.download")
        .await
        .click()
        .await
        .expect("download");
    wait_for_text(&status, "Saved on this device").await;
    let outbox = wait_for(client, "#outbox").await;
    wait_for_text(&outbox, "1 thing you did is saved on this device").await;
    // Kept as the request bodies, so what an earlier release queued (the
    // same array) is sent by this one, and the other way round.
    let stored = client
        .execute(
            "return localStorage.getItem(arguments[0]);",
            vec![serde_json::json!(format!(
                "careers-fair:{}:outbox",
                app.fair
            ))],
        )
        .await
        .expect("read the outbox");
    let waiting: Vec<shared::api::RecordInteraction> =
        serde_json::from_str(stored.as_str().expect("an outbox")).expect("interactions");
    assert!(
        matches!(
            waiting.as_slice(),
            [shared::api::RecordInteraction {
                kind: shared::domain::InteractionKind::ProspectusDownload { .. },
                ..
            }]
        ),
        "{waiting:?}"
    );
    let bar = wait_for(client, ".live-bar").await;
    let picture = bar.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("offline.png"), picture).expect("save screenshot");
    assert_eq!(
        app.interaction_count().await,
        1,
        "only the visit reached the server"
    );

    set_offline(client, false).await;
    let mut sent = false;
    for _ in 0..100 {
        if client
            .find(fantoccini::Locator::Css("#outbox"))
            .await
            .is_err()
        {
            sent = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(sent, "the outbox empties once back online");
    assert_eq!(app.interaction_count().await, 2, "the download, once");
    let report = app.report().await;
    assert_eq!(
        (report.totals.interactions, report.totals.encounters),
        (2, 1)
    );
    browser.client.clone().close().await.expect("close browser");
}
