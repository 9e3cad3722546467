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
