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
            "school_id,school_name,pupils_joined,pupils_attended,interactions,encounters,encounters_bm5,encounters_bm7,pupils_with_bm5_encounter,pupils_with_bm7_encounter,pupils_with_4_or_more_encounters",
            "minehead,Minehead School,1,1,2,1,1,0,1,0,0",
            "watchet,Watchet Academy,0,0,0,0,0,0,0,0,0",
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
        lines.contains(&"9,1,1,2,1,1,0,1,0,0"),
        "the Year 9 pupil's visit and download: {years}"
    );
    assert!(lines.contains(&"7,0,0,0,0,0,0,0,0,0"), "{years}");
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

#[tokio::test]
async fn every_export_reads_the_same_as_xlsx_as_as_csv_and_text_never_becomes_a_formula() {
    let app = spawn_app().await;
    let organiser = app.organiser_token();
    let pupil = app.join_ok().await;
    app.record(&pupil.token, &TestApp::visit(EMPLOYER)).await;
    app.record(&pupil.token, &TestApp::download(EMPLOYER, PROSPECTUS))
        .await;
    app.record(&pupil.token, &TestApp::visit(COLLEGE)).await;
    // A school whose name a spreadsheet would run as a formula.
    let risky = shared::api::NewSchool {
        name: "=HYPERLINK(\"https://example.org\")".into(),
        ..Default::default()
    };
    let added = app
        .post_json(
            &format!("/api/fairs/{}/schools", app.fair),
            &risky,
            Some(&organiser),
        )
        .await;
    assert_eq!(added.status(), 201);

    let fetch = |path: String| {
        let (app, organiser) = (&app, organiser.clone());
        async move {
            let response = app.get(&path, Some(&organiser)).await;
            assert_eq!(response.status(), 200, "{path}");
            let kind = response.headers()["content-type"]
                .to_str()
                .expect("type")
                .to_owned();
            let disposition = response.headers()["content-disposition"]
                .to_str()
                .expect("disposition")
                .to_owned();
            (kind, disposition, response.bytes().await.expect("body"))
        }
    };
    for name in ["schools", "exhibitors", "year-groups", "pupils"] {
        let base = format!("/api/fairs/{}/exports/{name}", app.fair);
        let (_, _, csv) = fetch(format!("{base}.csv")).await;
        let (kind, disposition, xlsx) = fetch(format!("{base}.xlsx")).await;
        assert_eq!(
            kind,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert_eq!(
            disposition,
            format!("attachment; filename=\"test-fair-{name}.xlsx\"")
        );
        let from_csv = tests::xlsx::csv_rows(std::str::from_utf8(&csv).expect("utf-8"));
        let mut from_xlsx = tests::xlsx::rows(&xlsx, name);
        // The CSV neutralises a formula-like cell with an apostrophe; the
        // XLSX stores it as text, which is never run.
        for row in &mut from_xlsx {
            for cell in row.iter_mut().filter(|cell| cell.starts_with('=')) {
                cell.insert(0, '\'');
            }
        }
        assert_eq!(from_xlsx, from_csv, "{name}");
    }
    let (_, _, schools) = fetch(format!("/api/fairs/{}/exports/schools.xlsx", app.fair)).await;
    assert!(
        tests::xlsx::rows(&schools, "schools")
            .iter()
            .any(|row| row[1] == "=HYPERLINK(\"https://example.org\")"),
        "the name is kept as text"
    );
    assert!(
        !String::from_utf8_lossy(&schools).contains("<f>"),
        "no cell holds a formula"
    );

    for missing in ["pupils.pdf", "secrets.csv", "pupils"] {
        let response = app
            .get(
                &format!("/api/fairs/{}/exports/{missing}", app.fair),
                Some(&organiser),
            )
            .await;
        assert_eq!(response.status(), 404, "{missing}");
    }
    let lead = app.token_for(&Caller::SchoolLead {
        fair: app.fair.clone(),
        school: SchoolId::parse("minehead").expect("id"),
    });
    let theirs = app
        .get(
            &format!(
                "/api/fairs/{}/schools/minehead/exports/pupils.xlsx",
                app.fair
            ),
            Some(&lead),
        )
        .await;
    assert_eq!(theirs.status(), 200);
    let rows = tests::xlsx::rows(&theirs.bytes().await.expect("body"), "pupils");
    assert_eq!(rows.len(), 2, "the header and their one pupil");
    assert_eq!(rows[1][2], "minehead");
    let not_theirs = app
        .get(
            &format!(
                "/api/fairs/{}/schools/minehead/exports/schools.xlsx",
                app.fair
            ),
            Some(&lead),
        )
        .await;
    assert_eq!(not_theirs.status(), 404);
}

#[tokio::test]
async fn the_report_counts_pupils_by_the_lines_they_reach_and_interactions_by_hour() {
    let app = spawn_app().await;
    let before = time::OffsetDateTime::now_utc();
    let both = app.join_ok().await;
    for interaction in [
        TestApp::visit(EMPLOYER),
        TestApp::visit(EMPLOYER),
        TestApp::visit(COLLEGE),
        TestApp::download(EMPLOYER, PROSPECTUS),
    ] {
        assert_eq!(app.record(&both.token, &interaction).await.status(), 201);
    }
    let employer_only = app.join_ok().await;
    app.record(&employer_only.token, &TestApp::visit(EMPLOYER))
        .await;
    let after = time::OffsetDateTime::now_utc();

    let report = app.report().await;
    let reach = shared::encounter::Reach {
        pupils_with_bm5: 2,
        pupils_with_bm7: 1,
        pupils_at_goal: 0,
    };
    assert_eq!(report.reach, reach);
    let minehead = report
        .schools
        .iter()
        .find(|s| s.school.as_str() == "minehead")
        .expect("minehead");
    assert_eq!(minehead.reach, reach);
    let year_9 = report
        .year_groups
        .iter()
        .find(|y| y.year_group.get() == 9)
        .expect("year 9");
    assert_eq!(year_9.reach, reach);

    let acme = report
        .exhibitors
        .iter()
        .find(|e| e.stand.as_str() == EMPLOYER)
        .expect("acme");
    assert_eq!(
        (acme.activity.visits, acme.activity.prospectus_downloads),
        (3, 1)
    );

    // All five interactions fall in the hour (or the two hours, if the
    // clock turned) the test ran in.
    let counted: u64 = report
        .interactions_by_hour
        .iter()
        .map(|h| h.interactions)
        .sum();
    assert_eq!(counted, 5);
    for hour in &report.interactions_by_hour {
        assert_eq!((hour.starts_at.minute(), hour.starts_at.second()), (0, 0));
        assert!(hour.starts_at > before - time::Duration::hours(1) && hour.starts_at <= after);
    }
}

#[tokio::test]
async fn an_exhibitors_figures_are_split_by_school_and_year_group_with_small_counts_hidden() {
    use shared::api::{Figure, StandFigures};
    let app = spawn_app().await;
    for _ in 0..5 {
        let pupil = app.join_ok().await;
        app.record(&pupil.token, &TestApp::visit(EMPLOYER)).await;
    }
    let watchet: shared::api::JoinedPupil = app
        .join(OTHER_JOIN_CODE, 12)
        .await
        .json()
        .await
        .expect("joined");
    app.record(&watchet.token, &TestApp::visit(EMPLOYER)).await;

    let exhibitor = app.token_for(&Caller::Exhibitor {
        fair: app.fair.clone(),
        stand: shared::domain::StandId::parse(EMPLOYER).expect("id"),
    });
    let path = format!("/api/fairs/{}/stands/{EMPLOYER}/figures", app.fair);
    let figures: StandFigures = app
        .get(&path, Some(&exhibitor))
        .await
        .json()
        .await
        .expect("figures");
    assert_eq!(figures.all.encounters, Figure::Exactly(6));
    let groups = |groups: &[shared::api::GroupFigures]| -> Vec<(String, Figure, Figure)> {
        groups
            .iter()
            .map(|g| (g.group.clone(), g.figures.encounters, g.figures.visits))
            .collect()
    };
    let few = Figure::FewerThan(5);
    assert_eq!(
        groups(&figures.by_school),
        [
            (
                "Minehead School".to_owned(),
                Figure::Exactly(5),
                Figure::Exactly(5)
            ),
            ("Watchet Academy".to_owned(), few, few),
        ]
    );
    let years = groups(&figures.by_year_group);
    assert_eq!(years.len(), 7, "years 7 to 13");
    assert_eq!(
        years[2],
        ("Year 9".to_owned(), Figure::Exactly(5), Figure::Exactly(5))
    );
    assert_eq!(years[5], ("Year 12".to_owned(), few, few));
    assert_eq!(years[0], ("Year 7".to_owned(), few, few));

    // The CSV has the same rows.
    let csv = app
        .get(&format!("{path}.csv"), Some(&exhibitor))
        .await
        .text()
        .await
        .expect("csv");
    assert!(csv.contains("\nMinehead School,5,5,5,"), "{csv}");
    assert!(csv.contains("\nYear 12,fewer than 5,"), "{csv}");

    // The college's stand had no one: no school rows at all.
    let college = app.token_for(&Caller::Exhibitor {
        fair: app.fair.clone(),
        stand: shared::domain::StandId::parse(COLLEGE).expect("id"),
    });
    let figures: StandFigures = app
        .get(
            &format!("/api/fairs/{}/stands/{COLLEGE}/figures", app.fair),
            Some(&college),
        )
        .await
        .json()
        .await
        .expect("figures");
    assert!(figures.by_school.is_empty());
}
