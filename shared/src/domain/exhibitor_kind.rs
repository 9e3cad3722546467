//! What kind of organisation an exhibitor is, and so which Gatsby benchmark
//! an encounter with it counts towards.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The Gatsby benchmark an encounter counts towards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Benchmark {
    /// Benchmark 5: encounters with employers and employees.
    #[serde(rename = "BM5")]
    Employers,
    /// Benchmark 7: encounters with further and higher education.
    #[serde(rename = "BM7")]
    FurtherAndHigherEducation,
}

impl Benchmark {
    pub fn code(self) -> &'static str {
        match self {
            Benchmark::Employers => "BM5",
            Benchmark::FurtherAndHigherEducation => "BM7",
        }
    }
}

impl fmt::Display for Benchmark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExhibitorKind {
    Employer,
    College,
    University,
    ApprenticeshipProvider,
    TrainingProvider,
}

impl ExhibitorKind {
    pub const ALL: [ExhibitorKind; 5] = [
        ExhibitorKind::Employer,
        ExhibitorKind::College,
        ExhibitorKind::University,
        ExhibitorKind::ApprenticeshipProvider,
        ExhibitorKind::TrainingProvider,
    ];

    /// The benchmark an encounter with this kind of exhibitor counts towards.
    pub fn benchmark(self) -> Benchmark {
        match self {
            ExhibitorKind::Employer => Benchmark::Employers,
            ExhibitorKind::College
            | ExhibitorKind::University
            | ExhibitorKind::ApprenticeshipProvider
            | ExhibitorKind::TrainingProvider => Benchmark::FurtherAndHigherEducation,
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            ExhibitorKind::Employer => "Employer",
            ExhibitorKind::College => "College",
            ExhibitorKind::University => "University",
            ExhibitorKind::ApprenticeshipProvider => "Apprenticeship provider",
            ExhibitorKind::TrainingProvider => "Training provider",
        }
    }

    /// The machine name, as used in JSON and in storage.
    pub fn code(self) -> &'static str {
        match self {
            ExhibitorKind::Employer => "employer",
            ExhibitorKind::College => "college",
            ExhibitorKind::University => "university",
            ExhibitorKind::ApprenticeshipProvider => "apprenticeship_provider",
            ExhibitorKind::TrainingProvider => "training_provider",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn employers_count_towards_bm5_and_education_towards_bm7() {
        assert_eq!(ExhibitorKind::Employer.benchmark(), Benchmark::Employers);
        for kind in ExhibitorKind::ALL.into_iter().skip(1) {
            assert_eq!(
                kind.benchmark(),
                Benchmark::FurtherAndHigherEducation,
                "{kind:?}"
            );
        }
    }

    #[test]
    fn codes_round_trip_and_match_json() {
        for kind in ExhibitorKind::ALL {
            assert_eq!(ExhibitorKind::from_code(kind.code()), Some(kind));
            let json = serde_json::to_string(&kind).expect("serialises");
            assert_eq!(json, format!("\"{}\"", kind.code()));
        }
        assert_eq!(ExhibitorKind::from_code("school"), None);
    }
}
