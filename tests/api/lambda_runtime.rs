//! The real `api-lambda` binary (under `cargo xtask test`, the arm64
//! `bootstrap` from the Lambda package, run by QEMU), run as Lambda runs it:
//! it reads its signing key from Secrets Manager at start, polls a local
//! Runtime API for API Gateway events, answers them through the same router,
//! and writes to the local engine.

use careers_api::auth::{Caller, Tokens};
use careers_api::config::SigningKey;
use serde_json::json;
use std::time::Duration;
use tests::events::{http_api_event, response_body};
use tests::runtime_api::RuntimeApi;
use tests::{EMPLOYER, TestApp, function, secrets, spawn_app, test_signing_key};

/// A function with the settings the SAM template gives it: its signing key
/// is in a new secret, whose key is returned for minting tokens.
async fn start_with_secret_key(
    app: &TestApp,
    runtime: &RuntimeApi,
    capture_logs: bool,
) -> (tokio::process::Child, Tokens) {
    let key = format!("{}{}", uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
    let arn = secrets::create_secret(&key).await;
    let mut settings = vec![
        ("TABLE_NAME", Some(app.store.table_name().to_owned())),
        ("DYNAMODB_ENDPOINT", Some(app.endpoint.clone())),
        ("SIGNING_KEY_SECRET_ARN", Some(arn)),
    ];
    settings.extend(secrets::function_env());
    let function = function::start(&runtime.address, &settings, capture_logs);
    let tokens = Tokens::new(&SigningKey::parse(key).expect("key"));
    (function, tokens)
}

#[tokio::test]
async fn the_lambda_binary_joins_records_and_exports_through_the_runtime_api() {
    let app = spawn_app().await;
    let runtime = RuntimeApi::start().await;
    // Its logs are kept, to check that no pupil is named in them.
    let (mut function, tokens) = start_with_secret_key(&app, &runtime, true).await;
    let fair = app.fair.clone();
    let organiser = tokens
        .issue(
            &Caller::Organiser { fair: fair.clone() },
            time::Duration::hours(1),
        )
        .expect("token");

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
    let pupil = response_body(&joined)["pupil"].clone();

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

    let export_with = |token: &str| {
        http_api_event(
            "GET",
            &format!("/api/fairs/{fair}/exports/schools.csv"),
            None,
            Some(token),
        )
    };
    // Signed with another key than the secret's: refused.
    let refused = runtime
        .invoke(export_with(&app.organiser_token()))
        .await
        .expect("answered");
    assert_eq!(refused["statusCode"], 401, "{refused}");
    let export = runtime
        .invoke(export_with(&organiser))
        .await
        .expect("exported");
    assert_eq!(export["statusCode"], 200);
    assert_eq!(export["streamed"], true, "the export went out as a stream");
    let csv = export["body"].as_str().expect("CSV body");
    assert!(
        csv.lines()
            .any(|l| l == "minehead,Minehead School,1,1,1,1,1,0,1,0,0"),
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

    // The function logged the join, and nothing that names the pupil: not
    // their id, their fair name or their resume code.
    function.start_kill().expect("stop the function");
    let output = function.wait_with_output().await.expect("output");
    let logs = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(logs.contains("pupil joined"), "the logs were read: {logs}");
    for field in ["id", "pseudonym", "resume_code"] {
        let value = pupil[field].as_str().expect("a pupil's field");
        assert!(
            !logs.contains(value),
            "the logs hold the pupil's {field}: {logs}"
        );
    }
}

/// Starts the function with `settings`, expects it to stop by itself with
/// a failure before asking for any event, and returns what it logged.
async fn logs_of_a_failed_start(settings: &[(&str, Option<String>)]) -> String {
    let runtime = RuntimeApi::start().await;
    let function = function::start(&runtime.address, settings, true);
    let output = tokio::time::timeout(Duration::from_secs(60), function.wait_with_output())
        .await
        .expect("the function stops by itself")
        .expect("output");
    assert!(!output.status.success());
    assert!(
        runtime.first_next_at().is_none(),
        "it never asked for an event"
    );
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[tokio::test]
async fn a_function_missing_its_settings_fails_at_start_with_a_clear_log_line() {
    let logs = logs_of_a_failed_start(&[("SIGNING_KEY", Some(test_signing_key()))]).await;
    assert!(
        logs.contains("TABLE_NAME is not set"),
        "the log says what is missing: {logs}"
    );
}

#[tokio::test]
async fn a_function_whose_secret_cannot_be_read_fails_at_start_with_a_clear_log_line() {
    let app = spawn_app().await;
    let mut settings = vec![
        ("TABLE_NAME", Some(app.store.table_name().to_owned())),
        (
            "SIGNING_KEY_SECRET_ARN",
            Some("arn:aws:secretsmanager:eu-west-2:123456789012:secret:no-such-key".to_owned()),
        ),
    ];
    settings.extend(secrets::function_env());
    let logs = logs_of_a_failed_start(&settings).await;
    assert!(
        logs.contains("the signing key could not be read from Secrets Manager secret")
            && logs.contains("no-such-key"),
        "the log says which secret failed: {logs}"
    );
}

/// As CloudFront passes a join on: from its edge's address, with the
/// viewer's address and (when `verify` is given) the origin-verify value.
fn join_through_edge(fair: &str, viewer: &str, verify: Option<&str>) -> serde_json::Value {
    let wrong = json!({"join_code": "ABCD-EFGK", "year_group": 9});
    let mut event = http_api_event(
        "POST",
        &format!("/api/fairs/{fair}/pupils"),
        Some(wrong),
        None,
    );
    event["headers"]["x-viewer-address"] = json!(viewer);
    if let Some(verify) = verify {
        event["headers"]["x-origin-verify"] = json!(verify);
    }
    event
}

#[tokio::test]
async fn behind_cloudfront_wrong_codes_are_counted_per_viewer_not_per_edge() {
    let app = spawn_app().await;
    let runtime = RuntimeApi::start().await;
    let settings = [
        ("TABLE_NAME", Some(app.store.table_name().to_owned())),
        ("DYNAMODB_ENDPOINT", Some(app.endpoint.clone())),
        ("SIGNING_KEY", Some(test_signing_key())),
        ("ORIGIN_VERIFY", Some("stack-0123456789".to_owned())),
    ];
    let _function = function::start(&runtime.address, &settings, false);
    let fair = app.fair.to_string();
    let status = |answer: serde_json::Value| answer["statusCode"].as_u64().expect("status");

    let allowed = careers_api::throttle::FAILURES_ALLOWED;
    for _ in 0..allowed {
        let event = join_through_edge(&fair, "203.0.113.7", Some("stack-0123456789"));
        assert_eq!(status(runtime.invoke(event).await.expect("answer")), 422);
    }
    let event = join_through_edge(&fair, "203.0.113.7", Some("stack-0123456789"));
    let answer = runtime.invoke(event).await.expect("answer");
    assert_eq!(status(answer.clone()), 429, "{answer}");
    // Another pupil at the same edge is not held back.
    let event = join_through_edge(&fair, "198.51.100.20", Some("stack-0123456789"));
    assert_eq!(status(runtime.invoke(event).await.expect("answer")), 422);
    // A caller inventing viewer addresses without CloudFront's value is
    // counted under its own source address (the edge's here), and so
    // cannot escape the count by changing the header each time.
    for n in 0..allowed {
        let event = join_through_edge(&fair, &format!("192.0.2.{}", n + 10), None);
        assert_eq!(status(runtime.invoke(event).await.expect("answer")), 422);
    }
    let event = join_through_edge(&fair, "192.0.2.250", None);
    assert_eq!(status(runtime.invoke(event).await.expect("answer")), 429);
}
