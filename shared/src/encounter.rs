//! The encounter rules: how one recorded interaction changes the totals an
//! organiser reports. The API applies them when it stores an interaction and
//! the benchmarks use them to compute the totals they expect, so there is
//! one definition of what counts.

use crate::domain::{Benchmark, InteractionKind};
use serde::{Deserialize, Serialize};
use std::ops::AddAssign;

/// Encounters a pupil aims for at a fair: the goal shown on their record,
/// and the line the organiser's figures count pupils against.
pub const ENCOUNTER_GOAL: u64 = 4;

/// Pupils, interactions and encounters counted over some scope (a fair, a
/// school, a stand). Encounters are distinct pupil x exhibitor pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Pupils with at least one interaction.
    pub pupils_attended: u64,
    pub interactions: u64,
    pub encounters: u64,
    /// Encounters with employers (Gatsby benchmark 5).
    pub encounters_bm5: u64,
    /// Encounters with colleges, universities and training providers (benchmark 7).
    pub encounters_bm7: u64,
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Self) {
        self.pupils_attended += other.pupils_attended;
        self.interactions += other.interactions;
        self.encounters += other.encounters;
        self.encounters_bm5 += other.encounters_bm5;
        self.encounters_bm7 += other.encounters_bm7;
    }
}

/// What was new about an interaction when it was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Novelty {
    /// The pupil's first interaction in the fair: they now count as attended.
    pub first_for_pupil: bool,
    /// The pupil's first interaction with this exhibitor: a new encounter.
    pub first_with_exhibitor: bool,
}

/// How the totals change when a new (not replayed) interaction is recorded
/// at a stand whose exhibitor counts towards `benchmark`.
pub fn tally_change(novelty: Novelty, benchmark: Benchmark) -> Tally {
    let encounter = u64::from(novelty.first_with_exhibitor);
    Tally {
        pupils_attended: u64::from(novelty.first_for_pupil),
        interactions: 1,
        encounters: encounter,
        encounters_bm5: if benchmark == Benchmark::Employers {
            encounter
        } else {
            0
        },
        encounters_bm7: if benchmark == Benchmark::FurtherAndHigherEducation {
            encounter
        } else {
            0
        },
    }
}

/// What one stored encounter contributes to a pupil's own totals: one
/// encounter under its benchmark and the interactions it holds.
pub fn encounter_tally(benchmark: Benchmark, interactions: u64) -> Tally {
    let first = tally_change(
        Novelty {
            first_for_pupil: false,
            first_with_exhibitor: true,
        },
        benchmark,
    );
    Tally {
        interactions,
        ..first
    }
}

/// How many pupils of a scope (a fair, a school, a year group) have
/// reached the lines schools report against: at least one encounter under
/// each benchmark, and the [`ENCOUNTER_GOAL`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reach {
    /// Pupils with at least one encounter with an employer (benchmark 5).
    pub pupils_with_bm5: u64,
    /// Pupils with at least one encounter with further or higher education
    /// (benchmark 7).
    pub pupils_with_bm7: u64,
    /// Pupils with at least [`ENCOUNTER_GOAL`] encounters.
    pub pupils_at_goal: u64,
}

impl AddAssign for Reach {
    fn add_assign(&mut self, other: Self) {
        self.pupils_with_bm5 += other.pupils_with_bm5;
        self.pupils_with_bm7 += other.pupils_with_bm7;
        self.pupils_at_goal += other.pupils_at_goal;
    }
}

/// One pupil's encounters so far, by benchmark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PupilEncounters {
    pub bm5: u64,
    pub bm7: u64,
}

impl PupilEncounters {
    /// The pupil's encounters after a new one under `benchmark`.
    pub fn with(self, benchmark: Benchmark) -> Self {
        match benchmark {
            Benchmark::Employers => Self {
                bm5: self.bm5 + 1,
                ..self
            },
            Benchmark::FurtherAndHigherEducation => Self {
                bm7: self.bm7 + 1,
                ..self
            },
        }
    }

    /// Which lines a pupil with these encounters has reached: each counts 0
    /// or 1.
    pub fn reach(self) -> Reach {
        Reach {
            pupils_with_bm5: u64::from(self.bm5 > 0),
            pupils_with_bm7: u64::from(self.bm7 > 0),
            pupils_at_goal: u64::from(self.bm5 + self.bm7 >= ENCOUNTER_GOAL),
        }
    }
}

/// How a scope's reach changes when a pupil who had `before` has a new
/// encounter under `benchmark`: a line the pupil crosses now counts them.
pub fn reach_change(before: PupilEncounters, benchmark: Benchmark) -> Reach {
    let (was, now) = (before.reach(), before.with(benchmark).reach());
    Reach {
        pupils_with_bm5: now.pupils_with_bm5 - was.pupils_with_bm5,
        pupils_with_bm7: now.pupils_with_bm7 - was.pupils_with_bm7,
        pupils_at_goal: now.pupils_at_goal - was.pupils_at_goal,
    }
}

/// What pupils did at one stand, by kind of interaction: the detail an
/// exhibitor sees beside their encounters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandActivity {
    /// Stand openings (a pupil who comes back is counted again).
    pub visits: u64,
    pub prospectus_downloads: u64,
    /// Times a pupil reached 25, 50, 75 and 100% of one of the stand's
    /// videos, in [`crate::domain::WatchedMark::ALL`] order. Each pupil reaches each mark
    /// of each video once.
    pub watched: [u64; 4],
    pub questions: u64,
}

impl StandActivity {
    /// The activity one new interaction of `kind` adds.
    pub fn of(kind: &InteractionKind) -> Self {
        let mut activity = Self::default();
        match kind {
            InteractionKind::Visit {} => activity.visits = 1,
            InteractionKind::ProspectusDownload { .. } => activity.prospectus_downloads = 1,
            InteractionKind::VideoProgress { watched, .. } => {
                activity.watched[watched.index()] = 1;
            }
            InteractionKind::Question { .. } => activity.questions = 1,
            // Counted among the stand's interactions and encounters only.
            InteractionKind::ChallengeStage { .. } => {}
        }
        activity
    }
}

impl AddAssign for StandActivity {
    fn add_assign(&mut self, other: Self) {
        self.visits += other.visits;
        self.prospectus_downloads += other.prospectus_downloads;
        self.questions += other.questions;
        for (mine, theirs) in self.watched.iter_mut().zip(other.watched) {
            *mine += theirs;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::WatchedMark;

    const FIRST_EVER: Novelty = Novelty {
        first_for_pupil: true,
        first_with_exhibitor: true,
    };
    const NEW_EXHIBITOR: Novelty = Novelty {
        first_for_pupil: false,
        first_with_exhibitor: true,
    };
    const REPEAT: Novelty = Novelty {
        first_for_pupil: false,
        first_with_exhibitor: false,
    };

    #[test]
    fn first_interaction_attends_and_opens_an_encounter() {
        let change = tally_change(FIRST_EVER, Benchmark::Employers);
        assert_eq!(
            change,
            Tally {
                pupils_attended: 1,
                interactions: 1,
                encounters: 1,
                encounters_bm5: 1,
                encounters_bm7: 0
            }
        );
    }

    #[test]
    fn a_second_exhibitor_is_a_second_encounter_under_its_own_benchmark() {
        let change = tally_change(NEW_EXHIBITOR, Benchmark::FurtherAndHigherEducation);
        assert_eq!(
            change,
            Tally {
                pupils_attended: 0,
                interactions: 1,
                encounters: 1,
                encounters_bm5: 0,
                encounters_bm7: 1
            }
        );
    }

    #[test]
    fn repeat_interactions_count_only_as_interactions() {
        let change = tally_change(REPEAT, Benchmark::Employers);
        assert_eq!(
            change,
            Tally {
                interactions: 1,
                ..Tally::default()
            }
        );
    }

    #[test]
    fn an_encounter_contributes_itself_and_its_interactions() {
        assert_eq!(
            encounter_tally(Benchmark::FurtherAndHigherEducation, 3),
            Tally {
                pupils_attended: 0,
                interactions: 3,
                encounters: 1,
                encounters_bm5: 0,
                encounters_bm7: 1
            }
        );
    }

    #[test]
    fn tallies_add_up_field_by_field() {
        let mut total = Tally::default();
        total += tally_change(FIRST_EVER, Benchmark::Employers);
        total += tally_change(NEW_EXHIBITOR, Benchmark::FurtherAndHigherEducation);
        total += tally_change(REPEAT, Benchmark::Employers);
        assert_eq!(
            total,
            Tally {
                pupils_attended: 1,
                interactions: 3,
                encounters: 2,
                encounters_bm5: 1,
                encounters_bm7: 1
            }
        );
    }

    #[test]
    fn a_pupil_counts_towards_each_line_once_as_they_cross_it() {
        let mut had = PupilEncounters::default();
        let mut reach = Reach::default();
        for benchmark in [
            Benchmark::FurtherAndHigherEducation,
            Benchmark::FurtherAndHigherEducation,
            Benchmark::Employers,
            Benchmark::Employers,
            Benchmark::Employers,
        ] {
            reach += reach_change(had, benchmark);
            had = had.with(benchmark);
            assert_eq!(reach, had.reach(), "the running sum is the pupil's reach");
        }
        assert_eq!(
            reach,
            Reach {
                pupils_with_bm5: 1,
                pupils_with_bm7: 1,
                pupils_at_goal: 1
            }
        );
        assert_eq!(had, PupilEncounters { bm5: 3, bm7: 2 });
    }

    #[test]
    fn the_goal_is_crossed_by_the_fourth_encounter_not_the_third() {
        let three = PupilEncounters { bm5: 3, bm7: 0 };
        assert_eq!(reach_change(three, Benchmark::Employers).pupils_at_goal, 1);
        let two = PupilEncounters { bm5: 1, bm7: 1 };
        assert_eq!(reach_change(two, Benchmark::Employers), Reach::default());
    }

    #[test]
    fn stand_activity_counts_each_kind_in_its_own_place() {
        let video = crate::domain::VideoId::parse("intro").expect("id");
        let mut activity = StandActivity::default();
        activity += StandActivity::of(&InteractionKind::Visit {});
        activity += StandActivity::of(&InteractionKind::Visit {});
        activity += StandActivity::of(&InteractionKind::VideoProgress {
            video,
            watched: WatchedMark::ThreeQuarters,
        });
        assert_eq!(
            activity,
            StandActivity {
                visits: 2,
                prospectus_downloads: 0,
                watched: [0, 0, 1, 0],
                questions: 0,
            }
        );
    }
}
