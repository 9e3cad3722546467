//! Payload format 2.0 events (a function URL's, as API Gateway's HTTP API), as AWS hands them to
//! the function.

use serde_json::{Value, json};

pub fn http_api_event(method: &str, path: &str, body: Option<Value>, token: Option<&str>) -> Value {
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

/// The JSON body of a Lambda proxy response.
pub fn response_body(response: &Value) -> Value {
    serde_json::from_str(response["body"].as_str().expect("a body")).expect("a JSON body")
}
