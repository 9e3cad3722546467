//! Organisers sign in with an email address and a password (stored as an
//! argon2id hash); wrong guesses are answered alike and, repeated, lock the
//! account for a while.

use careers_api::service::organiser::add_organiser;
use serde_json::json;
use shared::api::{ErrorBody, ErrorCode, SignedIn};
use shared::domain::Email;
use tests::{TestApp, spawn_app};

const EMAIL: &str = "ann.organiser@west-somerset.example";
const PASSWORD: &str = "a long enough passphrase";

async fn app_with_organiser() -> TestApp {
    let app = spawn_app().await;
    let email = Email::parse(EMAIL).expect("email");
    add_organiser(&app.store, &app.fair, &email, PASSWORD)
        .await
        .expect("organiser added");
    app
}

async fn sign_in(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    let path = format!("/api/fairs/{}/organiser-sessions", app.fair);
    app.post_json(&path, &json!({"email": email, "password": password}), None)
        .await
}

async fn error(response: reqwest::Response) -> (u16, ErrorBody) {
    let status = response.status().as_u16();
    (status, response.json().await.expect("error body"))
}

#[tokio::test]
async fn an_organiser_signs_in_and_the_token_opens_the_report() {
    let app = app_with_organiser().await;
    // Addresses are matched whatever their case and surrounding spaces.
    let response = sign_in(&app, " Ann.Organiser@West-Somerset.example", PASSWORD).await;
    assert_eq!(response.status(), 201);
    let signed_in: SignedIn = response.json().await.expect("signed in");
    assert_eq!(signed_in.expires_in, 12 * 3600);
    let report = app
        .get(
            &format!("/api/fairs/{}/report", app.fair),
            Some(&signed_in.token),
        )
        .await;
    assert_eq!(report.status(), 200);
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_address_get_the_same_answer() {
    let app = app_with_organiser().await;
    let wrong = error(sign_in(&app, EMAIL, "not the passphrase").await).await;
    let unknown = error(sign_in(&app, "nobody@school.example", PASSWORD).await).await;
    assert_eq!(wrong.0, 401);
    assert_eq!(wrong.1.code, ErrorCode::InvalidCredentials);
    assert_eq!(wrong, unknown);
}

#[tokio::test]
async fn repeated_wrong_passwords_lock_the_account_even_against_the_right_one() {
    let app = app_with_organiser().await;
    for attempt in 1..=4 {
        let (status, _) = error(sign_in(&app, EMAIL, "guess").await).await;
        assert_eq!(status, 401, "attempt {attempt} is refused, not yet locked");
    }
    let fifth = sign_in(&app, EMAIL, "guess").await;
    assert_eq!(fifth.status(), 429);
    assert_eq!(fifth.headers()["retry-after"], "30");

    let right = sign_in(&app, EMAIL, PASSWORD).await;
    assert_eq!(right.status(), 429, "no password is checked while locked");
    let retry_after: u64 = right.headers()["retry-after"]
        .to_str()
        .expect("header")
        .parse()
        .expect("seconds");
    assert!((1..=30).contains(&retry_after), "{retry_after}");
    let (_, body) = error(right).await;
    assert_eq!(body.code, ErrorCode::TooManyRequests);
}

#[tokio::test]
async fn malformed_sign_ins_are_refused_and_change_nothing() {
    let app = app_with_organiser().await;
    let before = app.item_count().await;
    let path = format!("/api/fairs/{}/organiser-sessions", app.fair);
    for (body, code) in [
        (
            json!({"email": "ann", "password": PASSWORD}),
            ErrorCode::InvalidField,
        ),
        (
            json!({"email": EMAIL, "password": ""}),
            ErrorCode::InvalidField,
        ),
        (
            json!({"email": EMAIL, "password": "p".repeat(129)}),
            ErrorCode::InvalidField,
        ),
        (json!({"email": EMAIL}), ErrorCode::InvalidBody),
        (
            json!({"email": EMAIL, "password": PASSWORD, "admin": true}),
            ErrorCode::InvalidBody,
        ),
    ] {
        let (status, error) = error(app.post_json(&path, &body, None).await).await;
        assert_eq!((status, error.code), (422, code), "{body}");
    }
    let unknown_fair = sign_in_to(&app, "no-such-fair").await;
    assert_eq!(unknown_fair.0, 404);
    assert_eq!(app.item_count().await, before);
    // None of them counted as a failed attempt.
    assert_eq!(sign_in(&app, EMAIL, PASSWORD).await.status(), 201);
}

async fn sign_in_to(app: &TestApp, fair: &str) -> (u16, ErrorBody) {
    let path = format!("/api/fairs/{fair}/organiser-sessions");
    let body = json!({"email": EMAIL, "password": PASSWORD});
    error(app.post_json(&path, &body, None).await).await
}

#[tokio::test]
async fn accounts_need_a_long_enough_password() {
    let app = spawn_app().await;
    let email = Email::parse(EMAIL).expect("email");
    let short = add_organiser(&app.store, &app.fair, &email, "short").await;
    assert!(short.is_err());
    assert_eq!(error(sign_in(&app, EMAIL, "short").await).await.0, 401);
}
