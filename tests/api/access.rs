//! Every route checks the caller's role and fair.

use careers_api::auth::Caller;
use shared::api::{ErrorBody, ErrorCode};
use shared::domain::{FairId, PupilId, StandId};
use tests::{CLOSED_FAIR, EMPLOYER, TestApp, spawn_app};

#[tokio::test]
async fn routes_refuse_missing_forged_and_wrong_role_tokens() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let fair = app.fair.clone();
    let other_fair_pupil = app.token_for(&Caller::Pupil {
        fair: FairId::parse(CLOSED_FAIR).expect("id"),
        pupil: PupilId::new_random(),
    });
    let other_fair_organiser = app.token_for(&Caller::Organiser {
        fair: FairId::parse(CLOSED_FAIR).expect("id"),
    });
    let exhibitor = app.token_for(&Caller::Exhibitor {
        fair: fair.clone(),
        stand: StandId::parse(EMPLOYER).expect("id"),
    });
    let forged = format!("{}x", pupil.token);
    let organiser = app.organiser_token();

    let report = format!("/api/fairs/{fair}/report");
    let export = format!("/api/fairs/{fair}/exports/schools.csv");
    let pupils = format!("/api/fairs/{fair}/exports/pupils.csv");
    let me = format!("/api/fairs/{fair}/me");
    let hall = format!("/api/fairs/{fair}/stands");
    let cases: Vec<(&str, Option<&str>, u16, ErrorCode, &str)> = vec![
        (
            &report,
            None,
            401,
            ErrorCode::MissingToken,
            "report without a token",
        ),
        (
            &report,
            Some("not-a-token"),
            401,
            ErrorCode::InvalidToken,
            "garbage token",
        ),
        (
            &report,
            Some(&forged),
            401,
            ErrorCode::InvalidToken,
            "tampered token",
        ),
        (
            &report,
            Some(&pupil.token),
            403,
            ErrorCode::Forbidden,
            "pupil asks for the report",
        ),
        (
            &export,
            Some(&exhibitor),
            403,
            ErrorCode::Forbidden,
            "exhibitor asks for the export",
        ),
        (
            &pupils,
            Some(&pupil.token),
            403,
            ErrorCode::Forbidden,
            "pupil asks for the per-pupil export",
        ),
        (
            &pupils,
            Some(&other_fair_organiser),
            403,
            ErrorCode::Forbidden,
            "another fair's organiser asks for the per-pupil export",
        ),
        (
            &report,
            Some(&other_fair_organiser),
            403,
            ErrorCode::Forbidden,
            "another fair's organiser",
        ),
        (
            &me,
            Some(&organiser),
            403,
            ErrorCode::Forbidden,
            "organiser asks for 'me'",
        ),
        (
            &hall,
            Some(&other_fair_pupil),
            403,
            ErrorCode::Forbidden,
            "another fair's pupil",
        ),
        (
            &hall,
            None,
            401,
            ErrorCode::MissingToken,
            "hall without a token",
        ),
    ];
    for (path, token, status, code, why) in cases {
        let response = app.get(path, token).await;
        assert_eq!(response.status().as_u16(), status, "{why}");
        assert_eq!(
            response.json::<ErrorBody>().await.expect("body").code,
            code,
            "{why}"
        );
    }

    let before = app.item_count().await;
    let organiser_records = app
        .record(&app.organiser_token(), &TestApp::visit(EMPLOYER))
        .await;
    assert_eq!(
        organiser_records.status(),
        403,
        "only pupils record interactions"
    );
    let anonymous = app
        .post_json(
            &format!("/api/fairs/{fair}/interactions"),
            &TestApp::visit(EMPLOYER),
            None,
        )
        .await;
    assert_eq!(anonymous.status(), 401);
    assert_eq!(app.item_count().await, before, "nothing was written");
}

#[tokio::test]
async fn an_exhibitor_sees_only_their_own_stands_figures_with_small_counts_hidden() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    app.record(&pupil.token, &TestApp::visit(EMPLOYER)).await;
    let fair = app.fair.clone();
    let own = app.token_for(&Caller::Exhibitor {
        fair: fair.clone(),
        stand: StandId::parse(EMPLOYER).expect("id"),
    });
    let other = app.token_for(&Caller::Exhibitor {
        fair: fair.clone(),
        stand: StandId::parse(tests::COLLEGE).expect("id"),
    });
    let path = format!("/api/fairs/{fair}/stands/{EMPLOYER}/figures");

    let figures: shared::api::StandFigures = app
        .get(&path, Some(&own))
        .await
        .json()
        .await
        .expect("figures");
    assert_eq!(
        figures.all.encounters,
        shared::api::Figure::FewerThan(5),
        "one pupil is not shown as 1"
    );
    assert_eq!(figures.all.interactions.label(), "fewer than 5");
    let csv_path = format!("{path}.csv");
    let csv = app.get(&csv_path, Some(&own)).await;
    assert_eq!(csv.status(), 200);
    let csv = csv.text().await.expect("csv");
    assert!(csv.starts_with("group,interactions,pupils_met,"), "{csv}");
    assert!(
        csv.contains("\nall pupils,fewer than 5,fewer than 5,"),
        "{csv}"
    );
    for (token, why) in [
        (&other, "another stand's exhibitor"),
        (&pupil.token, "a pupil"),
    ] {
        let response = app.get(&path, Some(token)).await;
        assert_eq!(response.status(), 403, "{why}");
        let response = app.get(&csv_path, Some(token)).await;
        assert_eq!(response.status(), 403, "CSV: {why}");
    }
}
