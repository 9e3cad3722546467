//! Exhibitors get in by invitation: a link works once, for one stand, until
//! it expires or is withdrawn, and each refusal says which it was. Only the
//! organiser and the stand's own exhibitor make or withdraw invitations.

use careers_api::auth::Caller;
use shared::api::{AcceptInvite, ErrorBody, ErrorCode, Invite, SignedIn};
use shared::domain::{InviteId, StandId};
use tests::{COLLEGE, EMPLOYER, TestApp, spawn_app};

fn exhibitor(app: &TestApp, stand: &str) -> String {
    app.token_for(&Caller::Exhibitor {
        fair: app.fair.clone(),
        stand: StandId::parse(stand).expect("id"),
    })
}

async fn invite(app: &TestApp, stand: &str, token: &str) -> reqwest::Response {
    app.post_json(
        &format!("/api/fairs/{}/stands/{stand}/invites", app.fair),
        &serde_json::json!({}),
        Some(token),
    )
    .await
}

async fn accept(app: &TestApp, invite: InviteId) -> reqwest::Response {
    app.post_json(
        &format!("/api/fairs/{}/exhibitor-sessions", app.fair),
        &AcceptInvite { invite },
        None,
    )
    .await
}

async fn withdraw(app: &TestApp, stand: &str, invite: InviteId, token: &str) -> u16 {
    app.http
        .delete(app.url(&format!(
            "/api/fairs/{}/stands/{stand}/invites/{invite}",
            app.fair
        )))
        .bearer_auth(token)
        .send()
        .await
        .expect("sent")
        .status()
        .as_u16()
}

async fn refusal(response: reqwest::Response) -> (u16, ErrorCode) {
    let status = response.status().as_u16();
    let body: ErrorBody = response.json().await.expect("error body");
    (status, body.code)
}

#[tokio::test]
async fn an_invitation_signs_an_exhibitor_in_to_its_stand_once() {
    let app = spawn_app().await;
    let response = invite(&app, EMPLOYER, &app.organiser_token()).await;
    assert_eq!(response.status(), 201);
    let sent: Invite = response.json().await.expect("invite");
    assert_eq!(
        sent.path,
        format!("/fairs/{}/exhibitor#invite={}", app.fair, sent.id)
    );
    let in_days = (sent.expires_at - time::OffsetDateTime::now_utc()).whole_days();
    assert!((6..=7).contains(&in_days), "a week, not {in_days} days");

    let response = accept(&app, sent.id).await;
    assert_eq!(response.status(), 201);
    let signed_in: SignedIn = response.json().await.expect("signed in");
    let figures = |stand: &'static str| {
        let (app, token) = (&app, signed_in.token.clone());
        async move {
            app.get(
                &format!("/api/fairs/{}/stands/{stand}/figures", app.fair),
                Some(&token),
            )
            .await
            .status()
        }
    };
    assert_eq!(figures(EMPLOYER).await, 200, "their own stand");
    assert_eq!(figures(COLLEGE).await, 403, "not another stand");

    // Followed again (by them or anyone who saw the link): refused.
    assert_eq!(
        refusal(accept(&app, sent.id).await).await,
        (410, ErrorCode::InviteUsed)
    );

    // The exhibitor now in invites a colleague to the same stand, and only
    // to that stand.
    let colleague = invite(&app, EMPLOYER, &signed_in.token).await;
    assert_eq!(colleague.status(), 201);
    assert_eq!(invite(&app, COLLEGE, &signed_in.token).await.status(), 403);
}

#[tokio::test]
async fn withdrawn_expired_and_unknown_invitations_are_refused_each_with_its_reason() {
    let app = spawn_app().await;
    let organiser = app.organiser_token();
    let sent: Invite = invite(&app, EMPLOYER, &organiser)
        .await
        .json()
        .await
        .expect("invite");
    // Another stand's exhibitor cannot withdraw it, nor can it be
    // withdrawn as if for another stand.
    assert_eq!(
        withdraw(&app, EMPLOYER, sent.id, &exhibitor(&app, COLLEGE)).await,
        403
    );
    assert_eq!(withdraw(&app, COLLEGE, sent.id, &organiser).await, 404);
    assert_eq!(
        withdraw(&app, EMPLOYER, sent.id, &exhibitor(&app, EMPLOYER)).await,
        204
    );
    assert_eq!(
        withdraw(&app, EMPLOYER, sent.id, &organiser).await,
        204,
        "again: no change"
    );
    assert_eq!(
        refusal(accept(&app, sent.id).await).await,
        (410, ErrorCode::InviteWithdrawn)
    );

    let old = InviteId::new_random();
    let an_hour_ago = time::OffsetDateTime::now_utc() - time::Duration::hours(1);
    app.store
        .put_invite(
            &app.fair,
            &old,
            &StandId::parse(EMPLOYER).expect("id"),
            an_hour_ago,
        )
        .await
        .expect("an expired invitation");
    assert_eq!(
        refusal(accept(&app, old).await).await,
        (410, ErrorCode::InviteExpired)
    );
    assert_eq!(
        refusal(accept(&app, InviteId::new_random()).await).await,
        (404, ErrorCode::UnknownInvite)
    );

    // A used invitation cannot be withdrawn (it has done its work).
    let used: Invite = invite(&app, EMPLOYER, &organiser)
        .await
        .json()
        .await
        .expect("invite");
    assert_eq!(accept(&app, used.id).await.status(), 201);
    assert_eq!(withdraw(&app, EMPLOYER, used.id, &organiser).await, 410);
}

#[tokio::test]
async fn only_the_organiser_and_the_stands_exhibitor_invite_and_bad_requests_change_nothing() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let before = app.item_count().await;
    for token in [pupil.token.as_str(), &exhibitor(&app, COLLEGE)] {
        assert_eq!(invite(&app, EMPLOYER, token).await.status(), 403);
    }
    let unknown_stand = invite(&app, "no-such-stand", &app.organiser_token()).await;
    assert_eq!(unknown_stand.status(), 404);
    let malformed = app
        .post_json(
            &format!("/api/fairs/{}/exhibitor-sessions", app.fair),
            &serde_json::json!({ "invite": "not-a-uuid" }),
            None,
        )
        .await;
    assert_eq!(malformed.status(), 422);
    assert_eq!(app.item_count().await, before, "nothing was written");
}
