//! The engine is stopped mid-replay and comes back: clients retry with
//! back-off, and afterwards every total is exact.

use careers_api::demo;
use shared::domain::FairId;
use std::time::Duration;
use tests::engine::OwnEngine;
use tests::replay::{Progress, join_all, plan, reconcile, send_all};
use tests::spawn_app_on;

#[tokio::test]
async fn an_engine_stopped_mid_replay_loses_and_doubles_nothing() {
    let mut engine = OwnEngine::start().await;
    let app = spawn_app_on(&engine.endpoint()).await;
    let files = tempfile::tempdir().expect("files dir");
    let summary = demo::seed(&app.store, files.path()).await.expect("seed");
    let fair = FairId::parse(demo::DEMO_FAIR).expect("id");
    let plan = plan(11, &summary.schools, &summary.stands, 60, 600);
    let tokens = join_all(&app.http, &app.address, &fair, &plan, 8)
        .await
        .expect("joins");

    let progress = Progress::default();
    let replay = send_all(&app.http, &app.address, &fair, &plan, &tokens, 8, &progress);
    let crash = async {
        tokio::time::sleep(Duration::from_millis(1_000)).await;
        engine.stop().await;
        tokio::time::sleep(Duration::from_millis(1_000)).await;
        engine.restart().await;
    };
    let (outcome, ()) = tokio::join!(replay, crash);
    let outcome = outcome.expect("every interaction eventually went through");
    assert!(
        outcome.retries > 0,
        "the crash should have made some requests fail and retry"
    );

    let differences = reconcile(&app, &fair, &plan).await.expect("exports");
    assert!(
        differences.is_empty(),
        "totals drifted after the restart ({} interaction items stored of {} planned):\n{}",
        app.interaction_count().await,
        plan.unique_interactions,
        differences.join("\n")
    );
}
