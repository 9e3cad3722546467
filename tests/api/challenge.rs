//! The My Futures challenge: the organiser sets the questions, a pupil
//! saves answers as they go, and a stage completed (about one stand) is one
//! interaction, once, counted towards that exhibitor's encounter. Bad
//! answers and incomplete stages are refused and change nothing.

use careers_api::auth::Caller;
use serde_json::json;
use shared::api::{ChallengeView, ErrorBody, ErrorCode, RecordInteraction};
use shared::domain::{ChallengeStage, InteractionKind, PupilId, StandId};
use tests::{COLLEGE, EMPLOYER, TestApp, spawn_app};

fn complete(pupil: &PupilId, stand: &str, stage: ChallengeStage) -> RecordInteraction {
    let stand = StandId::parse(stand).expect("stand");
    let kind = InteractionKind::ChallengeStage { stage };
    RecordInteraction {
        id: kind.once_only_id(pupil, &stand).expect("once only"),
        stand,
        kind,
    }
}

async fn challenge(app: &TestApp, token: &str) -> ChallengeView {
    let response = app
        .get(&format!("/api/fairs/{}/challenge", app.fair), Some(token))
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("challenge")
}

async fn save(app: &TestApp, token: &str, stage: &str, answers: serde_json::Value) -> u16 {
    app.put_json(
        &format!("/api/fairs/{}/me/challenge/{stage}", app.fair),
        &json!({ "answers": answers }),
        Some(token),
    )
    .await
    .status()
    .as_u16()
}

#[tokio::test]
async fn answers_save_as_they_go_and_each_completed_stage_counts_once() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let token = &pupil.token;

    let view = challenge(&app, token).await;
    assert_eq!(view.stages.len(), 3);
    assert_eq!(view.stages[2].prompts.len(), 2);
    assert!(view.stages.iter().all(|s| !s.completed));

    // Half of onward planning, saved; the stage cannot be completed yet.
    assert_eq!(
        save(
            &app,
            token,
            "onward_planning",
            json!(["Visit the college", null])
        )
        .await,
        204
    );
    let onward = complete(&pupil.pupil.id, COLLEGE, ChallengeStage::OnwardPlanning);
    let refused = app.record(token, &onward).await;
    assert_eq!(refused.status(), 409);
    let body: ErrorBody = refused.json().await.expect("error");
    assert_eq!(body.code, ErrorCode::ChallengeIncomplete);
    assert_eq!(app.interaction_count().await, 0, "nothing recorded");

    // Answered in full, from where it was left.
    let view = challenge(&app, token).await;
    assert_eq!(
        view.stages[2].answers[0].as_ref().map(|a| a.as_str()),
        Some("Visit the college")
    );
    assert_eq!(view.stages[2].answers[1], None);
    assert_eq!(
        save(
            &app,
            token,
            "onward_planning",
            json!(["Visit the college", "My tutor"])
        )
        .await,
        204
    );
    assert_eq!(app.record(token, &onward).await.status(), 201);
    // Completing it again: a replay. About another stand: refused, since
    // the stage was completed once, about the college.
    let elsewhere = complete(&pupil.pupil.id, EMPLOYER, ChallengeStage::OnwardPlanning);
    let refused = app.record(token, &elsewhere).await;
    assert_eq!(refused.status(), 409);
    let body: ErrorBody = refused.json().await.expect("error");
    assert_eq!(body.code, ErrorCode::InteractionIdReused);
    assert_eq!(app.record(token, &onward).await.status(), 200);

    assert_eq!(
        save(&app, token, "workplace_insight", json!(["Robots"])).await,
        204
    );
    let insight = complete(&pupil.pupil.id, EMPLOYER, ChallengeStage::WorkplaceInsight);
    assert_eq!(app.record(token, &insight).await.status(), 201);

    let view = challenge(&app, token).await;
    assert_eq!(view.completed(), 2);
    assert!(!view.stages[1].completed);
    let report = app.report().await;
    assert_eq!(report.totals.interactions, 2);
    assert_eq!(
        report.totals.encounters, 2,
        "one with the college, one with the employer"
    );
}

#[tokio::test]
async fn bad_answers_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let token = &pupil.token;
    assert_eq!(
        save(&app, token, "self_reflection", json!(["Drawing"])).await,
        204
    );
    let before = challenge(&app, token).await;

    let long = "x".repeat(1001);
    for (stage, answers) in [
        ("self_reflection", json!(["Drawing", "one too many"])),
        ("self_reflection", json!([])),
        ("self_reflection", json!([long])),
        ("self_reflection", json!(["   "])),
        ("self_reflection", json!([7])),
        ("daydreaming", json!(["Drawing"])),
    ] {
        let status = save(&app, token, stage, answers.clone()).await;
        assert!((400..500).contains(&status), "{stage} {answers}: {status}");
    }
    assert_eq!(challenge(&app, token).await, before);

    // Only pupils save answers, and only the organiser sets questions.
    let organiser = app.organiser_token();
    assert_eq!(
        save(&app, &organiser, "self_reflection", json!(["x"])).await,
        403
    );
    let questions = json!({
        "workplace_insight": ["What did you see?"],
        "self_reflection": ["What are you good at?"],
        "onward_planning": ["What next?"]
    });
    let path = format!("/api/fairs/{}/challenge", app.fair);
    assert_eq!(
        app.put_json(&path, &questions, Some(token)).await.status(),
        403
    );
    let exhibitor = app.token_for(&Caller::Exhibitor {
        fair: app.fair.clone(),
        stand: StandId::parse(EMPLOYER).expect("id"),
    });
    assert_eq!(
        app.put_json(&path, &questions, Some(&exhibitor))
            .await
            .status(),
        403
    );
    let no_questions = json!({
        "workplace_insight": [],
        "self_reflection": ["What are you good at?"],
        "onward_planning": ["What next?"]
    });
    assert_eq!(
        app.put_json(&path, &no_questions, Some(&organiser))
            .await
            .status(),
        422
    );
    assert_eq!(challenge(&app, token).await, before);
}

#[tokio::test]
async fn the_organiser_changes_the_questions_and_pupils_see_them() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let questions = json!({
        "workplace_insight": ["Which job surprised you?", "What tools did they use?"],
        "self_reflection": ["What are you good at?"],
        "onward_planning": ["What next?"]
    });
    let path = format!("/api/fairs/{}/challenge", app.fair);
    let set = app
        .put_json(&path, &questions, Some(&app.organiser_token()))
        .await;
    assert_eq!(set.status(), 204);
    let view = challenge(&app, &pupil.token).await;
    let prompts: Vec<&str> = view.stages[0].prompts.iter().map(|p| p.as_str()).collect();
    assert_eq!(
        prompts,
        ["Which job surprised you?", "What tools did they use?"]
    );
    assert_eq!(view.stages[0].answers, vec![None, None]);
}
