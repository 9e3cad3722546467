//! Questions at a stand: asked once however often sent, seen by the asker
//! and (once published) by everyone without the asker, answered only by
//! the stand's exhibitor, and refused cleanly when malformed.

use careers_api::auth::Caller;
use shared::api::{
    AnswerRequest, ErrorBody, ErrorCode, Figure, InboxQuestion, QuestionState, StandFigures,
    StandQuestion,
};
use shared::domain::{InteractionId, StandId};
use tests::{COLLEGE, EMPLOYER, TestApp, spawn_app};

fn exhibitor(app: &TestApp, stand: &str) -> String {
    app.token_for(&Caller::Exhibitor {
        fair: app.fair.clone(),
        stand: StandId::parse(stand).expect("id"),
    })
}

fn stand_path(app: &TestApp, stand: &str, rest: &str) -> String {
    format!("/api/fairs/{}/stands/{stand}{rest}", app.fair)
}

async fn pupil_view(app: &TestApp, token: &str) -> Vec<StandQuestion> {
    let response = app
        .get(&stand_path(app, EMPLOYER, "/questions"), Some(token))
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("questions")
}

async fn inbox(app: &TestApp) -> Vec<InboxQuestion> {
    let response = app
        .get(
            &stand_path(app, EMPLOYER, "/inbox"),
            Some(&exhibitor(app, EMPLOYER)),
        )
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("inbox")
}

async fn answer(app: &TestApp, id: InteractionId, text: &str, publish: bool) -> reqwest::Response {
    let body = AnswerRequest {
        answer: text.into(),
        publish,
    };
    app.put_json(
        &stand_path(app, EMPLOYER, &format!("/questions/{id}/answer")),
        &body,
        Some(&exhibitor(app, EMPLOYER)),
    )
    .await
}

#[tokio::test]
async fn a_question_is_asked_once_answered_by_the_exhibitor_and_published_without_the_asker() {
    let app = spawn_app().await;
    let asker = app.join_ok().await;
    let other = app.join_ok().await;
    let question = TestApp::question(EMPLOYER, "  Do you take apprentices at 16?  ");
    assert_eq!(app.record(&asker.token, &question).await.status(), 201);
    assert_eq!(
        app.record(&asker.token, &question).await.status(),
        200,
        "a retry is a replay"
    );

    let waiting = inbox(&app).await;
    assert_eq!(waiting.len(), 1, "stored once");
    assert_eq!(waiting[0].text, "Do you take apprentices at 16?");
    assert_eq!(waiting[0].pseudonym, asker.pupil.pseudonym);
    assert_eq!(waiting[0].school_name.as_str(), "Minehead School");
    assert_eq!(waiting[0].state, QuestionState::Waiting);

    let mine = pupil_view(&app, &asker.token).await;
    assert_eq!(mine.len(), 1);
    assert!(mine[0].mine && mine[0].answer.is_none());
    assert!(
        pupil_view(&app, &other.token).await.is_empty(),
        "others do not see an unanswered question"
    );

    let response = answer(&app, question.id, "Yes: our scheme starts at 16.", false).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        pupil_view(&app, &asker.token).await[0].answer.as_deref(),
        Some("Yes: our scheme starts at 16.")
    );
    assert!(
        pupil_view(&app, &other.token).await.is_empty(),
        "a private answer is for the asker only"
    );

    assert_eq!(
        answer(&app, question.id, "Yes, from 16.", true)
            .await
            .status(),
        200
    );
    let seen = app
        .get(
            &stand_path(&app, EMPLOYER, "/questions"),
            Some(&other.token),
        )
        .await
        .text()
        .await
        .expect("body");
    assert!(!seen.contains(asker.pupil.pseudonym.as_str()), "{seen}");
    let seen: Vec<StandQuestion> = serde_json::from_str(&seen).expect("json");
    assert_eq!(seen.len(), 1);
    assert!(!seen[0].mine);
    assert_eq!(seen[0].state, QuestionState::Published);
    assert_eq!(seen[0].answer.as_deref(), Some("Yes, from 16."));

    let report = app.report().await;
    assert_eq!(
        (report.totals.interactions, report.totals.encounters),
        (1, 1)
    );
    let figures: StandFigures = app
        .get(
            &stand_path(&app, EMPLOYER, "/figures"),
            Some(&exhibitor(&app, EMPLOYER)),
        )
        .await
        .json()
        .await
        .expect("figures");
    assert_eq!(figures.all.questions, Figure::FewerThan(5));
}

#[tokio::test]
async fn only_the_stands_exhibitor_or_the_organiser_reads_and_answers_its_questions() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let question = TestApp::question(EMPLOYER, "What is a typical day like?");
    assert_eq!(app.record(&pupil.token, &question).await.status(), 201);
    let body = AnswerRequest {
        answer: "Busy!".into(),
        publish: true,
    };
    let inbox_path = stand_path(&app, EMPLOYER, "/inbox");
    let answer_path = stand_path(
        &app,
        EMPLOYER,
        &format!("/questions/{}/answer", question.id),
    );
    let flag_path = stand_path(&app, EMPLOYER, &format!("/questions/{}/flag", question.id));
    let other_stand = exhibitor(&app, COLLEGE);
    let school_lead = app.token_for(&Caller::SchoolLead {
        fair: app.fair.clone(),
        school: shared::domain::SchoolId::parse("minehead").expect("id"),
    });
    for (token, why) in [
        (&other_stand, "another stand's exhibitor"),
        (&pupil.token, "a pupil"),
        (&school_lead, "a school's careers leader"),
    ] {
        assert_eq!(
            app.get(&inbox_path, Some(token)).await.status(),
            403,
            "inbox: {why}"
        );
        assert_eq!(
            app.put_json(&answer_path, &body, Some(token))
                .await
                .status(),
            403,
            "answer: {why}"
        );
        assert_eq!(
            app.post_json(&flag_path, &(), Some(token)).await.status(),
            403,
            "flag: {why}"
        );
    }
    assert_eq!(app.get(&inbox_path, None).await.status(), 401);
    let exhibitor_asks = app
        .get(
            &stand_path(&app, EMPLOYER, "/questions"),
            Some(&exhibitor(&app, EMPLOYER)),
        )
        .await;
    assert_eq!(
        exhibitor_asks.status(),
        403,
        "the pupils' view is for pupils"
    );
    assert_eq!(
        inbox(&app).await[0].state,
        QuestionState::Waiting,
        "nothing was changed"
    );
    let organiser = app.organiser_token();
    assert_eq!(app.get(&inbox_path, Some(&organiser)).await.status(), 200);
}

#[tokio::test]
async fn bad_questions_and_answers_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let before = app.item_count().await;
    let interactions = format!("/api/fairs/{}/interactions", app.fair);
    for (text, why) in [
        ("   ".to_owned(), "blank"),
        ("x".repeat(501), "too long"),
        ("a\u{7}b".to_owned(), "control character"),
    ] {
        let body = serde_json::json!({
            "id": InteractionId::new_random(),
            "stand": EMPLOYER,
            "kind": {"type": "question", "text": text},
        });
        let response = app
            .post_json(&interactions, &body, Some(&pupil.token))
            .await;
        assert_eq!(response.status(), 422, "{why}");
        let error: ErrorBody = response.json().await.expect("body");
        assert_eq!(error.code, ErrorCode::InvalidBody, "{why}");
    }
    assert_eq!(app.item_count().await, before, "no question stored");

    let question = TestApp::question(EMPLOYER, "Can I visit?");
    assert_eq!(app.record(&pupil.token, &question).await.status(), 201);
    let response = answer(&app, question.id, "  ", true).await;
    assert_eq!(response.status(), 422);
    let error: ErrorBody = response.json().await.expect("body");
    assert_eq!(error.code, ErrorCode::InvalidField);
    assert!(error.message.contains("answer"), "{}", error.message);
    assert_eq!(inbox(&app).await[0].state, QuestionState::Waiting);

    let response = answer(&app, InteractionId::new_random(), "Yes", true).await;
    assert_eq!(response.status(), 404, "no such question");

    let flagged = app
        .post_json(
            &stand_path(&app, EMPLOYER, &format!("/questions/{}/flag", question.id)),
            &(),
            Some(&exhibitor(&app, EMPLOYER)),
        )
        .await;
    assert_eq!(flagged.status(), 200);
    let response = answer(&app, question.id, "Yes", true).await;
    assert_eq!(response.status(), 409);
    let error: ErrorBody = response.json().await.expect("body");
    assert_eq!(error.code, ErrorCode::QuestionFlagged);
    let asker_sees = pupil_view(&app, &pupil.token).await;
    assert_eq!(asker_sees[0].state, QuestionState::Flagged);
    assert!(asker_sees[0].answer.is_none());
}

#[tokio::test]
async fn a_pupil_may_ask_a_few_questions_per_stand_and_no_more() {
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let cap = shared::api::QUESTIONS_PER_STAND;
    let mut first = None;
    for n in 0..cap {
        let question = TestApp::question(EMPLOYER, &format!("Question number {n}?"));
        assert_eq!(app.record(&pupil.token, &question).await.status(), 201);
        first.get_or_insert(question);
    }
    let items = app.item_count().await;
    let one_more = TestApp::question(EMPLOYER, "And another?");
    let refused = app.record(&pupil.token, &one_more).await;
    assert_eq!(refused.status(), 409);
    let body: ErrorBody = refused.json().await.expect("error body");
    assert_eq!(body.code, ErrorCode::TooManyQuestions);
    assert!(
        body.message.contains("wait for their answers"),
        "{}",
        body.message
    );
    assert_eq!(app.item_count().await, items, "nothing written");

    // A retried earlier question is still a replay; other interactions at
    // the stand and questions at another stand are not held back.
    let first = first.expect("asked");
    assert_eq!(app.record(&pupil.token, &first).await.status(), 200);
    assert_eq!(
        app.record(&pupil.token, &TestApp::visit(EMPLOYER))
            .await
            .status(),
        201
    );
    let elsewhere = TestApp::question(COLLEGE, "Do you run open days?");
    assert_eq!(app.record(&pupil.token, &elsewhere).await.status(), 201);
    let report = app.report().await;
    assert_eq!(report.totals.interactions, cap + 2);
}
