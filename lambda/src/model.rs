//! What the API stores about fairs, schools, stands and pupils: the
//! server's own records, built from shared domain types. (The shared crate
//! holds what crosses the wire; file keys and join codes stay here.)

use shared::api::QuestionState;
use shared::domain::{
    AnswerText, ChallengeQuestions, ExhibitorKind, ExpectedPupils, FairId, FairStatus,
    InteractionId, JoinCode, Name, Opportunity, ProspectusId, PupilId, QuestionText, ResumeCode,
    SchoolId, StandId, StandLink, Urn, VideoId, YearGroup,
};
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fair {
    pub id: FairId,
    pub name: Name,
    pub description: String,
    pub opens_at: OffsetDateTime,
    pub closes_at: OffsetDateTime,
    /// The My Futures questions, once the organiser has set them.
    pub challenge: Option<ChallengeQuestions>,
    pub status: FairStatus,
    /// Set when the fair is archived: from then on its pupil-level data is
    /// no longer served, and DynamoDB's TTL deletes it (within a few days).
    pub pupil_data_expires_at: Option<OffsetDateTime>,
}

impl Fair {
    /// Whether the fair's pupil-level data has passed its expiry at `now`.
    /// DynamoDB deletes expired items only within about two days, so reads
    /// check this rather than trust that the items are gone.
    pub fn pupil_data_removed_at(&self, now: OffsetDateTime) -> bool {
        self.pupil_data_expires_at.is_some_and(|at| at <= now)
    }

    /// Whether the hall accepts interactions at `now`: the fair is open
    /// and within its dates.
    pub fn is_open_at(&self, now: OffsetDateTime) -> bool {
        self.status == FairStatus::Open && self.opens_at <= now && now < self.closes_at
    }

    /// Whether pupils may join (or carry on) at `now`: the fair is open and
    /// not yet over, so a class can join before the doors open.
    pub fn takes_pupils_at(&self, now: OffsetDateTime) -> bool {
        self.status == FairStatus::Open && now < self.closes_at
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct School {
    pub id: SchoolId,
    pub name: Name,
    pub join_code: JoinCode,
    pub urn: Option<Urn>,
    pub expected_pupils: Option<ExpectedPupils>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prospectus {
    pub id: ProspectusId,
    pub title: Name,
    /// Where the file lives in the file store.
    pub file_key: String,
}

/// A video and its captions file; every video has captions. Stored as it
/// is, inside its stand's item.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Video {
    pub id: VideoId,
    pub title: Name,
    pub file_key: String,
    pub captions_key: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stand {
    pub id: StandId,
    pub name: Name,
    pub kind: ExhibitorKind,
    pub sectors: Vec<String>,
    pub tagline: String,
    pub about: String,
    pub learning_outcomes: Vec<String>,
    pub prospectuses: Vec<Prospectus>,
    pub videos: Vec<Video>,
    pub opportunities: Vec<Opportunity>,
    pub links: Vec<StandLink>,
    /// Where the logo lives in the file store, once there is one.
    pub logo_key: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pupil {
    pub id: PupilId,
    pub school: SchoolId,
    pub year_group: YearGroup,
    pub joined_at: OffsetDateTime,
    /// How the pupil carries on later or on another device.
    pub resume_code: ResumeCode,
}

/// One of a pupil's encounters as stored: the exhibitor met and how often.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encounter {
    pub stand: StandId,
    pub interactions: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Duration;

    /// An open fair of six hours from `opens_at`.
    fn six_hours_from(opens_at: OffsetDateTime) -> Fair {
        Fair {
            id: FairId::parse("fair").expect("id"),
            name: Name::parse("Fair").expect("name"),
            description: String::new(),
            opens_at,
            closes_at: opens_at + Duration::hours(6),
            challenge: None,
            status: FairStatus::Open,
            pupil_data_expires_at: None,
        }
    }

    #[test]
    fn a_fair_is_open_from_its_opening_until_just_before_its_closing() {
        let opens_at = OffsetDateTime::UNIX_EPOCH + Duration::days(1);
        let fair = six_hours_from(opens_at);
        assert!(!fair.is_open_at(opens_at - Duration::seconds(1)));
        assert!(fair.is_open_at(opens_at));
        assert!(fair.is_open_at(opens_at + Duration::hours(5)));
        assert!(!fair.is_open_at(opens_at + Duration::hours(6)));
    }

    #[test]
    fn only_an_open_fair_takes_pupils_and_their_interactions() {
        let opens_at = OffsetDateTime::UNIX_EPOCH + Duration::days(1);
        let during = opens_at + Duration::hours(1);
        let mut fair = six_hours_from(opens_at);
        assert!(
            fair.takes_pupils_at(opens_at - Duration::days(1)),
            "joining early"
        );
        assert!(!fair.is_open_at(opens_at - Duration::days(1)));
        for status in [FairStatus::Draft, FairStatus::Closed, FairStatus::Archived] {
            fair.status = status;
            assert!(
                !fair.is_open_at(during) && !fair.takes_pupils_at(during),
                "{status}"
            );
        }
    }

    #[test]
    fn pupil_data_is_removed_from_its_expiry_on() {
        let opens_at = OffsetDateTime::UNIX_EPOCH + Duration::days(1);
        let mut fair = six_hours_from(opens_at);
        let far = opens_at + Duration::days(10_000);
        assert!(!fair.pupil_data_removed_at(far), "never, unless archived");
        let expires_at = opens_at + Duration::days(40);
        fair.pupil_data_expires_at = Some(expires_at);
        assert!(!fair.pupil_data_removed_at(expires_at - Duration::seconds(1)));
        assert!(fair.pupil_data_removed_at(expires_at));
        assert!(fair.pupil_data_removed_at(far));
    }
}

/// A question a pupil asked at a stand, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The id of the interaction that asked it.
    pub id: InteractionId,
    pub pupil: PupilId,
    pub school: SchoolId,
    pub text: QuestionText,
    pub asked_at: OffsetDateTime,
    pub state: QuestionState,
    pub answer: Option<AnswerText>,
}
