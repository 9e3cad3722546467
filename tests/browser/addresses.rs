//! Each screen is a bundle of its own, picked by `index.html` from the
//! address: every address opens its screen with its bundle, and nothing
//! else but the next screen's bundle where one is fetched ahead; an
//! address that is no screen opens the front door's bundle, which says so.

use crate::driver::{frontend_dist, launch, wait_for, wait_for_text};
use fantoccini::Client;
use std::time::Duration;
use tests::{EMPLOYER, spawn_app_with_static};

#[tokio::test]
async fn every_address_opens_its_own_screen_and_bundle_and_others_are_not_found() {
    let files = tempfile::tempdir().expect("files");
    let app = spawn_app_with_static(&frontend_dist(), files.path()).await;
    let browser = launch(1280, 800).await;
    let client = &browser.client;
    let fair = &app.fair;
    // (address, the bundle it must load, what its heading says). Nobody
    // has joined or signed in in this browser.
    let cases = [
        ("/".to_owned(), "home", "Virtual careers fair"),
        ("/no/such/page".to_owned(), "home", "Page not found"),
        (format!("/fairs/{fair}/stands"), "home", "Page not found"),
        (
            format!("/fairs/{fair}/hall/extra"),
            "home",
            "Page not found",
        ),
        (format!("/fairs/{fair}"), "join", "Test Fair"),
        (format!("/fairs/{fair}/hall"), "hall", "Join the fair first"),
        (
            format!("/fairs/{fair}/hall/"),
            "hall",
            "Join the fair first",
        ),
        (
            format!("/fairs/{fair}/stands/{EMPLOYER}"),
            "stand",
            "Join the fair first",
        ),
        (
            format!("/fairs/{fair}/stands/Not%20a%20stand"),
            "stand",
            "This link is not quite right",
        ),
        (format!("/fairs/{fair}/me"), "record", "Join the fair first"),
        (
            format!("/fairs/{fair}/challenge"),
            "challenge",
            "Join the fair first",
        ),
        (
            format!("/fairs/{fair}/organiser"),
            "organiser",
            "Organiser sign-in",
        ),
        (
            format!("/fairs/{fair}/exhibitor"),
            "exhibitor",
            "Exhibitor sign-in needed",
        ),
        (format!("/fairs/{fair}/school"), "school", "Sign-in needed"),
        (
            "/fairs/Not%20a%20fair/hall".to_owned(),
            "hall",
            "This link is not quite right",
        ),
    ];
    for (address, bundle, heading) in cases {
        client.goto(&app.url(&address)).await.expect("open");
        let h1 = wait_for(client, "main h1").await;
        wait_for_text(&h1, heading).await;
        // Fetched ahead once the screen runs: the hall while a pupil joins,
        // a stand while they are in the hall.
        let ahead = match bundle {
            "join" => Some("hall"),
            "hall" => Some("stand"),
            _ => None,
        };
        let mut expected = vec![format!("/pkg/{bundle}_bg.wasm")];
        expected.extend(ahead.map(|next| format!("/pkg/{next}_bg.wasm")));
        expected.sort();
        let mut loaded = wasm_loaded(client).await;
        for _ in 0..50 {
            if loaded.len() >= expected.len() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            loaded = wasm_loaded(client).await;
        }
        assert_eq!(
            loaded, expected,
            "{address} loads the {bundle} bundle, and no other but the one fetched ahead"
        );
    }
    // The join page has its form.
    client
        .goto(&app.url(&format!("/fairs/{fair}")))
        .await
        .expect("open join");
    wait_for(client, "#join-code").await;
    browser.client.clone().close().await.expect("close browser");
}

/// The wasm files the page now open has fetched, by path, sorted.
async fn wasm_loaded(client: &Client) -> Vec<String> {
    let loaded = client
        .execute(
            "return performance.getEntriesByType('resource')
               .map(e => new URL(e.name).pathname)
               .filter(path => path.endsWith('.wasm'));",
            vec![],
        )
        .await
        .expect("resources");
    let mut loaded: Vec<String> = serde_json::from_value(loaded).expect("paths");
    loaded.sort();
    loaded
}
