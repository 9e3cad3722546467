//! An organiser starts another fair from the page: a draft with its own id,
//! run by the same organisers and holding nothing of the fair it came from.

use careers_api::service::organiser::add_organiser;
use serde_json::json;
use shared::api::{CreatedFair, ErrorBody, ErrorCode, FairDetails, FairReport, FairView, SignedIn};
use shared::domain::{Email, FairId, FairStatus};
use tests::{TestApp, spawn_app};
use time::{Duration, OffsetDateTime};

const EMAIL: &str = "ann.organiser@west-somerset.example";
const PASSWORD: &str = "a long enough passphrase";

fn details(name: &str) -> FairDetails {
    let opens_at =
        OffsetDateTime::now_utc().replace_nanosecond(0).expect("ns") + Duration::days(30);
    FairDetails {
        name: name.to_owned(),
        description: "Spring fair for years 9 to 11.".to_owned(),
        opens_at,
        closes_at: opens_at + Duration::hours(6),
    }
}

async fn create(app: &TestApp, details: &FairDetails, token: Option<&str>) -> reqwest::Response {
    app.post_json("/api/fairs", details, token).await
}

async fn created(app: &TestApp, details: &FairDetails, token: &str) -> CreatedFair {
    let response = create(app, details, Some(token)).await;
    assert_eq!(response.status(), 201);
    response.json().await.expect("created")
}

#[tokio::test]
async fn the_new_fair_is_a_separate_draft_run_by_the_same_organisers() {
    let app = spawn_app().await;
    let email = Email::parse(EMAIL).expect("email");
    add_organiser(&app.store, &app.fair, &email, PASSWORD)
        .await
        .expect("organiser");
    let spring = created(
        &app,
        &details("Spring Careers Fair 2027"),
        &app.organiser_token(),
    )
    .await;
    assert_eq!(spring.fair.to_string(), "spring-careers-fair-2027");

    let view: FairView = app
        .get(&format!("/api/fairs/{}", spring.fair), None)
        .await
        .json()
        .await
        .expect("view");
    assert_eq!(view.name.as_str(), "Spring Careers Fair 2027");
    assert_eq!(view.status, FairStatus::Draft);
    assert_eq!(view.opens_at, details("x").opens_at);

    // Its token opens its own report, empty, and not the first fair's.
    let token = &spring.signed_in.token;
    let report: FairReport = app
        .get(&format!("/api/fairs/{}/report", spring.fair), Some(token))
        .await
        .json()
        .await
        .expect("report");
    assert!(report.schools.is_empty() && report.exhibitors.is_empty());
    assert_eq!(report.pupils_joined, 0);
    let other = app
        .get(&format!("/api/fairs/{}/report", app.fair), Some(token))
        .await;
    assert_eq!(other.status(), 403);

    // The same organiser signs in to it with the same password.
    let signed_in = app
        .post_json(
            &format!("/api/fairs/{}/organiser-sessions", spring.fair),
            &json!({"email": EMAIL, "password": PASSWORD}),
            None,
        )
        .await;
    assert_eq!(signed_in.status(), 201);
    let _: SignedIn = signed_in.json().await.expect("signed in");

    // A second fair of the same name gets the next free id.
    let again = created(
        &app,
        &details("Spring Careers Fair 2027"),
        &app.organiser_token(),
    )
    .await;
    assert_eq!(again.fair.to_string(), "spring-careers-fair-2027-2");
}

#[tokio::test]
async fn bad_details_and_callers_other_than_organisers_create_nothing() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let items = app.item_count().await;

    let mut backwards = details("Backwards fair");
    backwards.closes_at = backwards.opens_at - Duration::hours(1);
    let response = create(&app, &backwards, Some(&app.organiser_token())).await;
    assert_eq!(response.status(), 422);
    let body: ErrorBody = response.json().await.expect("error");
    assert_eq!(body.code, ErrorCode::InvalidField);
    assert!(
        body.message.contains("close after it opens"),
        "{}",
        body.message
    );

    let pupils = create(&app, &details("Pupil fair"), Some(&pupil.token)).await;
    assert_eq!(pupils.status(), 403);
    let nobody = create(&app, &details("Nobody's fair"), None).await;
    assert_eq!(nobody.status(), 401);

    assert_eq!(app.item_count().await, items, "nothing was stored");
    let unknown = app
        .get(
            &format!(
                "/api/fairs/{}",
                FairId::parse("backwards-fair").expect("id")
            ),
            None,
        )
        .await;
    assert_eq!(unknown.status(), 404);
}
