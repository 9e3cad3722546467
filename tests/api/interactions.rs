use careers_api::auth::Caller;
use careers_api::model::Pupil;
use shared::api::{ErrorBody, ErrorCode, RecordInteraction, RecordedInteraction};
use shared::domain::{FairId, InteractionKind, ProspectusId, PupilId, SchoolId, YearGroup};
use tests::{CLOSED_FAIR, COLLEGE, EMPLOYER, PROSPECTUS, TestApp, spawn_app};

#[tokio::test]
async fn pupil_joins_and_visits_a_stand_counts_one_encounter() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let response = app.record(&pupil.token, &TestApp::visit(EMPLOYER)).await;
    assert_eq!(response.status(), 201);
    let recorded: RecordedInteraction = response.json().await.expect("body");
    assert!(recorded.new_encounter);

    let report = app.report().await;
    assert_eq!(report.totals.pupils_attended, 1);
    assert_eq!(report.totals.interactions, 1);
    assert_eq!(report.totals.encounters, 1);
    assert_eq!(report.totals.encounters_bm5, 1);
    assert_eq!(report.totals.encounters_bm7, 0);
}

#[tokio::test]
async fn a_replayed_interaction_is_answered_again_but_counted_once() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let visit = TestApp::visit(EMPLOYER);
    let first = app.record(&pupil.token, &visit).await;
    assert_eq!(first.status(), 201);
    let first: RecordedInteraction = first.json().await.expect("body");
    for _ in 0..2 {
        let replay = app.record(&pupil.token, &visit).await;
        assert_eq!(replay.status(), 200, "a replay is not a new record");
        assert_eq!(
            replay.json::<RecordedInteraction>().await.expect("body"),
            first
        );
    }
    let report = app.report().await;
    assert_eq!(
        (report.totals.interactions, report.totals.encounters),
        (1, 1)
    );
}

#[tokio::test]
async fn more_interactions_with_one_exhibitor_stay_one_encounter() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    app.record(&pupil.token, &TestApp::visit(EMPLOYER)).await;
    let download = TestApp::download(EMPLOYER, PROSPECTUS);
    let second = app.record(&pupil.token, &download).await;
    assert_eq!(second.status(), 201);
    assert!(
        !second
            .json::<RecordedInteraction>()
            .await
            .expect("body")
            .new_encounter
    );
    app.record(&pupil.token, &TestApp::visit(COLLEGE)).await;

    let report = app.report().await;
    assert_eq!(report.totals.interactions, 3);
    assert_eq!(
        (
            report.totals.encounters,
            report.totals.encounters_bm5,
            report.totals.encounters_bm7
        ),
        (2, 1, 1)
    );
    let employer = report
        .exhibitors
        .iter()
        .find(|e| e.stand.as_str() == EMPLOYER)
        .expect("employer row");
    assert_eq!(
        (employer.totals.interactions, employer.totals.encounters),
        (2, 1)
    );

    let me: shared::api::PupilRecord = app
        .get(&format!("/api/fairs/{}/me", app.fair), Some(&pupil.token))
        .await
        .json()
        .await
        .expect("record");
    assert_eq!(me.totals.encounters, 2);
    assert_eq!(me.encounters.len(), 2);
}

#[tokio::test]
async fn concurrent_interactions_of_one_pupil_are_all_counted_exactly() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let sends = (0..12).map(|i| {
        let stand = if i % 2 == 0 { EMPLOYER } else { COLLEGE };
        let interaction = TestApp::visit(stand);
        let app = &app;
        let token = pupil.token.clone();
        async move { app.record(&token, &interaction).await.status() }
    });
    let statuses = futures::future::join_all(sends).await;
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    let report = app.report().await;
    assert_eq!(
        (
            report.totals.interactions,
            report.totals.encounters,
            report.totals.pupils_attended
        ),
        (12, 2, 1)
    );
}

#[tokio::test]
async fn interactions_for_unknown_things_or_outside_the_window_are_refused_and_write_nothing() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let unknown_prospectus = RecordInteraction {
        kind: InteractionKind::ProspectusDownload {
            prospectus: ProspectusId::parse("nope").expect("id"),
        },
        ..TestApp::visit(EMPLOYER)
    };
    let before = app.item_count().await;
    let cases = [
        (
            TestApp::visit("no-such-stand"),
            404,
            ErrorCode::UnknownStand,
            "unknown stand",
        ),
        (
            unknown_prospectus,
            422,
            ErrorCode::UnknownProspectus,
            "unknown prospectus",
        ),
    ];
    for (interaction, status, code, why) in cases {
        let response = app.record(&pupil.token, &interaction).await;
        assert_eq!(response.status(), status, "{why}");
        assert_eq!(
            response.json::<ErrorBody>().await.expect("body").code,
            code,
            "{why}"
        );
    }

    // A pupil of the fair that has closed: created directly, since joining is refused.
    let closed = FairId::parse(CLOSED_FAIR).expect("id");
    let late = Pupil {
        id: PupilId::new_random(),
        school: SchoolId::parse("minehead").expect("id"),
        year_group: YearGroup::parse(10).expect("year"),
        joined_at: time::OffsetDateTime::now_utc(),
        resume_code: shared::domain::ResumeCode::from_bytes([1, 2, 3, 4]),
    };
    app.store
        .add_pupil(&closed, &late)
        .await
        .expect("add pupil");
    let before_closed = app.item_count().await;
    let token = app.token_for(&Caller::Pupil {
        fair: closed.clone(),
        pupil: late.id,
    });
    let response = app
        .post_json(
            &format!("/api/fairs/{closed}/interactions"),
            &TestApp::visit(EMPLOYER),
            Some(&token),
        )
        .await;
    assert_eq!(response.status(), 409);
    assert_eq!(
        response.json::<ErrorBody>().await.expect("body").code,
        ErrorCode::FairNotOpen
    );
    assert_eq!(
        app.item_count().await,
        before_closed,
        "closed fair: nothing written"
    );
    assert_eq!(
        before_closed,
        before + 5,
        "only the late pupil, their resume code and their fair, school and year-group totals items were added"
    );
}

#[tokio::test]
async fn reusing_an_interaction_id_for_something_else_is_refused() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let visit = TestApp::visit(EMPLOYER);
    assert_eq!(app.record(&pupil.token, &visit).await.status(), 201);
    let other = RecordInteraction {
        stand: shared::domain::StandId::parse(COLLEGE).expect("id"),
        ..visit
    };
    let response = app.record(&pupil.token, &other).await;
    assert_eq!(response.status(), 409);
    assert_eq!(
        response.json::<ErrorBody>().await.expect("body").code,
        ErrorCode::InteractionIdReused
    );
    assert_eq!(app.report().await.totals.interactions, 1);
}

#[tokio::test]
async fn sixty_four_pupils_at_one_popular_stand_at_once_are_counted_exactly() {
    let app = spawn_app().await;
    let pupils = futures::future::join_all((0..64).map(|_| app.join_ok())).await;
    // Each pupil visits twice and sends each visit twice, all at the same
    // time; like the front end, a client retries a 503 with the same id.
    let sends = pupils.iter().flat_map(|pupil| {
        let first = TestApp::visit(EMPLOYER);
        let second = TestApp::visit(EMPLOYER);
        [first.clone(), first, second.clone(), second].map(|interaction| {
            let app = &app;
            let token = pupil.token.clone();
            async move { app.record_until_answered(&token, &interaction).await }
        })
    });
    let statuses = futures::future::join_all(sends).await;
    let created = statuses.iter().filter(|s| **s == 201).count();
    let replayed = statuses.iter().filter(|s| **s == 200).count();
    assert_eq!(
        created + replayed,
        256,
        "every request answered: {statuses:?}"
    );
    assert!(
        created <= 128,
        "never more new records than interactions: {created}"
    );

    let report = app.report().await;
    assert_eq!(report.pupils_joined, 64);
    assert_eq!(report.totals.pupils_attended, 64);
    assert_eq!(report.totals.interactions, 128);
    assert_eq!(
        (report.totals.encounters, report.totals.encounters_bm5),
        (64, 64)
    );
    let stand = report
        .exhibitors
        .iter()
        .find(|e| e.stand.as_str() == EMPLOYER)
        .expect("row");
    assert_eq!(
        (stand.totals.interactions, stand.totals.encounters),
        (128, 64)
    );
}
