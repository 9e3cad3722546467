//! What a pupil sees of a fair: the fair itself, the hall of stands, a stand.

use crate::domain::{
    ExhibitorKind, FairId, FairStatus, Name, Opportunity, ProspectusId, RetentionDays,
    RetentionDaysError, StandId, StandLink, VideoId,
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairView {
    pub id: FairId,
    pub name: Name,
    pub description: String,
    #[serde(with = "time::serde::rfc3339")]
    pub opens_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub closes_at: OffsetDateTime,
    /// Whether interactions are accepted now.
    pub is_open: bool,
    /// Where the fair is in its life.
    pub status: FairStatus,
    /// Every sector some stand names, sorted, once each: what a pupil can
    /// say interests them when joining.
    pub sectors: Vec<String>,
    /// Once the fair is archived: when its pupil-level data (pupils,
    /// their encounters, interactions, answers and questions) is removed;
    /// the totals stay. The organiser's page says "Pupil-level data will
    /// be removed on ...".
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub pupil_data_expires_at: Option<OffsetDateTime>,
}

/// A stand as a card in the hall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandSummary {
    pub id: StandId,
    pub name: Name,
    pub kind: ExhibitorKind,
    pub sectors: Vec<String>,
    pub tagline: String,
    /// The exhibitor's logo, shown with their name as its text; absent
    /// until they upload one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProspectusView {
    pub id: ProspectusId,
    pub title: Name,
    /// Where to fetch the file: a short-lived link.
    pub url: String,
}

/// A workplace-insight video with its captions (WebVTT), both short-lived links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VideoView {
    pub id: VideoId,
    pub title: Name,
    pub url: String,
    pub captions_url: String,
}

/// A stand as a pupil sees it when they open it: its card, and more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandDetail {
    /// Nested, not flattened into this object: serde reads a flattened
    /// field through a buffer whose code is several KB of the stand page's
    /// wasm.
    pub summary: StandSummary,
    /// Plain text; rendered as text, never as HTML.
    pub about: String,
    /// What a pupil should take away from the stand (Gatsby: learning outcomes).
    pub learning_outcomes: Vec<String>,
    pub prospectuses: Vec<ProspectusView>,
    pub videos: Vec<VideoView>,
    /// Apprenticeships, work experience, courses.
    pub opportunities: Vec<Opportunity>,
    /// The exhibitor's own pages, opened in a new tab.
    pub links: Vec<StandLink>,
}

/// `PUT /api/fairs/{fair}/status`: the organiser moves the fair on (see
/// [`FairStatus::can_become`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeStatus {
    pub status: FairStatus,
    /// How many days pupil-level data is kept after archiving (0 to 730,
    /// 0 for as soon as possible): required when archiving, refused with
    /// any other move.
    #[serde(default)]
    pub keep_pupil_data_days: Option<u16>,
}

/// A status change whose fields agree: archiving always says how long
/// pupils' data is kept, and no other move does. Built only from a
/// [`ChangeStatus`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusChange {
    to: FairStatus,
    keep_pupil_data: Option<RetentionDays>,
}

impl StatusChange {
    pub fn to(self) -> FairStatus {
        self.to
    }

    /// How long pupil-level data is kept: `Some` exactly when archiving.
    pub fn keep_pupil_data(self) -> Option<RetentionDays> {
        self.keep_pupil_data
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatusChangeError {
    #[error(
        "say how many days pupils' data is kept after archiving ({} to {}, 0 for as soon as possible)",
        RetentionDays::MIN,
        RetentionDays::MAX
    )]
    RetentionRequired,
    #[error("how long pupils' data is kept is set only when archiving the fair")]
    RetentionNotArchiving,
    #[error("{0}")]
    Retention(#[from] RetentionDaysError),
}

impl TryFrom<&ChangeStatus> for StatusChange {
    type Error = StatusChangeError;
    fn try_from(request: &ChangeStatus) -> Result<Self, Self::Error> {
        let keep_pupil_data = match (request.status, request.keep_pupil_data_days) {
            (FairStatus::Archived, Some(days)) => Some(RetentionDays::parse(days)?),
            (FairStatus::Archived, None) => return Err(StatusChangeError::RetentionRequired),
            (_, Some(_)) => return Err(StatusChangeError::RetentionNotArchiving),
            (_, None) => None,
        };
        Ok(Self {
            to: request.status,
            keep_pupil_data,
        })
    }
}

/// `PUT /api/fairs/{fair}/details`: the fair's name, description and
/// dates, as the organiser typed them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FairDetails {
    pub name: String,
    pub description: String,
    #[serde(with = "time::serde::rfc3339")]
    pub opens_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub closes_at: OffsetDateTime,
}

/// The answer to `POST /api/fairs` (whose body is the new fair's
/// [`FairDetails`]): the new fair's id (made from its name)
/// and an organiser token for it, so the page can go straight there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedFair {
    pub fair: FairId,
    pub signed_in: crate::api::SignedIn,
}

/// The longest a fair may run: longer is surely a mistyped year.
pub const MAX_FAIR_DAYS: i64 = 92;

/// A fair's details whose every field is valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFairDetails {
    pub name: Name,
    pub description: String,
    pub opens_at: OffsetDateTime,
    pub closes_at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FairDetailsError {
    #[error("name {0}")]
    Name(#[from] crate::domain::TextError),
    #[error("description {0}")]
    Description(crate::domain::ParagraphError),
    #[error("the fair must close after it opens")]
    ClosesBeforeOpening,
    #[error("a fair runs for at most {MAX_FAIR_DAYS} days")]
    TooLong,
}

impl TryFrom<&FairDetails> for CheckedFairDetails {
    type Error = FairDetailsError;
    fn try_from(details: &FairDetails) -> Result<Self, Self::Error> {
        let description = if details.description.trim().is_empty() {
            String::new()
        } else {
            crate::domain::Paragraph::<2000>::parse(&details.description)
                .map_err(FairDetailsError::Description)?
                .into()
        };
        if details.closes_at <= details.opens_at {
            return Err(FairDetailsError::ClosesBeforeOpening);
        }
        if details.closes_at - details.opens_at > time::Duration::days(MAX_FAIR_DAYS) {
            return Err(FairDetailsError::TooLong);
        }
        Ok(Self {
            name: Name::parse(&details.name)?,
            description,
            opens_at: details.opens_at,
            closes_at: details.closes_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Duration;

    fn change(status: FairStatus, days: Option<u16>) -> Result<StatusChange, StatusChangeError> {
        StatusChange::try_from(&ChangeStatus {
            status,
            keep_pupil_data_days: days,
        })
    }

    #[test]
    fn archiving_says_how_long_pupils_data_is_kept_and_nothing_else_does() {
        let archived = change(FairStatus::Archived, Some(30)).expect("archive");
        assert_eq!(archived.to(), FairStatus::Archived);
        assert_eq!(archived.keep_pupil_data().map(RetentionDays::get), Some(30));
        assert_eq!(
            change(FairStatus::Archived, Some(0))
                .expect("as soon as possible")
                .keep_pupil_data()
                .map(RetentionDays::get),
            Some(0)
        );
        assert_eq!(
            change(FairStatus::Archived, None),
            Err(StatusChangeError::RetentionRequired)
        );
        assert_eq!(
            change(FairStatus::Archived, Some(731)),
            Err(StatusChangeError::Retention(RetentionDaysError))
        );
        for status in [FairStatus::Draft, FairStatus::Open, FairStatus::Closed] {
            assert_eq!(
                change(status, Some(30)),
                Err(StatusChangeError::RetentionNotArchiving),
                "{status}"
            );
            let plain = change(status, None).expect("a plain move");
            assert_eq!((plain.to(), plain.keep_pupil_data()), (status, None));
        }
    }

    #[test]
    fn a_status_change_without_days_still_reads_and_unknown_fields_do_not() {
        let plain: ChangeStatus = serde_json::from_str(r#"{"status":"closed"}"#).expect("json");
        assert_eq!(plain.keep_pupil_data_days, None);
        let archive: ChangeStatus =
            serde_json::from_str(r#"{"status":"archived","keep_pupil_data_days":30}"#)
                .expect("json");
        assert_eq!(archive.keep_pupil_data_days, Some(30));
        assert!(serde_json::from_str::<ChangeStatus>(r#"{"status":"closed","days":3}"#).is_err());
    }

    #[test]
    fn a_fair_must_close_after_it_opens_and_within_three_months() {
        let opens_at = OffsetDateTime::UNIX_EPOCH + Duration::days(20_000);
        let details = |closes_at| FairDetails {
            name: "West Somerset careers fair".into(),
            description: String::new(),
            opens_at,
            closes_at,
        };
        assert!(CheckedFairDetails::try_from(&details(opens_at + Duration::hours(7))).is_ok());
        assert_eq!(
            CheckedFairDetails::try_from(&details(opens_at)),
            Err(FairDetailsError::ClosesBeforeOpening)
        );
        assert_eq!(
            CheckedFairDetails::try_from(&details(opens_at + Duration::days(93))),
            Err(FairDetailsError::TooLong)
        );
    }
}
