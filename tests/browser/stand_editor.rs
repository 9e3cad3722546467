//! An exhibitor writes their stand: the preview follows as they type, a
//! bad link is refused on the page and by the server alike, and once saved
//! a pupil sees the new words (as text, never as HTML).

use crate::driver::{
    artifacts_dir, assert_accessible, frontend_dist, join_as_pupil, launch, open_exhibitor_page,
    wait_for, wait_for_text,
};
use tests::{EMPLOYER, spawn_app_with_static};

/// Empties a text box as a person would, so the page hears it.
async fn clear(client: &fantoccini::Client, css: &str) {
    client
        .execute(
            "const box = document.querySelector(arguments[0]); box.value = ''; \
             box.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![serde_json::json!(css)],
        )
        .await
        .expect("clear the box");
}

#[tokio::test]
async fn an_exhibitor_writes_their_stand_with_a_preview_and_pupils_see_it() {
    let files = tempfile::tempdir().expect("files");
    let app = spawn_app_with_static(&frontend_dist(), files.path()).await;
    // Tall, so the screenshot holds the editor, checklist and preview.
    let browser = launch(1280, 3200).await;
    let client = &browser.client;
    open_exhibitor_page(client, &app, EMPLOYER).await;

    let about = "We build wind turbines. <i>Ask us</i> about apprenticeships.";
    wait_for(client, "#stand-about").await;
    clear(client, "#stand-about").await;
    wait_for(client, "#stand-about")
        .await
        .send_keys(about)
        .await
        .expect("type about");
    let preview = wait_for(client, "#stand-preview .about").await;
    wait_for_text(&preview, "<i>Ask us</i>").await;

    // A link that is not https: the page says which field, and will not save.
    wait_for(client, "#add-link")
        .await
        .click()
        .await
        .expect("add link");
    wait_for(client, "#link-title-1")
        .await
        .send_keys("Apply")
        .await
        .expect("type words");
    wait_for(client, "#link-url-1")
        .await
        .send_keys("http://example.org/apply")
        .await
        .expect("type address");
    let error = wait_for(client, "#editor-error").await;
    wait_for_text(&error, "Link 2:").await;
    wait_for(client, "#save-stand")
        .await
        .click()
        .await
        .expect("save");
    let status = wait_for(client, "#stand-status").await;
    wait_for_text(&status, "Not saved").await;

    clear(client, "#link-url-1").await;
    wait_for(client, "#link-url-1")
        .await
        .send_keys("https://example.org/apply")
        .await
        .expect("type address");
    let checklist = wait_for(client, "#stand-checklist").await;
    wait_for_text(&checklist, "A video or a prospectus").await;
    assert_accessible(client, "stand editor").await;
    wait_for(client, "#save-stand")
        .await
        .click()
        .await
        .expect("save");
    wait_for_text(&status, "Saved").await;
    let picture = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("stand-editor.png"), picture).expect("save screenshot");

    join_as_pupil(client, &app).await;
    client
        .goto(&app.url(&format!("/fairs/{}/stands/{EMPLOYER}", app.fair)))
        .await
        .expect("open the stand");
    let shown = wait_for(client, "p.about").await;
    wait_for_text(&shown, about).await;
    wait_for(
        client,
        "a[href='https://example.org/apply'][target='_blank']",
    )
    .await;
    browser.client.clone().close().await.expect("close browser");
}
