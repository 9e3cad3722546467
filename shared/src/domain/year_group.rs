//! A pupil's year group in the English system: Year 7 (age 11-12) to
//! Year 13 (age 17-18).

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("year group must be between 7 and 13")]
pub struct YearGroupError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct YearGroup(u8);

impl YearGroup {
    pub const ALL: [YearGroup; 7] = [
        YearGroup(7),
        YearGroup(8),
        YearGroup(9),
        YearGroup(10),
        YearGroup(11),
        YearGroup(12),
        YearGroup(13),
    ];

    pub fn parse(value: u8) -> Result<Self, YearGroupError> {
        if (7..=13).contains(&value) {
            Ok(Self(value))
        } else {
            Err(YearGroupError)
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for YearGroup {
    type Error = YearGroupError;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl From<YearGroup> for u8 {
    fn from(value: YearGroup) -> Self {
        value.0
    }
}

impl fmt::Display for YearGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Year {}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_secondary_years_parse() {
        assert_eq!(YearGroup::ALL.len(), 7);
        for bad in [0, 6, 14, 255] {
            assert_eq!(YearGroup::parse(bad), Err(YearGroupError), "{bad}");
        }
        assert!(serde_json::from_str::<YearGroup>("6").is_err());
        assert_eq!(
            serde_json::from_str::<YearGroup>("9").ok(),
            YearGroup::parse(9).ok()
        );
    }
}
