//! Joining a fair and a pupil's own record.

use crate::domain::{
    Benchmark, JoinCode, JoinCodeError, Name, Pseudonym, PupilId, ResumeCode, StandId, YearGroup,
    YearGroupError,
};
use crate::encounter::Tally;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// `POST /api/fairs/{fair}/pupils`: all a pupil gives is their school's
/// join code and their year group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JoinRequest {
    pub join_code: String,
    pub year_group: u8,
}

/// A join request whose fields are valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinDetails {
    pub join_code: JoinCode,
    pub year_group: YearGroup,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum JoinError {
    #[error("join code: {0}")]
    JoinCode(#[from] JoinCodeError),
    #[error("{0}")]
    YearGroup(#[from] YearGroupError),
}

impl TryFrom<&JoinRequest> for JoinDetails {
    type Error = JoinError;
    fn try_from(request: &JoinRequest) -> Result<Self, Self::Error> {
        Ok(Self {
            join_code: JoinCode::parse(&request.join_code)?,
            year_group: YearGroup::parse(request.year_group)?,
        })
    }
}

/// Who the pupil is in this fair, as shown to themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilProfile {
    pub id: PupilId,
    pub pseudonym: Pseudonym,
    pub school_name: Name,
    pub year_group: YearGroup,
    /// The words that let the pupil carry on later or on another device.
    pub resume_code: ResumeCode,
}

/// `POST /api/fairs/{fair}/pupil-sessions`: carrying on with a resume code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResumeRequest {
    pub resume_code: String,
}

/// The answer to a successful join: a signed, expiring token to send as
/// `Authorization: Bearer ...`, and the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinedPupil {
    pub token: String,
    pub pupil: PupilProfile,
}

/// One of the pupil's encounters, for their own record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncounterView {
    pub stand: StandId,
    pub stand_name: Name,
    pub benchmark: Benchmark,
    pub interactions: u64,
}

/// `GET /api/fairs/{fair}/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilRecord {
    pub pupil: PupilProfile,
    pub totals: Tally,
    pub encounters: Vec<EncounterView>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_requests_are_checked_field_by_field() {
        let ok = JoinRequest {
            join_code: "k7mp-q4xr".into(),
            year_group: 9,
        };
        let details = JoinDetails::try_from(&ok).expect("valid");
        assert_eq!(details.join_code.as_str(), "K7MPQ4XR");

        let bad_code = JoinRequest {
            join_code: "nope".into(),
            year_group: 9,
        };
        assert!(matches!(
            JoinDetails::try_from(&bad_code),
            Err(JoinError::JoinCode(_))
        ));
        let bad_year = JoinRequest {
            join_code: "K7MPQ4XR".into(),
            year_group: 4,
        };
        assert!(matches!(
            JoinDetails::try_from(&bad_year),
            Err(JoinError::YearGroup(_))
        ));
    }
}

/// `POST /api/fairs/{fair}/erasures`: the organiser erases one pupil's data
/// on request, naming them by the id in the per-pupil export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErasePupil {
    pub pupil: PupilId,
}

/// What an erasure removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Erased {
    /// Stored items deleted: the pupil, their encounters, interactions,
    /// challenge answers, resume code and questions.
    pub items: u64,
}
