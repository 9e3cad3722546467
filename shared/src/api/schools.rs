//! The organiser's list of schools: adding one, importing many from a CSV
//! file (`name,urn,expected_pupils`), and each school's join code.

use crate::domain::{
    ExpectedPupils, ExpectedPupilsError, JoinCode, Name, SchoolId, TextError, Urn, UrnError,
};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// `POST /api/fairs/{fair}/schools`, and each row of an import: the fields
/// as typed. The URN and the expected number of pupils may be left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewSchool {
    pub name: String,
    #[serde(default)]
    pub urn: String,
    #[serde(default)]
    pub expected_pupils: String,
}

/// A new school whose fields are valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSchoolDetails {
    pub name: Name,
    pub urn: Option<Urn>,
    pub expected_pupils: Option<ExpectedPupils>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NewSchoolError {
    #[error("name {0}")]
    Name(#[from] TextError),
    #[error("{0}")]
    Urn(#[from] UrnError),
    #[error("{0}")]
    ExpectedPupils(#[from] ExpectedPupilsError),
}

impl TryFrom<&NewSchool> for NewSchoolDetails {
    type Error = NewSchoolError;
    fn try_from(school: &NewSchool) -> Result<Self, Self::Error> {
        let optional = |text: &str| (!text.trim().is_empty()).then(|| text.to_owned());
        Ok(Self {
            name: Name::parse(&school.name)?,
            urn: optional(&school.urn)
                .map(|urn| Urn::parse(&urn))
                .transpose()?,
            expected_pupils: optional(&school.expected_pupils)
                .map(|n| ExpectedPupils::parse(&n))
                .transpose()?,
        })
    }
}

/// A school as the organiser sees it, with the code its pupils join with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolView {
    pub id: SchoolId,
    pub name: Name,
    pub urn: Option<Urn>,
    pub expected_pupils: Option<ExpectedPupils>,
    pub join_code: JoinCode,
}

/// `POST /api/fairs/{fair}/schools/{school}/leader-link`: a link the
/// organiser gives the school's careers leader, which opens that school's
/// figures and pupils' file and nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderLink {
    /// The front end's address, without the host, e.g.
    /// `/fairs/demo/school#token=...`.
    pub path: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: time::OffsetDateTime,
}

/// The most schools one import may hold: more than any one fair's area.
pub const MAX_IMPORTED_SCHOOLS: usize = 500;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_optional_fields_are_left_out_and_bad_ones_refused() {
        let school = NewSchool {
            name: " Minehead Community School ".into(),
            urn: String::new(),
            expected_pupils: " ".into(),
        };
        let details = NewSchoolDetails::try_from(&school).expect("valid");
        assert_eq!(details.name.as_str(), "Minehead Community School");
        assert_eq!((details.urn, details.expected_pupils), (None, None));
        let bad_urn = NewSchool {
            urn: "12".into(),
            ..school.clone()
        };
        assert!(matches!(
            NewSchoolDetails::try_from(&bad_urn),
            Err(NewSchoolError::Urn(_))
        ));
        let no_name = NewSchool {
            name: "  ".into(),
            ..school
        };
        assert_eq!(
            NewSchoolDetails::try_from(&no_name).map_err(|e| e.to_string()),
            Err("name must not be empty".to_owned())
        );
    }
}
