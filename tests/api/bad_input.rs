//! Bad requests get a 4xx with a JSON error code and change nothing.

use shared::api::{ErrorBody, ErrorCode};
use tests::{EMPLOYER, spawn_app};

#[tokio::test]
async fn malformed_interaction_bodies_are_refused_and_write_nothing() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let before = app.item_count().await;
    let id = uuid::Uuid::new_v4();
    let huge = format!(
        r#"{{"id":"{id}","stand":"{EMPLOYER}","kind":{{"type":"visit"}},"pad":"{}"}}"#,
        "x".repeat(64 * 1024)
    );
    let cases: Vec<(String, &str, u16, ErrorCode, &str)> = vec![
        (
            "{not json".into(),
            "application/json",
            422,
            ErrorCode::InvalidBody,
            "syntax error",
        ),
        (
            r#"{"stand":"acme-engineering","kind":{"type":"visit"}}"#.into(),
            "application/json",
            422,
            ErrorCode::InvalidBody,
            "missing id",
        ),
        (
            format!(r#"{{"id":"not-a-uuid","stand":"{EMPLOYER}","kind":{{"type":"visit"}}}}"#),
            "application/json",
            422,
            ErrorCode::InvalidBody,
            "bad id",
        ),
        (
            format!(r#"{{"id":"{id}","stand":"Not A Slug","kind":{{"type":"visit"}}}}"#),
            "application/json",
            422,
            ErrorCode::InvalidBody,
            "bad stand id",
        ),
        (
            format!(r#"{{"id":"{id}","stand":"{EMPLOYER}","kind":{{"type":"teleport"}}}}"#),
            "application/json",
            422,
            ErrorCode::InvalidBody,
            "unknown kind",
        ),
        (
            format!(r#"{{"id":"{id}","stand":"{EMPLOYER}","kind":{{"type":"visit"}},"extra":1}}"#),
            "application/json",
            422,
            ErrorCode::InvalidBody,
            "unknown field",
        ),
        (
            format!(r#"{{"id":{id:?},"stand":42,"kind":{{"type":"visit"}}}}"#),
            "application/json",
            422,
            ErrorCode::InvalidBody,
            "wrong type",
        ),
        (
            format!(r#"{{"id":"{id}","stand":"{EMPLOYER}","kind":{{"type":"visit"}}}}"#),
            "text/plain",
            415,
            ErrorCode::UnsupportedMediaType,
            "not JSON content type",
        ),
        (
            huge,
            "application/json",
            413,
            ErrorCode::PayloadTooLarge,
            "64 KiB body",
        ),
    ];
    for (body, content_type, status, code, why) in cases {
        let response = app
            .http
            .post(app.url(&format!("/api/fairs/{}/interactions", app.fair)))
            .bearer_auth(&pupil.token)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("sent");
        assert_eq!(response.status().as_u16(), status, "{why}");
        let error: ErrorBody = response
            .json()
            .await
            .unwrap_or_else(|e| panic!("{why}: JSON error body: {e}"));
        assert_eq!(error.code, code, "{why}");
    }
    assert_eq!(app.item_count().await, before, "nothing was written");
}

#[tokio::test]
async fn unknown_api_paths_and_fairs_get_json_404s() {
    let app = spawn_app().await;
    for (path, code) in [
        ("/api/nothing-here", ErrorCode::NotFound),
        ("/api/fairs/no-such-fair", ErrorCode::UnknownFair),
        ("/api/fairs/Not%20A%20Slug", ErrorCode::NotFound),
    ] {
        let response = app.get(path, None).await;
        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(
            response.json::<ErrorBody>().await.expect("body").code,
            code,
            "{path}"
        );
    }
}
