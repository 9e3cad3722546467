//! What an exhibitor sees of their own stand: aggregate figures only, with
//! small numbers suppressed so no single pupil can be singled out.

use crate::domain::{ExhibitorKind, Name, StandId};
use crate::encounter::StandActivity;
use serde::{Deserialize, Serialize};

/// Counts below this are reported as [`Figure::FewerThan`].
pub const SUPPRESS_BELOW: u64 = 5;

/// A count shown to an exhibitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    Exactly(u64),
    /// Fewer than [`SUPPRESS_BELOW`] (including none).
    FewerThan(u64),
}

impl Figure {
    pub fn suppressed(count: u64) -> Self {
        if count < SUPPRESS_BELOW {
            Figure::FewerThan(SUPPRESS_BELOW)
        } else {
            Figure::Exactly(count)
        }
    }

    /// As shown to people: "12" or "fewer than 5".
    pub fn label(self) -> String {
        match self {
            Figure::Exactly(n) => n.to_string(),
            Figure::FewerThan(n) => format!("fewer than {n}"),
        }
    }
}

/// What pupils did at a stand, as an exhibitor is shown it: every count
/// under [`SUPPRESS_BELOW`] hidden.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityFigures {
    /// Everything pupils did at the stand.
    pub interactions: Figure,
    /// Distinct pupils who met the exhibitor (Gatsby encounters).
    pub encounters: Figure,
    /// Stand openings.
    pub visits: Figure,
    pub prospectus_downloads: Figure,
    /// Pupils reaching 25, 50, 75 and 100% of a video, summed over the
    /// stand's videos, in [`crate::domain::WatchedMark::ALL`] order.
    pub watched: [Figure; 4],
    pub questions: Figure,
}

impl ActivityFigures {
    /// The counts, each suppressed on its own.
    pub fn suppressed(interactions: u64, encounters: u64, activity: &StandActivity) -> Self {
        Self {
            interactions: Figure::suppressed(interactions),
            encounters: Figure::suppressed(encounters),
            visits: Figure::suppressed(activity.visits),
            prospectus_downloads: Figure::suppressed(activity.prospectus_downloads),
            watched: activity.watched.map(Figure::suppressed),
            questions: Figure::suppressed(activity.questions),
        }
    }
}

/// One school's or one year group's part of a stand's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupFigures {
    /// The school's name, or "Year 9".
    pub group: String,
    pub figures: ActivityFigures,
}

/// `GET /api/fairs/{fair}/stands/{stand}/figures`, for that stand's exhibitor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandFigures {
    pub stand: StandId,
    pub name: Name,
    pub kind: ExhibitorKind,
    /// All pupils together.
    #[serde(flatten)]
    pub all: ActivityFigures,
    /// Each school whose pupils met the exhibitor, by name.
    pub by_school: Vec<GroupFigures>,
    /// Years 7 to 13, each present even when no pupil of it came.
    pub by_year_group: Vec<GroupFigures>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_under_five_are_suppressed() {
        assert_eq!(Figure::suppressed(0), Figure::FewerThan(5));
        assert_eq!(Figure::suppressed(4).label(), "fewer than 5");
        assert_eq!(Figure::suppressed(5), Figure::Exactly(5));
        assert_eq!(Figure::suppressed(12).label(), "12");
    }
}
