//! An exhibitor writes their stand: pupils then see the new words, with
//! the stand's videos and prospectuses kept; bad words are refused with the
//! field named and change nothing; only the stand's exhibitor and the
//! organiser may save.

use careers_api::auth::Caller;
use shared::api::{ErrorBody, LinkInput, StandContent};
use shared::domain::StandId;
use tests::{COLLEGE, EMPLOYER, TestApp, spawn_app};

fn exhibitor(app: &TestApp, stand: &str) -> String {
    app.token_for(&Caller::Exhibitor {
        fair: app.fair.clone(),
        stand: StandId::parse(stand).expect("id"),
    })
}

async fn save(
    app: &TestApp,
    stand: &str,
    content: &StandContent,
    token: &str,
) -> reqwest::Response {
    app.http
        .put(app.url(&format!("/api/fairs/{}/stands/{stand}/content", app.fair)))
        .bearer_auth(token)
        .json(content)
        .send()
        .await
        .expect("sent")
}

#[tokio::test]
async fn an_exhibitors_words_reach_pupils_and_bad_ones_change_nothing() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let before = app.stand_detail(EMPLOYER, &pupil.token).await;
    let mut content = StandContent::from(&before);
    content.about = "We design wind turbines.\nCome and ask us how.".into();
    content.sectors = vec!["Engineering".into(), "Energy".into()];
    content.links.push(LinkInput {
        title: "Apprenticeships".into(),
        url: "https://example.org/apprenticeships".into(),
    });
    let token = exhibitor(&app, EMPLOYER);
    assert_eq!(save(&app, EMPLOYER, &content, &token).await.status(), 204);

    let after = app.stand_detail(EMPLOYER, &pupil.token).await;
    assert_eq!(
        after.about,
        "We design wind turbines.\nCome and ask us how."
    );
    assert_eq!(after.summary.sectors, ["Engineering", "Energy"]);
    assert_eq!(after.links.len(), 2);
    assert_eq!(after.videos, before.videos, "videos are kept");
    assert_eq!(
        after.prospectuses, before.prospectuses,
        "prospectuses are kept"
    );

    // A link that is not https, and too many sectors: refused, nothing changed.
    let items = app.item_count().await;
    let mut bad = content.clone();
    bad.links[1].url = "javascript:alert(1)".into();
    let refused = save(&app, EMPLOYER, &bad, &token).await;
    assert_eq!(refused.status(), 422);
    let error: ErrorBody = refused.json().await.expect("error");
    assert!(error.message.starts_with("link 2:"), "{}", error.message);
    let mut crowded = content.clone();
    crowded.sectors = (1..=6).map(|i| format!("Sector {i}")).collect();
    assert_eq!(save(&app, EMPLOYER, &crowded, &token).await.status(), 422);
    let unknown_field = app
        .http
        .put(app.url(&format!(
            "/api/fairs/{}/stands/{EMPLOYER}/content",
            app.fair
        )))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "name": "Acme", "html": "<script>" }))
        .send()
        .await
        .expect("sent");
    assert_eq!(unknown_field.status(), 422);
    assert_eq!(
        app.stand_detail(EMPLOYER, &pupil.token).await,
        after,
        "the stand is as it was"
    );
    assert_eq!(app.item_count().await, items, "nothing was written");
}

#[tokio::test]
async fn only_the_stands_exhibitor_and_the_organiser_save_its_words() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let content = StandContent::from(&app.stand_detail(EMPLOYER, &pupil.token).await);
    for token in [pupil.token.as_str(), &exhibitor(&app, COLLEGE)] {
        assert_eq!(save(&app, EMPLOYER, &content, token).await.status(), 403);
    }
    assert_eq!(
        save(&app, EMPLOYER, &content, &app.organiser_token())
            .await
            .status(),
        204
    );
    assert_eq!(
        save(&app, "no-such-stand", &content, &app.organiser_token())
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn the_organiser_sees_what_each_stand_still_needs() {
    let app = spawn_app().await;
    let organiser = app.organiser_token();
    let readiness = |token: String| {
        let app = &app;
        async move {
            app.get(&format!("/api/fairs/{}/readiness", app.fair), Some(&token))
                .await
        }
    };
    let ready: Vec<shared::api::StandReadiness> = readiness(organiser.clone())
        .await
        .json()
        .await
        .expect("list");
    assert_eq!(ready.len(), 2);
    assert!(
        ready.iter().all(|stand| stand.missing.is_empty()),
        "{ready:?}"
    );

    // The employer's words are emptied: the organiser sees what is missing.
    let pupil = app.join_ok().await;
    let mut content = StandContent::from(&app.stand_detail(EMPLOYER, &pupil.token).await);
    content.about = String::new();
    content.sectors.clear();
    let token = exhibitor(&app, EMPLOYER);
    assert_eq!(save(&app, EMPLOYER, &content, &token).await.status(), 204);
    let now: Vec<shared::api::StandReadiness> =
        readiness(organiser).await.json().await.expect("list");
    let acme = now
        .iter()
        .find(|stand| stand.stand.as_str() == EMPLOYER)
        .expect("acme");
    assert_eq!(
        acme.missing,
        ["Some words about you", "At least one sector"]
    );
    assert_eq!(
        readiness(token).await.status(),
        403,
        "exhibitors see their own"
    );
}

#[tokio::test]
async fn the_organiser_imports_exhibitors_all_or_nothing() {
    let app = spawn_app().await;
    let organiser = app.organiser_token();
    let path = format!("/api/fairs/{}/stands/import", app.fair);
    let before = app.item_count().await;
    let bad = "name,kind,sectors\nSomerset Care,employer,Health\nWest Somerset College,charity,\nAcme Engineering,employer,\n";
    let refused = app.post_csv(&path, bad, Some(&organiser)).await;
    assert_eq!(refused.status(), 422);
    let error: ErrorBody = refused.json().await.expect("error");
    assert!(
        error.message.contains("row 3: kind must be one of"),
        "{}",
        error.message
    );
    assert!(
        error
            .message
            .contains("row 4: Acme Engineering is already in this fair"),
        "{}",
        error.message
    );
    assert_eq!(app.item_count().await, before, "nothing was written");

    let good =
        "Name,Kind,Sectors\nSomerset Care,Employer,Health; Care\nWest Somerset College,college,\n";
    assert_eq!(
        app.post_csv(&path, good, Some(&exhibitor(&app, EMPLOYER)))
            .await
            .status(),
        403
    );
    let response = app.post_csv(&path, good, Some(&organiser)).await;
    assert_eq!(response.status(), 201);
    let added: Vec<shared::api::StandSummary> = response.json().await.expect("stands");
    let ids: Vec<&str> = added.iter().map(|stand| stand.id.as_str()).collect();
    assert_eq!(ids, ["somerset-care", "west-somerset-college"]);
    assert_eq!(added[0].sectors, ["Health", "Care"]);

    // Pupils see them in the hall; the organiser sees what they still need.
    let pupil = app.join_ok().await;
    let hall: Vec<shared::api::StandSummary> = app
        .get(
            &format!("/api/fairs/{}/stands", app.fair),
            Some(&pupil.token),
        )
        .await
        .json()
        .await
        .expect("hall");
    assert_eq!(hall.len(), 4);
    let readiness: Vec<shared::api::StandReadiness> = app
        .get(
            &format!("/api/fairs/{}/readiness", app.fair),
            Some(&organiser),
        )
        .await
        .json()
        .await
        .expect("readiness");
    let care = readiness
        .iter()
        .find(|stand| stand.stand.as_str() == "somerset-care")
        .expect("care");
    assert_eq!(
        care.missing,
        ["A logo", "Some words about you", "A video or a prospectus"]
    );
}
