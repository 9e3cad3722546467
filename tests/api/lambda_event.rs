//! The Lambda path: an API Gateway HTTP API (v2) event goes through
//! lambda_http's adapter (what `lambda_http::run` calls for each event) into
//! the same router, and the answer comes back as API Gateway expects it.

use lambda_http::lambda_runtime::{Context, LambdaEvent};
use lambda_http::request::LambdaRequest;
use lambda_http::tower::ServiceExt;
use serde_json::{Value, json};
use tests::events::http_api_event;
use tests::spawn_app;

async fn invoke(app: &tests::TestApp, event: Value) -> Value {
    let request: LambdaRequest = serde_json::from_value(event).expect("a valid HTTP API event");
    let handler = lambda_http::Adapter::from(careers_api::app(app.state.clone()));
    let response = handler
        .oneshot(LambdaEvent::new(request, Context::default()))
        .await
        .expect("handled");
    serde_json::to_value(response).expect("serialisable response")
}

#[tokio::test]
async fn api_gateway_events_join_record_and_report_through_the_lambda_handler() {
    let app = spawn_app().await;
    let fair = app.fair.clone();
    let joined = invoke(
        &app,
        http_api_event(
            "POST",
            &format!("/api/fairs/{fair}/pupils"),
            Some(json!({"join_code": "ABCD-EFGH", "year_group": 8})),
            None,
        ),
    )
    .await;
    assert_eq!(joined["statusCode"], 201, "{joined}");
    let body: Value = serde_json::from_str(joined["body"].as_str().expect("body")).expect("json");
    let token = body["token"].as_str().expect("token").to_owned();

    let visit =
        json!({"id": uuid::Uuid::new_v4(), "stand": tests::EMPLOYER, "kind": {"type": "visit"}});
    let event = http_api_event(
        "POST",
        &format!("/api/fairs/{fair}/interactions"),
        Some(visit),
        Some(&token),
    );
    let recorded = invoke(&app, event.clone()).await;
    assert_eq!(recorded["statusCode"], 201, "{recorded}");
    let replayed = invoke(&app, event).await;
    assert_eq!(
        replayed["statusCode"], 200,
        "a replayed event is not counted again"
    );

    let report = invoke(
        &app,
        http_api_event(
            "GET",
            &format!("/api/fairs/{fair}/report"),
            None,
            Some(&app.organiser_token()),
        ),
    )
    .await;
    assert_eq!(report["statusCode"], 200);
    let report: Value = serde_json::from_str(report["body"].as_str().expect("body")).expect("json");
    assert_eq!(report["totals"]["interactions"], 1);
    assert_eq!(report["totals"]["encounters_bm5"], 1);

    let refused = invoke(
        &app,
        http_api_event("GET", &format!("/api/fairs/{fair}/report"), None, None),
    )
    .await;
    assert_eq!(refused["statusCode"], 401);
    assert!(
        refused["body"]
            .as_str()
            .expect("body")
            .contains("missing_token")
    );
}
