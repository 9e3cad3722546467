//! What a pupil sees of a fair: the fair itself, the hall of stands, a stand.

use crate::domain::{
    ExhibitorKind, FairId, FairStatus, Name, Opportunity, ProspectusId, StandId, StandLink, VideoId,
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

/// A stand as a pupil sees it when they open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandDetail {
    #[serde(flatten)]
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
