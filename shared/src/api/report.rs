//! What an organiser sees and exports: totals for the fair, per school and
//! per exhibitor.

use crate::domain::{ExhibitorKind, FairId, Name, SchoolId, StandId, YearGroup};
use crate::encounter::{Reach, StandActivity, Tally};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolTotals {
    pub school: SchoolId,
    pub name: Name,
    pub pupils_joined: u64,
    pub totals: Tally,
    pub reach: Reach,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExhibitorTotals {
    pub stand: StandId,
    pub name: Name,
    pub kind: ExhibitorKind,
    /// Pupils who met this exhibitor equals `totals.encounters`.
    pub totals: Tally,
    /// Visits, downloads, videos watched and questions.
    pub activity: StandActivity,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearGroupTotals {
    pub year_group: YearGroup,
    pub pupils_joined: u64,
    pub totals: Tally,
    pub reach: Reach,
}

/// Interactions in one clock hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HourCount {
    #[serde(with = "time::serde::rfc3339")]
    pub starts_at: OffsetDateTime,
    pub interactions: u64,
}

/// `GET /api/fairs/{fair}/report`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairReport {
    pub fair: FairId,
    pub pupils_joined: u64,
    pub totals: Tally,
    pub reach: Reach,
    pub schools: Vec<SchoolTotals>,
    pub exhibitors: Vec<ExhibitorTotals>,
    /// Years 7 to 13, each present even when nobody from it joined.
    pub year_groups: Vec<YearGroupTotals>,
    /// Every hour with interactions, earliest first (hours without any are
    /// left out).
    pub interactions_by_hour: Vec<HourCount>,
}
