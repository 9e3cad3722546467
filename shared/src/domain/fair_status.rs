//! Where a fair is in its life: drafted by the organiser, open to pupils,
//! closed (figures final, exports still there), archived (done with).

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FairStatus {
    /// Being set up: pupils cannot join yet.
    Draft,
    /// Pupils can join, and take part during its opening hours. Fairs
    /// stored before statuses existed were open.
    #[default]
    Open,
    /// Over: nobody joins or takes part; the figures and exports stay.
    Closed,
    /// Finished with; it cannot be opened again.
    Archived,
}

impl FairStatus {
    pub const ALL: [FairStatus; 4] = [
        FairStatus::Draft,
        FairStatus::Open,
        FairStatus::Closed,
        FairStatus::Archived,
    ];

    /// The moves the organiser may make: a draft opens, an open fair
    /// closes, a closed fair opens again (closed by mistake) or is
    /// archived, and an archived fair stays archived.
    pub fn can_become(self, next: FairStatus) -> bool {
        matches!(
            (self, next),
            (FairStatus::Draft, FairStatus::Open)
                | (FairStatus::Open, FairStatus::Closed)
                | (FairStatus::Closed, FairStatus::Open)
                | (FairStatus::Closed, FairStatus::Archived)
        )
    }

    /// The statuses this one may become, in the order above.
    pub fn next(self) -> impl Iterator<Item = FairStatus> {
        FairStatus::ALL
            .into_iter()
            .filter(move |next| self.can_become(*next))
    }

    pub fn code(self) -> &'static str {
        match self {
            FairStatus::Draft => "draft",
            FairStatus::Open => "open",
            FairStatus::Closed => "closed",
            FairStatus::Archived => "archived",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FairStatus::Draft => "Draft",
            FairStatus::Open => "Open",
            FairStatus::Closed => "Closed",
            FairStatus::Archived => "Archived",
        }
    }
}

impl fmt::Display for FairStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fair_moves_forward_and_may_reopen_only_from_closed() {
        use FairStatus::*;
        let allowed: Vec<_> = FairStatus::ALL
            .iter()
            .flat_map(|from| from.next().map(move |to| (*from, to)))
            .collect();
        assert_eq!(
            allowed,
            [
                (Draft, Open),
                (Open, Closed),
                (Closed, Open),
                (Closed, Archived)
            ]
        );
        assert!(!Archived.can_become(Open) && !Open.can_become(Draft) && !Open.can_become(Open));
    }
}
