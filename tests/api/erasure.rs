//! One pupil's data erased on request: everything stored about them goes
//! (their record, encounters, interactions, challenge answers, resume code
//! and questions), the per-pupil export no longer lists them, the fair's
//! totals stay as they were, and a token they still hold writes nothing.

use careers_api::auth::Caller;
use shared::api::{ErasePupil, Erased, SaveAnswers};
use shared::domain::{ReflectionText, StandId};
use tests::{EMPLOYER, JOIN_CODE, TestApp, spawn_app};

async fn erase(app: &TestApp, request: &ErasePupil, token: &str) -> reqwest::Response {
    app.post_json(
        &format!("/api/fairs/{}/erasures", app.fair),
        request,
        Some(token),
    )
    .await
}

async fn pupils_csv(app: &TestApp) -> String {
    app.get(
        &format!("/api/fairs/{}/exports/pupils.csv", app.fair),
        Some(&app.organiser_token()),
    )
    .await
    .text()
    .await
    .expect("csv")
}

/// Saves an answer to the first challenge stage; returns the status.
async fn save_an_answer(app: &TestApp, token: &str) -> u16 {
    let answers = SaveAnswers {
        answers: vec![Some(ReflectionText::parse("Welding").expect("text"))],
    };
    app.put_json(
        &format!("/api/fairs/{}/me/challenge/workplace_insight", app.fair),
        &answers,
        Some(token),
    )
    .await
    .status()
    .as_u16()
}

#[tokio::test]
async fn an_erased_pupil_leaves_nothing_but_the_totals() {
    let app = spawn_app().await;
    let keep = app.join_ok().await;
    app.record(&keep.token, &TestApp::visit(EMPLOYER)).await;

    let gone = app.join_ok().await;
    app.record(&gone.token, &TestApp::visit(EMPLOYER)).await;
    app.record(
        &gone.token,
        &TestApp::question(EMPLOYER, "Do you pay apprentices?"),
    )
    .await;
    assert_eq!(save_an_answer(&app, &gone.token).await, 204);
    let report_before = app.report().await;
    assert!(pupils_csv(&app).await.contains(&gone.pupil.id.to_string()));

    let organiser = app.organiser_token();
    let before_erasure = app.item_count().await;
    let response = erase(
        &app,
        &ErasePupil {
            pupil: gone.pupil.id,
        },
        &organiser,
    )
    .await;
    assert_eq!(response.status(), 200);
    let erased: Erased = response.json().await.expect("erased");
    // Their item, resume code, encounter, two interactions, challenge
    // answers and question.
    assert_eq!(erased.items, 7);
    let after_erasure = app.item_count().await;
    assert_eq!(after_erasure, before_erasure - 7);

    assert_eq!(app.report().await, report_before, "totals stay");
    let csv = pupils_csv(&app).await;
    assert!(!csv.contains(&gone.pupil.id.to_string()), "{csv}");
    assert!(csv.contains(&keep.pupil.id.to_string()));
    let exhibitor = app.token_for(&Caller::Exhibitor {
        fair: app.fair.clone(),
        stand: StandId::parse(EMPLOYER).expect("id"),
    });
    let inbox = app
        .get(
            &format!("/api/fairs/{}/stands/{EMPLOYER}/inbox", app.fair),
            Some(&exhibitor),
        )
        .await
        .text()
        .await
        .expect("inbox");
    assert!(!inbox.contains("Do you pay apprentices?"), "{inbox}");
    let resumed = app
        .post_json(
            &format!("/api/fairs/{}/pupil-sessions", app.fair),
            &shared::api::ResumeRequest {
                resume_code: gone.pupil.resume_code.to_string(),
            },
            None,
        )
        .await;
    assert_eq!(resumed.status(), 422, "the resume code is gone");
    // (That wrong code was counted against this address: one item.)
    let settled = app.item_count().await;
    assert_eq!(settled, after_erasure + 1);

    // A token they still hold reads and writes nothing.
    let me = app
        .get(&format!("/api/fairs/{}/me", app.fair), Some(&gone.token))
        .await;
    assert_eq!(me.status(), 401);
    assert_eq!(
        app.record(&gone.token, &TestApp::visit(EMPLOYER))
            .await
            .status(),
        401
    );
    assert_eq!(save_an_answer(&app, &gone.token).await, 401);
    assert_eq!(app.item_count().await, settled, "nothing came back");
    assert_eq!(
        app.join(JOIN_CODE, 9).await.status(),
        201,
        "the fair goes on"
    );
}

#[tokio::test]
async fn only_the_organiser_erases_and_an_unknown_pupil_is_not_found() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let before = app.item_count().await;
    let request = ErasePupil {
        pupil: pupil.pupil.id,
    };
    assert_eq!(erase(&app, &request, &pupil.token).await.status(), 403);
    assert_eq!(app.item_count().await, before, "nothing was deleted");
    let nobody = ErasePupil {
        pupil: shared::domain::PupilId::new_random(),
    };
    assert_eq!(
        erase(&app, &nobody, &app.organiser_token()).await.status(),
        404
    );
    assert_eq!(app.item_count().await, before, "nothing was deleted");
}
