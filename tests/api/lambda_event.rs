//! The Lambda path: an API Gateway HTTP API (v2) event goes through
//! lambda_http's adapter (what `lambda_http::run` calls for each event) into
//! the same router, and the answer comes back as API Gateway expects it.

use lambda_http::lambda_runtime::{Context, LambdaEvent};
use lambda_http::request::LambdaRequest;
use lambda_http::tower::ServiceExt;
use serde_json::{Value, json};
use tests::spawn_app;

fn http_api_event(method: &str, path: &str, body: Option<Value>, token: Option<&str>) -> Value {
    let mut headers = json!({"content-type": "application/json", "host": "abc123.execute-api.eu-west-2.amazonaws.com"});
    if let Some(token) = token {
        headers["authorization"] = json!(format!("Bearer {token}"));
    }
    json!({
        "version": "2.0",
        "routeKey": "ANY /api/{proxy+}",
        "rawPath": path,
        "rawQueryString": "",
        "headers": headers,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "abc123",
            "domainName": "abc123.execute-api.eu-west-2.amazonaws.com",
            "domainPrefix": "abc123",
            "http": {"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "192.0.2.1", "userAgent": "test"},
            "requestId": "request-1",
            "routeKey": "ANY /api/{proxy+}",
            "stage": "$default",
            "time": "23/Nov/2026:17:00:00 +0000",
            "timeEpoch": 1795453200000u64
        },
        "body": body.map(|b| b.to_string()),
        "isBase64Encoded": false
    })
}

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
