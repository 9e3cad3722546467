//! A fair's life: pupils join and take part only while it is open; the
//! organiser opens a draft, closes it, may reopen it, and archives it once
//! closed; every other move is refused with nothing changed.

use careers_api::auth::Caller;
use shared::api::{ChangeStatus, ErrorBody, ErrorCode};
use shared::domain::{FairStatus, StandId};
use tests::{EMPLOYER, JOIN_CODE, TestApp, spawn_app};

/// Archiving says how long pupils' data is kept (see `retention`).
async fn change(app: &TestApp, status: FairStatus, token: &str) -> reqwest::Response {
    let keep_pupil_data_days = (status == FairStatus::Archived).then_some(30);
    app.put_json(
        &format!("/api/fairs/{}/status", app.fair),
        &ChangeStatus {
            status,
            keep_pupil_data_days,
        },
        Some(token),
    )
    .await
}

async fn status(app: &TestApp) -> FairStatus {
    app.fair_view().await.status
}

async fn refused(response: reqwest::Response) -> ErrorCode {
    assert_eq!(response.status(), 409);
    let body: ErrorBody = response.json().await.expect("error");
    body.code
}

#[tokio::test]
async fn pupils_take_part_only_while_the_organiser_has_the_fair_open() {
    let app = spawn_app().await;
    let organiser = app.organiser_token();
    let pupil = app.join_ok().await;
    assert_eq!(status(&app).await, FairStatus::Open);

    assert_eq!(
        change(&app, FairStatus::Closed, &organiser).await.status(),
        204
    );
    assert_eq!(status(&app).await, FairStatus::Closed);
    assert_eq!(
        refused(app.join(JOIN_CODE, 9).await).await,
        ErrorCode::FairNotOpen
    );
    let items = app.item_count().await;
    assert_eq!(
        refused(app.record(&pupil.token, &TestApp::visit(EMPLOYER)).await).await,
        ErrorCode::FairNotOpen
    );
    assert_eq!(app.item_count().await, items, "nothing was recorded");
    let view = app.fair_view().await;
    assert!(!view.is_open);

    // Closed by mistake: opened again, and pupils carry on.
    assert_eq!(
        change(&app, FairStatus::Open, &organiser).await.status(),
        204
    );
    assert_eq!(
        app.record(&pupil.token, &TestApp::visit(EMPLOYER))
            .await
            .status(),
        201
    );
    assert_eq!(app.join(JOIN_CODE, 9).await.status(), 201);
}

#[tokio::test]
async fn only_the_allowed_moves_are_made_and_only_by_the_organiser() {
    let app = spawn_app().await;
    let organiser = app.organiser_token();
    let pupil = app.join_ok().await;
    let exhibitor = app.token_for(&Caller::Exhibitor {
        fair: app.fair.clone(),
        stand: StandId::parse(EMPLOYER).expect("id"),
    });
    for token in [pupil.token.as_str(), &exhibitor] {
        assert_eq!(change(&app, FairStatus::Closed, token).await.status(), 403);
    }
    assert_eq!(status(&app).await, FairStatus::Open);
    // Open cannot go back to draft, nor straight to archived.
    for to in [FairStatus::Draft, FairStatus::Archived, FairStatus::Open] {
        assert_eq!(
            refused(change(&app, to, &organiser).await).await,
            ErrorCode::StatusChangeRefused,
            "open -> {to}"
        );
    }
    assert_eq!(status(&app).await, FairStatus::Open);
    assert_eq!(
        change(&app, FairStatus::Closed, &organiser).await.status(),
        204
    );
    assert_eq!(
        change(&app, FairStatus::Archived, &organiser)
            .await
            .status(),
        204
    );
    // Archived is the end.
    for to in [FairStatus::Open, FairStatus::Closed, FairStatus::Draft] {
        assert_eq!(
            refused(change(&app, to, &organiser).await).await,
            ErrorCode::StatusChangeRefused,
            "archived -> {to}"
        );
    }
    assert_eq!(status(&app).await, FairStatus::Archived);
    let unknown = app
        .put_json(
            &format!("/api/fairs/{}/status", app.fair),
            &serde_json::json!({ "status": "paused" }),
            Some(&organiser),
        )
        .await;
    assert_eq!(unknown.status(), 422);
    assert_eq!(status(&app).await, FairStatus::Archived);
}

#[tokio::test]
async fn a_draft_fair_takes_no_pupils_until_it_is_opened() {
    let app = spawn_app().await;
    let mut fair = app
        .store
        .fair(&app.fair)
        .await
        .expect("read")
        .expect("fair");
    fair.status = FairStatus::Draft;
    app.store.put_fair(&fair).await.expect("a draft");
    assert_eq!(
        refused(app.join(JOIN_CODE, 9).await).await,
        ErrorCode::FairNotOpen
    );
    assert_eq!(
        change(&app, FairStatus::Open, &app.organiser_token())
            .await
            .status(),
        204
    );
    assert_eq!(app.join(JOIN_CODE, 9).await.status(), 201);
}

#[tokio::test]
async fn the_organiser_edits_the_fairs_details_and_bad_dates_change_nothing() {
    use shared::api::FairDetails;
    let app = spawn_app().await;
    let organiser = app.organiser_token();
    let path = format!("/api/fairs/{}/details", app.fair);
    let opens_at = time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .expect("ns")
        - time::Duration::hours(1);
    let details = FairDetails {
        name: "West Somerset careers fair".into(),
        description: "Meet employers and colleges from home.".into(),
        opens_at,
        closes_at: opens_at + time::Duration::days(2),
    };
    assert_eq!(
        app.put_json(&path, &details, Some(&organiser))
            .await
            .status(),
        204
    );
    let view = app.fair_view().await;
    assert_eq!(view.name.as_str(), "West Somerset careers fair");
    assert_eq!(view.description, "Meet employers and colleges from home.");
    assert_eq!(
        (view.opens_at, view.closes_at),
        (details.opens_at, details.closes_at)
    );
    assert_eq!(view.status, FairStatus::Open, "the status is kept");
    assert!(view.is_open);

    let backwards = FairDetails {
        closes_at: opens_at - time::Duration::hours(1),
        ..details.clone()
    };
    let refused = app.put_json(&path, &backwards, Some(&organiser)).await;
    assert_eq!(refused.status(), 422);
    let body: ErrorBody = refused.json().await.expect("error");
    assert_eq!(body.message, "the fair must close after it opens");
    let pupil = app.join_ok().await;
    assert_eq!(
        app.put_json(&path, &details, Some(&pupil.token))
            .await
            .status(),
        403
    );
    let after = app.fair_view().await;
    assert_eq!(after, view, "nothing changed");
}
