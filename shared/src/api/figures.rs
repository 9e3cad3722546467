//! What an exhibitor sees of their own stand: aggregate figures only, with
//! small numbers suppressed so no single pupil can be singled out.

use crate::domain::{ExhibitorKind, Name, StandId};
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

/// `GET /api/fairs/{fair}/stands/{stand}/figures`, for that stand's exhibitor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandFigures {
    pub stand: StandId,
    pub name: Name,
    pub kind: ExhibitorKind,
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
