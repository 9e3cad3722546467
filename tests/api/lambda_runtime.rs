//! The real `api-lambda` binary, run as Lambda runs it: it polls a local
//! Runtime API for API Gateway events, answers them through the same router,
//! and writes to the local engine.

use serde_json::json;
use std::time::Duration;
use tests::events::{http_api_event, response_body};
use tests::runtime_api::RuntimeApi;
use tests::{EMPLOYER, function, spawn_app, test_signing_key};

#[tokio::test]
async fn the_lambda_binary_joins_records_and_exports_through_the_runtime_api() {
    let app = spawn_app().await;
    let runtime = RuntimeApi::start().await;
    let settings = [
        ("TABLE_NAME", Some(app.store.table_name().to_owned())),
        ("DYNAMODB_ENDPOINT", Some(app.endpoint.clone())),
        ("SIGNING_KEY", Some(test_signing_key())),
    ];
    let _function = function::start(&runtime.address, &settings, false);
    let fair = app.fair.clone();

    let join = json!({"join_code": "ABCD-EFGH", "year_group": 10});
    let joined = runtime
        .invoke(http_api_event(
            "POST",
            &format!("/api/fairs/{fair}/pupils"),
            Some(join),
            None,
        ))
        .await
        .expect("joined");
    assert_eq!(joined["statusCode"], 201, "{joined}");
    let token = response_body(&joined)["token"]
        .as_str()
        .expect("token")
        .to_owned();

    let visit = json!({"id": uuid::Uuid::new_v4(), "stand": EMPLOYER, "kind": {"type": "visit"}});
    let event = http_api_event(
        "POST",
        &format!("/api/fairs/{fair}/interactions"),
        Some(visit),
        Some(&token),
    );
    assert_eq!(
        runtime.invoke(event.clone()).await.expect("recorded")["statusCode"],
        201
    );
    assert_eq!(
        runtime.invoke(event).await.expect("replayed")["statusCode"],
        200
    );

    let export = http_api_event(
        "GET",
        &format!("/api/fairs/{fair}/exports/schools.csv"),
        None,
        Some(&app.organiser_token()),
    );
    let export = runtime.invoke(export).await.expect("exported");
    assert_eq!(export["statusCode"], 200);
    let csv = export["body"].as_str().expect("CSV body");
    assert!(
        csv.lines()
            .any(|l| l == "minehead,Minehead School,1,1,1,1,1,0"),
        "{csv}"
    );

    // What the function wrote is in the table the local server reads.
    let report = app.report().await;
    assert_eq!(
        (
            report.pupils_joined,
            report.totals.interactions,
            report.totals.encounters_bm5
        ),
        (1, 1, 1)
    );
}

#[tokio::test]
async fn a_function_missing_its_settings_fails_at_start_with_a_clear_log_line() {
    let runtime = RuntimeApi::start().await;
    let settings = [("SIGNING_KEY", Some(test_signing_key()))];
    let function = function::start(&runtime.address, &settings, true);
    let output = tokio::time::timeout(Duration::from_secs(20), function.wait_with_output())
        .await
        .expect("the function stops at once")
        .expect("output");
    assert!(!output.status.success());
    let logs = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        logs.contains("TABLE_NAME is not set"),
        "the log says what is missing: {logs}"
    );
    assert!(
        runtime.first_next_at().is_none(),
        "it never asked for an event"
    );
}
