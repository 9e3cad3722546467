use serde_json::Value;
use shared::api::{ErrorBody, ErrorCode, JoinedPupil};
use tests::{CLOSED_FAIR, OTHER_JOIN_CODE, spawn_app};

#[tokio::test]
async fn pupil_joins_with_a_school_code_and_gets_a_pseudonym_and_token() {
    let app = spawn_app().await;
    let response = app.join("abcd efgh", 9).await;
    assert_eq!(response.status(), 201);
    let joined: JoinedPupil = response.json().await.expect("body");
    assert_eq!(joined.pupil.school_name.as_str(), "Minehead School");
    assert_eq!(joined.pupil.year_group.get(), 9);
    assert_eq!(joined.pupil.pseudonym.as_str().split(' ').count(), 2);

    let me = app
        .get(&format!("/api/fairs/{}/me", app.fair), Some(&joined.token))
        .await;
    assert_eq!(me.status(), 200, "the token signs the pupil in");
    let report = app.report().await;
    assert_eq!(report.pupils_joined, 1);
    assert_eq!(report.totals.pupils_attended, 0, "joining is not attending");
}

#[tokio::test]
async fn pupils_are_counted_against_their_own_school() {
    let app = spawn_app().await;
    app.join_ok().await;
    assert_eq!(app.join(OTHER_JOIN_CODE, 12).await.status(), 201);
    let report = app.report().await;
    let joined: Vec<_> = report
        .schools
        .iter()
        .map(|s| (s.school.as_str(), s.pupils_joined))
        .collect();
    assert_eq!(joined, [("minehead", 1), ("watchet", 1)]);
}

#[tokio::test]
async fn a_wrong_join_code_is_refused_and_creates_no_pupil() {
    let app = spawn_app().await;
    let before = app.item_count().await;
    let cases = [
        (
            "ABCD-EFGK",
            9,
            ErrorCode::UnknownJoinCode,
            "well-formed but unknown code",
        ),
        ("nope", 9, ErrorCode::InvalidField, "too short"),
        (
            "ABCD-EFG0",
            9,
            ErrorCode::InvalidField,
            "look-alike character",
        ),
        (
            "ABCD-EFGH",
            6,
            ErrorCode::InvalidField,
            "primary-school year group",
        ),
    ];
    for (code, year, expected, why) in cases {
        let response = app.join(code, year).await;
        assert_eq!(response.status(), 422, "{why}");
        let error: ErrorBody = response.json().await.expect("error body");
        assert_eq!(error.code, expected, "{why}");
        assert!(!error.message.is_empty(), "{why}");
    }
    assert_eq!(
        app.item_count().await,
        before + 1,
        "nothing was written but the address's count of failed attempts"
    );
}

#[tokio::test]
async fn joining_an_unknown_or_closed_fair_is_refused() {
    let app = spawn_app().await;
    let body = serde_json::json!({"join_code": "ABCD-EFGH", "year_group": 9});
    let unknown = app
        .post_json("/api/fairs/no-such-fair/pupils", &body, None)
        .await;
    assert_eq!(unknown.status(), 404);
    let closed = app
        .post_json(&format!("/api/fairs/{CLOSED_FAIR}/pupils"), &body, None)
        .await;
    assert_eq!(closed.status(), 409);
    let error: Value = closed.json().await.expect("body");
    assert_eq!(error["code"], "fair_not_open");
}

#[tokio::test]
async fn a_pupil_carries_on_with_their_resume_code_as_typed_by_hand() {
    let app = spawn_app().await;
    let joined = app.join_ok().await;
    let other = app.join_ok().await;
    assert_ne!(joined.pupil.resume_code, other.pupil.resume_code);
    // Written down and typed back in capitals, with spaces.
    let typed = joined
        .pupil
        .resume_code
        .as_str()
        .replace('-', "  ")
        .to_uppercase();
    let response = app
        .post_json(
            &format!("/api/fairs/{}/pupil-sessions", app.fair),
            &serde_json::json!({ "resume_code": typed }),
            None,
        )
        .await;
    assert_eq!(response.status(), 200);
    let resumed: JoinedPupil = response.json().await.expect("body");
    assert_eq!(resumed.pupil, joined.pupil, "the same pupil, not a new one");
    let me: shared::api::PupilRecord = app
        .get(&format!("/api/fairs/{}/me", app.fair), Some(&resumed.token))
        .await
        .json()
        .await
        .expect("record");
    assert_eq!(me.pupil.resume_code, joined.pupil.resume_code);
    assert_eq!(
        app.report().await.pupils_joined,
        2,
        "resuming is not joining"
    );
}

#[tokio::test]
async fn a_wrong_or_malformed_resume_code_is_refused_and_writes_nothing() {
    let app = spawn_app().await;
    let joined = app.join_ok().await;
    let before = app.item_count().await;
    let unused = if joined.pupil.resume_code.as_str() == "acorn-acorn-acorn-acorn" {
        "apple apple apple apple"
    } else {
        "acorn acorn acorn acorn"
    };
    for (code, status, error, why) in [
        (unused, 422, ErrorCode::UnknownResumeCode, "nobody's code"),
        ("acorn acorn", 422, ErrorCode::InvalidField, "too few words"),
        (
            "acorn acorn acorn acornn",
            422,
            ErrorCode::InvalidField,
            "misspelt word",
        ),
    ] {
        let response = app
            .post_json(
                &format!("/api/fairs/{}/pupil-sessions", app.fair),
                &serde_json::json!({ "resume_code": code }),
                None,
            )
            .await;
        assert_eq!(response.status(), status, "{why}");
        let body: ErrorBody = response.json().await.expect("body");
        assert_eq!(body.code, error, "{why}: {}", body.message);
    }
    assert_eq!(
        app.item_count().await,
        before + 1,
        "nothing was written but the address's count of failed attempts"
    );
}

#[tokio::test]
async fn repeated_wrong_codes_from_one_address_are_slowed_down_and_others_are_not() {
    let app = spawn_app().await;
    let allowed = careers_api::throttle::FAILURES_ALLOWED;
    for _ in 0..allowed {
        assert_eq!(app.join("ABCD-EFGK", 9).await.status(), 422);
    }
    // The next attempt is refused whatever it is, a right code included.
    let response = app.join(tests::JOIN_CODE, 9).await;
    assert_eq!(response.status(), 429);
    let retry_after: u64 = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((1..=600).contains(&retry_after), "{retry_after}");
    let body: ErrorBody = response.json().await.expect("body");
    assert_eq!(body.code, ErrorCode::TooManyRequests);
    let resume = app
        .post_json(
            &format!("/api/fairs/{}/pupil-sessions", app.fair),
            &serde_json::json!({ "resume_code": "acorn acorn acorn acorn" }),
            None,
        )
        .await;
    assert_eq!(resume.status(), 429, "resume codes share the count");
    assert_eq!(app.report().await.pupils_joined, 0, "no one joined");

    // Another address (127.0.0.2 is also this machine) is not slowed.
    let other = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
        .build()
        .expect("client");
    let response = other
        .post(app.url(&format!("/api/fairs/{}/pupils", app.fair)))
        .json(&serde_json::json!({ "join_code": tests::JOIN_CODE, "year_group": 9 }))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 201);
}
