//! A small replay of a synthetic fair (the demo's 60 stands and schools),
//! with retries and reordering: the exports must match the totals computed
//! independently from the plan, exactly.

use careers_api::demo;
use shared::domain::FairId;
use tests::replay::{Progress, join_all, plan, reconcile, send_all};
use tests::spawn_app;

#[tokio::test]
async fn a_small_fair_replayed_with_retries_reconciles_exactly_with_the_exports() {
    let app = spawn_app().await;
    let files = tempfile::tempdir().expect("files dir");
    let summary = demo::seed(&app.store, files.path())
        .await
        .expect("seed the demo fair");
    let fair = FairId::parse(demo::DEMO_FAIR).expect("id");
    let plan = plan(7, &summary.schools, &summary.stands, 300, 1_500);
    // Five interactions a pupil on average: some pupils reach four
    // encounters and some do not, so that line is tested both ways.
    let fair_wide = plan.expected.schools.values();
    let (joined, with_four): (u64, u64) = fair_wide.fold((0, 0), |(j, f), school| {
        (j + school.joined, f + school.with_four)
    });
    assert!(
        0 < with_four && with_four < joined,
        "{with_four} of {joined}"
    );

    let tokens = join_all(&app.http, &app.address, &fair, &plan, 16)
        .await
        .expect("joins");
    let outcome = send_all(
        &app.http,
        &app.address,
        &fair,
        &plan,
        &tokens,
        16,
        &Progress::default(),
    )
    .await
    .expect("replay");
    assert_eq!(
        outcome.created, plan.unique_interactions,
        "each interaction recorded once"
    );
    assert_eq!(outcome.created + outcome.replayed, plan.sends.len());

    let differences = reconcile(&app, &fair, &plan).await.expect("exports");
    assert!(
        differences.is_empty(),
        "the exports disagree with the plan:\n{}",
        differences.join("\n")
    );
}
