use careers_api::auth::Caller;
use shared::api::SchoolTotals;
use shared::domain::SchoolId;
use tests::{COLLEGE, EMPLOYER, OTHER_JOIN_CODE, PROSPECTUS, TestApp, spawn_app};

#[tokio::test]
async fn the_organisers_csv_exports_show_the_visit_and_the_download() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    app.record(&pupil.token, &TestApp::visit(EMPLOYER)).await;
    let download = TestApp::download(EMPLOYER, PROSPECTUS);
    app.record(&pupil.token, &download).await;

    let token = app.organiser_token();
    let schools = app
        .get(
            &format!("/api/fairs/{}/exports/schools.csv", app.fair),
            Some(&token),
        )
        .await;
    assert_eq!(schools.status(), 200);
    assert_eq!(schools.headers()["content-type"], "text/csv; charset=utf-8");
    let schools = schools.text().await.expect("csv");
    let lines: Vec<&str> = schools.lines().collect();
    assert_eq!(
        lines,
        [
            "school_id,school_name,pupils_joined,pupils_attended,interactions,encounters,encounters_bm5,encounters_bm7",
            "minehead,Minehead School,1,1,2,1,1,0",
            "watchet,Watchet Academy,0,0,0,0,0,0",
        ]
    );

    let exhibitors = app
        .get(
            &format!("/api/fairs/{}/exports/exhibitors.csv", app.fair),
            Some(&token),
        )
        .await;
    let exhibitors = exhibitors.text().await.expect("csv");
    assert!(
        exhibitors
            .lines()
            .any(|l| l == "acme-engineering,Acme Engineering,employer,BM5,2,1"),
        "{exhibitors}"
    );
    assert!(
        exhibitors
            .lines()
            .any(|l| l == "exmoor-college,Exmoor College,college,BM7,0,0"),
        "{exhibitors}"
    );

    let years = app
        .get(
            &format!("/api/fairs/{}/exports/year-groups.csv", app.fair),
            Some(&token),
        )
        .await;
    let years = years.text().await.expect("csv");
    let lines: Vec<&str> = years.lines().collect();
    assert_eq!(lines.len(), 8, "a header and years 7 to 13: {years}");
    assert!(
        lines.contains(&"9,1,1,2,1,1,0"),
        "the Year 9 pupil's visit and download: {years}"
    );
    assert!(lines.contains(&"7,0,0,0,0,0,0"), "{years}");
}

#[tokio::test]
async fn the_per_pupil_export_lists_every_pupil_with_the_exhibitors_they_met() {
    let app = spawn_app().await;
    let met_both = app.join_ok().await;
    app.record(&met_both.token, &TestApp::visit(EMPLOYER)).await;
    app.record(&met_both.token, &TestApp::visit(COLLEGE)).await;
    app.record(&met_both.token, &TestApp::download(EMPLOYER, PROSPECTUS))
        .await;
    let joined_only = app.join(OTHER_JOIN_CODE, 12).await;
    assert_eq!(joined_only.status(), 201);
    let joined_only: shared::api::JoinedPupil = joined_only.json().await.expect("joined");

    let response = app
        .get(
            &format!("/api/fairs/{}/exports/pupils.csv", app.fair),
            Some(&app.organiser_token()),
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"test-fair-pupils.csv\""
    );
    let csv = response.text().await.expect("csv");
    let mut lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines.remove(0),
        "pupil_id,pseudonym,school_id,school_name,year_group,encounters,encounters_bm5,encounters_bm7,exhibitors_met"
    );
    lines.sort();
    let mut expected = [
        format!(
            "{},{},minehead,Minehead School,9,2,1,1,Acme Engineering; Exmoor College",
            met_both.pupil.id, met_both.pupil.pseudonym
        ),
        format!(
            "{},{},watchet,Watchet Academy,12,0,0,0,",
            joined_only.pupil.id, joined_only.pupil.pseudonym
        ),
    ];
    expected.sort();
    assert_eq!(lines, expected);
}

#[tokio::test]
async fn a_schools_careers_leader_gets_their_own_schools_figures_and_pupils_only() {
    let app = spawn_app().await;
    let minehead_pupil = app.join_ok().await;
    app.record(&minehead_pupil.token, &TestApp::visit(EMPLOYER))
        .await;
    let watchet_pupil = app.join(OTHER_JOIN_CODE, 12).await;
    assert_eq!(watchet_pupil.status(), 201);

    let lead = |school: &str| {
        app.token_for(&Caller::SchoolLead {
            fair: app.fair.clone(),
            school: SchoolId::parse(school).expect("id"),
        })
    };
    let minehead_lead = lead("minehead");
    let report = app
        .get(
            &format!("/api/fairs/{}/schools/minehead/report", app.fair),
            Some(&minehead_lead),
        )
        .await;
    assert_eq!(report.status(), 200);
    let totals: SchoolTotals = report.json().await.expect("totals");
    assert_eq!((totals.pupils_joined, totals.totals.encounters_bm5), (1, 1));

    let csv = app
        .get(
            &format!(
                "/api/fairs/{}/schools/minehead/exports/pupils.csv",
                app.fair
            ),
            Some(&minehead_lead),
        )
        .await;
    assert_eq!(
        csv.headers()["content-disposition"],
        "attachment; filename=\"test-fair-minehead-pupils.csv\""
    );
    let csv = csv.text().await.expect("csv");
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(
        rows,
        [format!(
            "{},{},minehead,Minehead School,9,1,1,0,Acme Engineering",
            minehead_pupil.pupil.id, minehead_pupil.pupil.pseudonym
        )],
        "only Minehead's pupil: {csv}"
    );

    // Another school's figures, the whole fair's, and a school that does not
    // exist are out of reach.
    for (path, token, status) in [
        ("schools/watchet/report", &minehead_lead, 403),
        ("schools/watchet/exports/pupils.csv", &minehead_lead, 403),
        ("report", &minehead_lead, 403),
        ("exports/pupils.csv", &minehead_lead, 403),
        ("schools/minehead/report", &minehead_pupil.token, 403),
        ("schools/nowhere/report", &app.organiser_token(), 404),
        (
            "schools/nowhere/exports/pupils.csv",
            &app.organiser_token(),
            404,
        ),
    ] {
        let response = app
            .get(&format!("/api/fairs/{}/{path}", app.fair), Some(token))
            .await;
        assert_eq!(response.status(), status, "{path}");
    }
}
