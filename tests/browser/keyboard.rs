//! The pupil's journey with the keyboard alone: Tab to move, typing, Enter
//! and Space to act, arrow keys in a list. Every control reached shows a
//! visible focus indicator. The export then counts what was done.

use crate::driver::{frontend_dist, launch, wait_for, wait_for_text};
use fantoccini::Client;
use fantoccini::key::Key;
use serde_json::json;
use tests::{EMPLOYER, spawn_app_with_static};

/// Presses Tab (at most 60 times) until the focused element matches `css`,
/// and checks that it shows where the focus is.
async fn tab_to(client: &Client, css: &str) {
    for _ in 0..60 {
        let here = client
            .execute(
                "return document.activeElement && document.activeElement.matches(arguments[0]);",
                vec![json!(css)],
            )
            .await
            .expect("check focus");
        if here == json!(true) {
            let outline = client
                .execute(
                    "const s = getComputedStyle(document.activeElement); \
                     return s.outlineStyle !== 'none' && s.outlineWidth !== '0px';",
                    vec![],
                )
                .await
                .expect("focus style");
            assert_eq!(outline, json!(true), "{css} has no visible focus indicator");
            return;
        }
        press(client, &Key::Tab.to_string()).await;
    }
    panic!("Tab never reached {css}");
}

/// Sends keys to whatever has the focus, as a keyboard would.
async fn press(client: &Client, keys: &str) {
    client
        .active_element()
        .await
        .expect("focused element")
        .send_keys(keys)
        .await
        .expect("keys");
}

#[tokio::test]
async fn a_pupil_joins_opens_a_stand_downloads_and_asks_with_the_keyboard_alone() {
    let files = tempfile::tempdir().expect("files");
    let app = spawn_app_with_static(&frontend_dist(), files.path()).await;
    let browser = launch(1280, 800).await;
    let client = &browser.client;

    client
        .goto(&app.url(&format!("/fairs/{}", app.fair)))
        .await
        .expect("join page");
    wait_for(client, "#join-code").await;
    tab_to(client, "#join-code").await;
    press(client, "abcd-efgh").await;
    tab_to(client, "#year-group").await;
    // Down from "choose" to year 7, then on to year 9.
    for _ in 0..3 {
        press(client, &Key::Down.to_string()).await;
    }
    tab_to(client, "#join-submit").await;
    press(client, &Key::Enter.to_string()).await;

    wait_for(client, "a.stand-link").await;
    tab_to(client, &format!("a.stand-link[href$='/stands/{EMPLOYER}']")).await;
    press(client, &Key::Enter.to_string()).await;

    let status = wait_for(client, "#status").await;
    wait_for_text(&status, "Recorded").await;
    tab_to(client, "button.download").await;
    press(client, " ").await;
    tab_to(client, "#question").await;
    press(client, "What does an apprentice do on day one?").await;
    tab_to(client, "#ask").await;
    press(client, &Key::Enter.to_string()).await;
    let mine = wait_for(client, ".question[data-state='waiting']").await;
    wait_for_text(&mine, "Waiting for an answer").await;

    // Visit, download and question: three interactions, one BM5 encounter,
    // from a year 9 pupil.
    let mut report = app.report().await;
    for _ in 0..50 {
        if report.totals.interactions == 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        report = app.report().await;
    }
    assert_eq!(report.totals.interactions, 3);
    assert_eq!(report.totals.encounters_bm5, 1);
    let year = report
        .year_groups
        .iter()
        .find(|y| y.totals.interactions > 0);
    assert_eq!(
        year.map(|y| y.year_group.to_string()),
        Some("Year 9".to_owned())
    );
    browser.client.clone().close().await.expect("close browser");
}
