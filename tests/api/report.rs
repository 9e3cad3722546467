use tests::{EMPLOYER, PROSPECTUS, TestApp, spawn_app};

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
