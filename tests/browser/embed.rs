//! The fair embedded in a school's own page with the shipped example (one
//! element, one script tag), served from another origin: a pupil joins
//! inside the frame, and the frame grows to fit the hall.

use crate::driver::{artifacts_dir, fill_in_join_form, frontend_dist, launch, wait_for};
use axum::response::Html;
use tests::spawn_app_with_static;

/// The example page as a school would publish it, pointing at `fair_host`
/// and the fair `fair`.
fn school_page(fair_host: &str, fair: &str) -> String {
    let example = frontend_dist().join("embed-example.html");
    std::fs::read_to_string(&example)
        .unwrap_or_else(|e| panic!("reading {}: {e}", example.display()))
        .replace("https://fair.example.org", fair_host)
        .replace(
            "data-careers-fair=\"demo\"",
            &format!("data-careers-fair=\"{fair}\""),
        )
}

/// Serves `page` at `/` on a port of its own (so another origin than the
/// fair's) and returns its address.
async fn serve_school_site(page: String) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    let site = axum::Router::new().route("/", axum::routing::get(|| async move { Html(page) }));
    tokio::spawn(async move { axum::serve(listener, site).await });
    format!("http://{address}/")
}

/// Inside the frame: how tall the fair's page is, and how tall the frame
/// shows it.
async fn page_and_frame_heights(client: &fantoccini::Client) -> (f64, f64) {
    let heights = client
        .execute(
            "return [document.documentElement.scrollHeight, window.innerHeight];",
            vec![],
        )
        .await
        .expect("heights");
    let number = |i: usize| heights[i].as_f64().expect("a number");
    (number(0), number(1))
}

#[tokio::test]
async fn a_school_embeds_the_fair_and_a_pupil_joins_inside_it() {
    let files = tempfile::tempdir().expect("files");
    let app = spawn_app_with_static(&frontend_dist(), files.path()).await;
    let fair_host = app.url("");
    let school = serve_school_site(school_page(
        fair_host.trim_end_matches('/'),
        app.fair.as_str(),
    ))
    .await;
    let browser = launch(360, 740).await;
    let client = &browser.client;

    client.goto(&school).await.expect("open the school's page");
    wait_for(
        client,
        "iframe.careers-fair-frame[title='West Somerset careers fair']",
    )
    .await;
    client.enter_frame(0).await.expect("into the fair's frame");
    fill_in_join_form(client, &[]).await;

    // The frame grows to show the whole hall (taller than the frame's
    // starting height of 32rem), so it needs no scroll bar of its own.
    let mut heights = page_and_frame_heights(client).await;
    for _ in 0..50 {
        if heights.1 > 600.0 && heights.0 <= heights.1 + 1.0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        heights = page_and_frame_heights(client).await;
    }
    let (page, frame) = heights;
    assert!(
        frame > 600.0 && page <= frame + 1.0,
        "the frame should show the whole {page} px hall, but is {frame} px tall"
    );
    client
        .enter_parent_frame()
        .await
        .expect("back to the school's page");
    client
        .execute("window.scrollTo(0, 0);", vec![])
        .await
        .expect("scroll to the top");
    let page = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("embedded.png"), page).expect("save screenshot");

    let schools = app
        .get(
            &format!("/api/fairs/{}/exports/schools.csv", app.fair),
            Some(&app.organiser_token()),
        )
        .await
        .text()
        .await
        .expect("csv");
    assert!(
        schools
            .lines()
            .any(|line| line.starts_with("minehead,Minehead School,1,")),
        "the pupil who joined in the frame counts as joined:\n{schools}"
    );
    browser.client.clone().close().await.expect("close browser");
}
