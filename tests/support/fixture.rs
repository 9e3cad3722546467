//! The small fair every test starts with: two schools, an employer stand
//! with a prospectus, a college stand, and a second fair that has closed.

use careers_api::model::{Fair, Prospectus, School, Stand, Video};
use careers_api::store::Store;
use shared::domain::{
    ChallengeQuestions, ChallengeQuestionsData, ExhibitorKind, FairId, JoinCode, Name, Opportunity,
    OpportunityKind, PromptText, ProspectusId, SchoolId, StandId, StandLink, VideoId, WebAddress,
};
use time::{Duration, OffsetDateTime};

pub const FAIR: &str = "test-fair";
pub const CLOSED_FAIR: &str = "closed-fair";
pub const JOIN_CODE: &str = "ABCD-EFGH";
pub const OTHER_JOIN_CODE: &str = "WXYA-BCDE";
pub const EMPLOYER: &str = "acme-engineering";
pub const COLLEGE: &str = "exmoor-college";
pub const PROSPECTUS: &str = "courses";
/// The one video on every fixture stand.
pub const VIDEO: &str = "day-in-the-life";

fn name(text: &str) -> Name {
    Name::parse(text).expect("fixture name")
}

fn fair(id: &str, opens_at: OffsetDateTime, closes_at: OffsetDateTime) -> Fair {
    Fair {
        id: FairId::parse(id).expect("id"),
        name: name("Test Fair"),
        description: "A fair".into(),
        opens_at,
        closes_at,
        challenge: Some(challenge()),
        status: shared::domain::FairStatus::Open,
        pupil_data_expires_at: None,
    }
}

/// One question per stage except onward planning, which has two.
fn challenge() -> ChallengeQuestions {
    let prompts = |texts: &[&str]| {
        texts
            .iter()
            .map(|t| PromptText::parse(t).expect("prompt"))
            .collect()
    };
    ChallengeQuestions::try_from(ChallengeQuestionsData {
        workplace_insight: prompts(&["What did you see?"]),
        self_reflection: prompts(&["What are you good at?"]),
        onward_planning: prompts(&["What next?", "Whom will you ask?"]),
    })
    .expect("challenge")
}

fn stand(id: &str, title: &str, kind: ExhibitorKind) -> Stand {
    Stand {
        id: StandId::parse(id).expect("id"),
        name: name(title),
        kind,
        sectors: vec!["Engineering".into()],
        tagline: format!("{} stand", kind.label()),
        about: "<b>Not bold</b>: exhibitors' text is shown as text.".into(),
        learning_outcomes: vec!["Know one route into engineering".into()],
        prospectuses: vec![Prospectus {
            id: ProspectusId::parse(PROSPECTUS).expect("id"),
            title: name(&format!("{title} prospectus")),
            file_key: format!("{id}/prospectus.pdf"),
        }],
        videos: vec![Video {
            id: VideoId::parse(VIDEO).expect("id"),
            title: name(&format!("A day at {title}")),
            file_key: format!("{id}/insight.webm"),
            captions_key: format!("{id}/insight.vtt"),
        }],
        opportunities: vec![Opportunity {
            kind: OpportunityKind::Apprenticeship,
            title: name("Engineering apprenticeship"),
            summary: "Paid training from 16.".into(),
        }],
        links: vec![StandLink {
            title: name("Our careers pages"),
            url: WebAddress::parse("https://example.org/careers").expect("url"),
        }],
        logo_key: Some(format!("{id}/logo.png")),
    }
}

pub async fn seed(store: &Store) {
    let now = OffsetDateTime::now_utc();
    let open = fair(FAIR, now - Duration::hours(1), now + Duration::days(1));
    store.put_fair(&open).await.expect("put fair");
    store
        .put_fair(&fair(
            CLOSED_FAIR,
            now - Duration::days(2),
            now - Duration::days(1),
        ))
        .await
        .expect("put closed fair");
    for (fair_id, slug, title, code) in [
        (&open.id, "minehead", "Minehead School", JOIN_CODE),
        (&open.id, "watchet", "Watchet Academy", OTHER_JOIN_CODE),
    ] {
        let school = School {
            id: SchoolId::parse(slug).expect("id"),
            name: name(title),
            join_code: JoinCode::parse(code).expect("code"),
            urn: None,
            expected_pupils: None,
        };
        store
            .add_school(fair_id, &school)
            .await
            .expect("add school");
    }
    store
        .put_stand(
            &open.id,
            &stand(EMPLOYER, "Acme Engineering", ExhibitorKind::Employer),
        )
        .await
        .expect("stand");
    store
        .put_stand(
            &open.id,
            &stand(COLLEGE, "Exmoor College", ExhibitorKind::College),
        )
        .await
        .expect("stand");
}
