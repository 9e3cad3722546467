//! Data protection after a fair: archiving it sets how long pupil-level
//! data is kept, the retention job stamps exactly that data with the
//! expiry (DynamoDB's TTL deletes it), and from the expiry on nothing
//! serves it, while the totals and their exports stay as they were.

use aws_sdk_dynamodb::types::AttributeValue;
use careers_api::service::retention::{self, Summary};
use careers_api::state::dynamodb_client;
use shared::api::{ChangeStatus, ErrorBody, ErrorCode, ResumeRequest, SaveAnswers};
use shared::domain::{FairStatus, ReflectionText};
use std::collections::HashMap;
use tests::{COLLEGE, EMPLOYER, OTHER_JOIN_CODE, PROSPECTUS, TestApp, spawn_app};
use time::{Duration, OffsetDateTime};

type Item = HashMap<String, AttributeValue>;

async fn change(app: &TestApp, status: FairStatus, days: Option<u16>) -> reqwest::Response {
    let request = ChangeStatus {
        status,
        keep_pupil_data_days: days,
    };
    app.put_json(
        &format!("/api/fairs/{}/status", app.fair),
        &request,
        Some(&app.organiser_token()),
    )
    .await
}

/// The status and code of an error answer.
async fn error(response: reqwest::Response) -> (u16, ErrorCode, String) {
    let status = response.status().as_u16();
    let body: ErrorBody = response.json().await.expect("an error body");
    (status, body.code, body.message)
}

/// Every item of the test's table, in key order.
async fn scan(app: &TestApp) -> Vec<Item> {
    let client = dynamodb_client(Some(&app.endpoint)).await;
    let mut items: Vec<Item> = client
        .scan()
        .table_name(app.store.table_name())
        .consistent_read(true)
        .into_paginator()
        .items()
        .send()
        .collect::<Result<Vec<_>, _>>()
        .await
        .expect("scan");
    items.sort_by_key(|item| (text(item, "pk"), text(item, "sk")));
    items
}

fn text(item: &Item, name: &str) -> String {
    item.get(name)
        .and_then(|value| value.as_s().ok())
        .cloned()
        .unwrap_or_default()
}

fn expiry(item: &Item) -> Option<i64> {
    item.get("expires_at")
        .and_then(|value| value.as_n().ok())
        .map(|n| n.parse().expect("a number"))
}

/// What erasure would delete: a pupil's partition, resume codes, questions.
fn is_pupil_level(item: &Item) -> bool {
    let (pk, sk) = (text(item, "pk"), text(item, "sk"));
    pk.starts_with("PUPIL#") || pk.starts_with("QUESTIONS#") || sk.starts_with("RESUME#")
}

async fn run_job(app: &TestApp) -> Summary {
    retention::run(&app.store, OffsetDateTime::now_utc())
        .await
        .expect("the job runs")
}

async fn get_text(app: &TestApp, path: &str, token: &str) -> (u16, String) {
    let response = app.get(path, Some(token)).await;
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

async fn save_an_answer(app: &TestApp, token: &str) {
    let answers = SaveAnswers {
        answers: vec![Some(ReflectionText::parse("Welding").expect("text"))],
    };
    let saved = app
        .put_json(
            &format!("/api/fairs/{}/me/challenge/workplace_insight", app.fair),
            &answers,
            Some(token),
        )
        .await;
    assert_eq!(saved.status(), 204);
}

#[tokio::test]
async fn archiving_must_say_how_long_pupils_data_is_kept_and_no_other_move_may() {
    let app = spawn_app().await;
    app.join_ok().await;
    let before = scan(&app).await;
    let (status, code, message) = error(change(&app, FairStatus::Closed, Some(30)).await).await;
    assert_eq!((status, code), (422, ErrorCode::InvalidField), "{message}");
    assert_eq!(
        scan(&app).await,
        before,
        "closing with days changed nothing"
    );
    assert_eq!(app.fair_view().await.status, FairStatus::Open);

    assert_eq!(change(&app, FairStatus::Closed, None).await.status(), 204);
    let closed = scan(&app).await;
    for (days, what) in [(None, "no days"), (Some(731), "more than two years")] {
        let (status, code, message) = error(change(&app, FairStatus::Archived, days).await).await;
        assert_eq!((status, code), (422, ErrorCode::InvalidField), "{what}");
        assert!(message.contains("days"), "{what}: {message}");
        assert_eq!(scan(&app).await, closed, "{what}: nothing changed");
    }
    let (status, code, _) = error(change(&app, FairStatus::Open, Some(30)).await).await;
    assert_eq!((status, code), (422, ErrorCode::InvalidField), "reopening");
    assert_eq!(
        scan(&app).await,
        closed,
        "reopening with days changed nothing"
    );
    let view = app.fair_view().await;
    assert_eq!(view.status, FairStatus::Closed);
    assert_eq!(view.pupil_data_expires_at, None);
    assert_eq!(
        run_job(&app).await,
        Summary::default(),
        "nothing was queued"
    );
}

#[tokio::test]
async fn the_job_stamps_exactly_the_pupil_level_items_with_the_chosen_expiry() {
    let app = spawn_app().await;
    // A visits two stands, downloads, asks and answers the challenge; B
    // visits once; C only joins.
    let a = app.join_ok().await;
    for interaction in [
        TestApp::visit(EMPLOYER),
        TestApp::question(EMPLOYER, "Do you pay apprentices?"),
        TestApp::download(COLLEGE, PROSPECTUS),
    ] {
        assert_eq!(app.record(&a.token, &interaction).await.status(), 201);
    }
    save_an_answer(&app, &a.token).await;
    let b = app.join_ok().await;
    assert_eq!(
        app.record(&b.token, &TestApp::visit(COLLEGE))
            .await
            .status(),
        201
    );
    let c = app.join(OTHER_JOIN_CODE, 11).await;
    assert_eq!(c.status(), 201);
    // A: their item, resume code, 2 encounters, 3 interactions, challenge
    // answers, 1 question; B: item, resume code, encounter, interaction;
    // C: item and resume code.
    let pupil_level = 9 + 4 + 2;
    let report = app.report().await;

    assert_eq!(change(&app, FairStatus::Closed, None).await.status(), 204);
    let archived_from = OffsetDateTime::now_utc().unix_timestamp();
    assert_eq!(
        change(&app, FairStatus::Archived, Some(30)).await.status(),
        204
    );
    let archived_by = OffsetDateTime::now_utc().unix_timestamp();
    let expires_at = app
        .fair_view()
        .await
        .pupil_data_expires_at
        .expect("an archived fair's expiry")
        .unix_timestamp();
    let thirty_days = Duration::days(30).whole_seconds();
    assert!(
        (archived_from + thirty_days..=archived_by + thirty_days).contains(&expires_at),
        "{expires_at} is 30 days after archiving"
    );
    let queued = scan(&app).await;
    assert!(
        queued.iter().any(|item| text(item, "pk") == "RETENTION"),
        "archiving queued the fair"
    );
    assert!(queued.iter().all(|item| expiry(item).is_none()));

    let summary = run_job(&app).await;
    assert_eq!(
        summary,
        Summary {
            fairs_done: 1,
            fairs_failed: 0,
            items_stamped: pupil_level
        }
    );
    let items = scan(&app).await;
    assert!(items.iter().all(|item| text(item, "pk") != "RETENTION"));
    let stamped: Vec<&Item> = items.iter().filter(|i| expiry(i).is_some()).collect();
    assert_eq!(stamped.len(), pupil_level);
    assert_eq!(
        items.iter().filter(|item| is_pupil_level(item)).count(),
        pupil_level
    );
    for item in &items {
        let key = (text(item, "pk"), text(item, "sk"));
        if is_pupil_level(item) {
            assert_eq!(expiry(item), Some(expires_at), "{key:?}");
        } else {
            assert_eq!(expiry(item), None, "{key:?} is not pupil-level");
        }
    }
    for aggregate in ["AGG#", "FAIR#"] {
        assert!(
            items
                .iter()
                .any(|item| text(item, "pk").starts_with(aggregate)),
            "{aggregate} items are there, unstamped"
        );
    }

    assert_eq!(app.report().await, report, "the totals stay");
    let (status, csv) = get_text(
        &app,
        &format!("/api/fairs/{}/exports/pupils.csv", app.fair),
        &app.organiser_token(),
    )
    .await;
    assert_eq!(status, 200, "until the expiry, pupils are still exported");
    assert!(csv.contains(&a.pupil.id.to_string()) && csv.contains(&b.pupil.id.to_string()));

    assert_eq!(run_job(&app).await, Summary::default(), "nothing queued");
    // As if a run had stopped half-way: the fair still queued and two
    // items not yet stamped. The next run stamps those two only.
    let client = dynamodb_client(Some(&app.endpoint)).await;
    let requeue = queued
        .iter()
        .find(|item| text(item, "pk") == "RETENTION")
        .expect("queue item");
    client
        .put_item()
        .table_name(app.store.table_name())
        .set_item(Some(requeue.clone()))
        .send()
        .await
        .expect("requeue");
    for item in stamped.iter().take(2) {
        client
            .update_item()
            .table_name(app.store.table_name())
            .key("pk", item["pk"].clone())
            .key("sk", item["sk"].clone())
            .update_expression("REMOVE expires_at")
            .send()
            .await
            .expect("unstamp");
    }
    let resumed = run_job(&app).await;
    assert_eq!((resumed.fairs_done, resumed.items_stamped), (1, 2));
    assert_eq!(scan(&app).await, items, "the same as one whole run");
    assert_eq!(run_job(&app).await, Summary::default(), "and then nothing");
}

#[tokio::test]
async fn with_no_days_kept_pupil_data_is_refused_at_once_and_the_totals_stay() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    for interaction in [
        TestApp::visit(EMPLOYER),
        TestApp::question(EMPLOYER, "What do you make?"),
    ] {
        assert_eq!(app.record(&pupil.token, &interaction).await.status(), 201);
    }
    let organiser = app.organiser_token();
    let export = |name: &str| format!("/api/fairs/{}/exports/{name}", app.fair);
    let schools = get_text(&app, &export("schools.csv"), &organiser).await;
    let exhibitors = get_text(&app, &export("exhibitors.csv"), &organiser).await;
    assert_eq!((schools.0, exhibitors.0), (200, 200));
    let report = app.report().await;

    assert_eq!(change(&app, FairStatus::Closed, None).await.status(), 204);
    assert_eq!(
        change(&app, FairStatus::Archived, Some(0)).await.status(),
        204
    );
    let summary = run_job(&app).await;
    // Their item, resume code, encounter, two interactions and question.
    assert_eq!((summary.fairs_done, summary.items_stamped), (1, 6));
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let items = scan(&app).await;
    assert!(
        items
            .iter()
            .filter_map(expiry)
            .all(|expires_at| expires_at <= now),
        "expired already"
    );

    for path in [
        export("pupils.csv"),
        export("pupils.xlsx"),
        format!(
            "/api/fairs/{}/schools/minehead/exports/pupils.csv",
            app.fair
        ),
    ] {
        let response = app.get(&path, Some(&organiser)).await;
        let (status, code, _) = error(response).await;
        assert_eq!((status, code), (410, ErrorCode::PupilDataRemoved), "{path}");
    }
    assert_eq!(
        get_text(&app, &export("schools.csv"), &organiser).await,
        schools
    );
    assert_eq!(
        get_text(&app, &export("exhibitors.csv"), &organiser).await,
        exhibitors
    );
    assert_eq!(app.report().await, report);

    let resumed = app
        .post_json(
            &format!("/api/fairs/{}/pupil-sessions", app.fair),
            &ResumeRequest {
                resume_code: pupil.pupil.resume_code.to_string(),
            },
            None,
        )
        .await;
    let (status, code, _) = error(resumed).await;
    assert_eq!((status, code), (410, ErrorCode::PupilDataRemoved), "resume");
    // A token they still hold reads nothing of theirs either.
    for path in ["me", "stands/acme-engineering/questions"] {
        let response = app
            .get(
                &format!("/api/fairs/{}/{path}", app.fair),
                Some(&pupil.token),
            )
            .await;
        let (status, code, _) = error(response).await;
        assert_eq!((status, code), (410, ErrorCode::PupilDataRemoved), "{path}");
    }
    assert_eq!(scan(&app).await, items, "the refusals wrote nothing");
}
