//! The organiser's schools: added one at a time or imported from a CSV
//! file (all or nothing), each with a join code that works at once and can
//! be replaced, after which the old code stops working.

use careers_api::auth::Caller;
use shared::api::{ErrorBody, ErrorCode, LeaderLink, NewSchool, SchoolView};
use shared::domain::SchoolId;
use tests::{JOIN_CODE, TestApp, spawn_app};

fn schools_path(app: &TestApp, rest: &str) -> String {
    format!("/api/fairs/{}/schools{rest}", app.fair)
}

async fn schools(app: &TestApp) -> Vec<SchoolView> {
    let response = app
        .get(&schools_path(app, ""), Some(&app.organiser_token()))
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("schools")
}

async fn join_status(app: &TestApp, code: &str) -> u16 {
    app.join(code, 10).await.status().as_u16()
}

#[tokio::test]
async fn an_imported_school_gets_a_code_its_pupils_can_join_with() {
    let app = spawn_app().await;
    let file = "name,urn,expected_pupils\n\
                Dulverton Middle School,123456,80\n\
                \"Porlock, St Dubricius\",,\n";
    let response = app
        .post_csv(
            &schools_path(&app, "/import"),
            file,
            Some(&app.organiser_token()),
        )
        .await;
    assert_eq!(response.status(), 201);
    let added: Vec<SchoolView> = response.json().await.expect("added");
    assert_eq!(added.len(), 2);
    assert_eq!(added[0].id.as_str(), "dulverton-middle-school");
    assert_eq!(added[0].urn.map(|urn| urn.get()), Some(123_456));
    assert_eq!(added[0].expected_pupils.map(|n| n.get()), Some(80));
    assert_eq!(added[1].name.as_str(), "Porlock, St Dubricius");
    assert_ne!(added[0].join_code, added[1].join_code);

    // The list has them with the fixture's two, by name.
    let names: Vec<String> = schools(&app)
        .await
        .iter()
        .map(|s| s.name.to_string())
        .collect();
    assert_eq!(
        names,
        [
            "Dulverton Middle School",
            "Minehead School",
            "Porlock, St Dubricius",
            "Watchet Academy"
        ]
    );

    let joined = app.join(&added[1].join_code.to_string(), 8).await;
    assert_eq!(joined.status(), 201);
    let joined: shared::api::JoinedPupil = joined.json().await.expect("pupil");
    assert_eq!(joined.pupil.school_name.as_str(), "Porlock, St Dubricius");
}

#[tokio::test]
async fn a_file_with_any_bad_row_adds_nothing_and_names_every_problem() {
    let app = spawn_app().await;
    let before = app.item_count().await;
    let file = "name,urn\nGood School,123456\nBad URN School,12\n,654321\nMinehead School,\n";
    let response = app
        .post_csv(
            &schools_path(&app, "/import"),
            file,
            Some(&app.organiser_token()),
        )
        .await;
    assert_eq!(response.status(), 422);
    let error: ErrorBody = response.json().await.expect("error");
    assert_eq!(error.code, ErrorCode::InvalidField);
    for problem in ["row 3: a URN is 6 digits", "row 4: name must not be empty"] {
        assert!(
            error.message.contains(problem),
            "{problem:?} in {:?}",
            error.message
        );
    }
    assert_eq!(app.item_count().await, before, "nothing was written");

    // The rows are all valid now, but one school is already in the fair:
    // importing a file twice must not add its schools twice.
    let file = "name\nGood School\nminehead school\n";
    let response = app
        .post_csv(
            &schools_path(&app, "/import"),
            file,
            Some(&app.organiser_token()),
        )
        .await;
    assert_eq!(response.status(), 422);
    let error: ErrorBody = response.json().await.expect("error");
    assert!(
        error
            .message
            .contains("row 3: minehead school is already in this fair"),
        "{}",
        error.message
    );
    assert_eq!(app.item_count().await, before, "nothing was written");

    // Not CSV at all, or not a CSV content type.
    let response = app
        .post_json(
            &schools_path(&app, "/import"),
            &"name\nA School\n",
            Some(&app.organiser_token()),
        )
        .await;
    assert_eq!(response.status(), 415);
    assert_eq!(app.item_count().await, before, "nothing was written");
}

#[tokio::test]
async fn a_new_join_code_replaces_the_old_one_and_pupils_keep_their_places() {
    let app = spawn_app().await;
    let earlier = app.join_ok().await;
    let response = app
        .post_json(
            &schools_path(&app, "/minehead/join-code"),
            &serde_json::json!({}),
            Some(&app.organiser_token()),
        )
        .await;
    assert_eq!(response.status(), 200);
    let school: SchoolView = response.json().await.expect("school");
    assert_ne!(school.join_code.to_string(), JOIN_CODE);

    assert_eq!(
        join_status(&app, JOIN_CODE).await,
        422,
        "the old code no longer works"
    );
    assert_eq!(join_status(&app, &school.join_code.to_string()).await, 201);
    let me = app
        .get(&format!("/api/fairs/{}/me", app.fair), Some(&earlier.token))
        .await;
    assert_eq!(
        me.status(),
        200,
        "a pupil who joined before keeps their place"
    );
    let report = app.report().await;
    let minehead = report
        .schools
        .iter()
        .find(|s| s.school.as_str() == "minehead")
        .expect("minehead");
    assert_eq!(
        minehead.pupils_joined, 2,
        "both pupils count for the same school"
    );
}

#[tokio::test]
async fn only_the_fairs_organiser_manages_its_schools() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let exhibitor = app.token_for(&Caller::Exhibitor {
        fair: app.fair.clone(),
        stand: shared::domain::StandId::parse(tests::EMPLOYER).expect("id"),
    });
    let lead = app.token_for(&Caller::SchoolLead {
        fair: app.fair.clone(),
        school: SchoolId::parse("minehead").expect("id"),
    });
    let other_fair = app.token_for(&Caller::Organiser {
        fair: shared::domain::FairId::parse(tests::CLOSED_FAIR).expect("id"),
    });
    let before = app.item_count().await;
    let school = NewSchool {
        name: "Sneaky School".into(),
        ..NewSchool::default()
    };
    for token in [&pupil.token, &exhibitor, &lead, &other_fair] {
        assert_eq!(
            app.get(&schools_path(&app, ""), Some(token)).await.status(),
            403
        );
        let added = app
            .post_json(&schools_path(&app, ""), &school, Some(token))
            .await;
        assert_eq!(added.status(), 403);
        let imported = app
            .post_csv(
                &schools_path(&app, "/import"),
                "name\nSneaky School\n",
                Some(token),
            )
            .await;
        assert_eq!(imported.status(), 403);
        let rotated = app
            .post_json(
                &schools_path(&app, "/minehead/join-code"),
                &serde_json::json!({}),
                Some(token),
            )
            .await;
        assert_eq!(rotated.status(), 403);
        let link = app
            .post_json(
                &schools_path(&app, "/minehead/leader-link"),
                &serde_json::json!({}),
                Some(token),
            )
            .await;
        assert_eq!(link.status(), 403);
    }
    assert_eq!(app.get(&schools_path(&app, ""), None).await.status(), 401);
    assert_eq!(app.item_count().await, before, "nothing was written");
    assert_eq!(
        join_status(&app, JOIN_CODE).await,
        201,
        "the code is unchanged"
    );

    // The organiser adds one; a bad URN is refused with the reason.
    let organiser = app.organiser_token();
    let bad = NewSchool {
        name: "Exford School".into(),
        urn: "ABC".into(),
        expected_pupils: String::new(),
    };
    let refused = app
        .post_json(&schools_path(&app, ""), &bad, Some(&organiser))
        .await;
    assert_eq!(refused.status(), 422);
    let good = NewSchool {
        urn: "111222".into(),
        ..bad
    };
    let added = app
        .post_json(&schools_path(&app, ""), &good, Some(&organiser))
        .await;
    assert_eq!(added.status(), 201);
    let added: SchoolView = added.json().await.expect("school");
    assert_eq!(added.id.as_str(), "exford-school");
}

#[tokio::test]
async fn a_careers_leaders_link_opens_their_own_schools_figures_only() {
    let app = spawn_app().await;
    let organiser = app.organiser_token();
    let response = app
        .post_json(
            &schools_path(&app, "/minehead/leader-link"),
            &serde_json::json!({}),
            Some(&organiser),
        )
        .await;
    assert_eq!(response.status(), 201);
    let link: LeaderLink = response.json().await.expect("link");
    let (page, token) = link
        .path
        .split_once("#token=")
        .expect("a token in the fragment");
    assert_eq!(page, format!("/fairs/{}/school", app.fair));
    let in_days = (link.expires_at - time::OffsetDateTime::now_utc()).whole_days();
    assert!(
        (59..=60).contains(&in_days),
        "valid for 60 days, not {in_days}"
    );

    let report = |school: &'static str| {
        let app = &app;
        async move {
            app.get(
                &schools_path(app, &format!("/{school}/report")),
                Some(token),
            )
            .await
            .status()
        }
    };
    assert_eq!(report("minehead").await, 200);
    assert_eq!(report("watchet").await, 403, "another school's figures");
    assert_eq!(
        app.get(&schools_path(&app, ""), Some(token)).await.status(),
        403
    );
    let unknown = app
        .post_json(
            &schools_path(&app, "/nowhere/leader-link"),
            &serde_json::json!({}),
            Some(&organiser),
        )
        .await;
    assert_eq!(unknown.status(), 404);
}
