//! Video watch-through: each mark of each video counts once per pupil, the
//! exhibitor sees how far pupils watched, and bad progress writes nothing.

use careers_api::auth::Caller;
use shared::api::{ErrorBody, ErrorCode, Figure, RecordInteraction, StandFigures};
use shared::domain::{InteractionId, InteractionKind, StandId, VideoId, WatchedMark};
use tests::{EMPLOYER, TestApp, spawn_app};

#[tokio::test]
async fn each_mark_counts_once_per_pupil_and_the_exhibitor_sees_the_watch_through() {
    let app = spawn_app().await;
    let pupils = futures::future::join_all((0..6).map(|_| app.join_ok())).await;
    for (i, pupil) in pupils.iter().enumerate() {
        // Six pupils reach a quarter, five half way, one the end.
        let marks = match i {
            0 => &WatchedMark::ALL[..],
            5 => &WatchedMark::ALL[..1],
            _ => &WatchedMark::ALL[..2],
        };
        for mark in marks {
            let progress = TestApp::watched(&pupil.pupil.id, EMPLOYER, *mark);
            assert_eq!(app.record(&pupil.token, &progress).await.status(), 201);
        }
    }
    // The first pupil watches again, from this or another device: the same
    // ids, so nothing more is counted.
    let first = &pupils[0];
    for mark in WatchedMark::ALL {
        let again = TestApp::watched(&first.pupil.id, EMPLOYER, mark);
        assert_eq!(app.record(&first.token, &again).await.status(), 200);
    }

    let report = app.report().await;
    assert_eq!(report.totals.interactions, 4 + 4 * 2 + 1);
    assert_eq!(
        report.totals.encounters, 6,
        "watching a video is meeting the employer"
    );

    let exhibitor = app.token_for(&Caller::Exhibitor {
        fair: app.fair.clone(),
        stand: StandId::parse(EMPLOYER).expect("id"),
    });
    let figures: StandFigures = app
        .get(
            &format!("/api/fairs/{}/stands/{EMPLOYER}/figures", app.fair),
            Some(&exhibitor),
        )
        .await
        .json()
        .await
        .expect("figures");
    assert_eq!(
        figures.all.watched,
        [
            Figure::Exactly(6),
            Figure::Exactly(5),
            Figure::FewerThan(5),
            Figure::FewerThan(5)
        ]
    );
    assert_eq!(
        figures.all.visits,
        Figure::FewerThan(5),
        "no one opened the stand"
    );
}

#[tokio::test]
async fn progress_with_a_made_up_id_an_unknown_video_or_an_odd_mark_is_refused_and_writes_nothing()
{
    let app = spawn_app().await;
    let pupil = app.join_ok().await;
    let derived = TestApp::watched(&pupil.pupil.id, EMPLOYER, WatchedMark::Half);
    let made_up_id = RecordInteraction {
        id: InteractionId::new_random(),
        ..derived.clone()
    };
    let unknown_video = {
        let kind = InteractionKind::VideoProgress {
            video: VideoId::parse("no-such-video").expect("id"),
            watched: WatchedMark::Half,
        };
        let stand = StandId::parse(EMPLOYER).expect("id");
        RecordInteraction {
            id: kind
                .once_only_id(&pupil.pupil.id, &stand)
                .expect("once only"),
            stand,
            kind,
        }
    };
    let before = app.item_count().await;
    for (interaction, code, why) in [
        (made_up_id, ErrorCode::WrongInteractionId, "made-up id"),
        (unknown_video, ErrorCode::UnknownVideo, "unknown video"),
    ] {
        let response = app.record(&pupil.token, &interaction).await;
        assert_eq!(response.status(), 422, "{why}");
        let body: ErrorBody = response.json().await.expect("body");
        assert_eq!(body.code, code, "{why}: {}", body.message);
    }
    let odd_mark = serde_json::json!({
        "id": derived.id,
        "stand": EMPLOYER,
        "kind": {"type": "video_progress", "video": tests::VIDEO, "watched": 30},
    });
    let response = app
        .post_json(
            &format!("/api/fairs/{}/interactions", app.fair),
            &odd_mark,
            Some(&pupil.token),
        )
        .await;
    assert_eq!(response.status(), 422, "30% is not a mark");
    let body: ErrorBody = response.json().await.expect("body");
    assert_eq!(body.code, ErrorCode::InvalidBody);
    assert!(
        body.message.contains("25, 50, 75 or 100"),
        "{}",
        body.message
    );
    assert_eq!(app.item_count().await, before, "nothing was written");

    // The derived id is accepted.
    assert_eq!(app.record(&pupil.token, &derived).await.status(), 201);
}
