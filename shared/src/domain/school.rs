//! What an organiser records about a school: its URN (the Department for
//! Education's Unique Reference Number) and how many pupils it expects to
//! send, so the dashboard can show the share who came.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("a URN is 6 digits, for example 123456")]
pub struct UrnError;

/// A school's Unique Reference Number: six digits, never starting with 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Urn(u32);

impl Urn {
    pub fn parse(value: &str) -> Result<Self, UrnError> {
        let value = value.trim();
        if value.len() != 6 || !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(UrnError);
        }
        value.parse::<u32>().map_err(|_| UrnError)?.try_into()
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for Urn {
    type Error = UrnError;
    fn try_from(value: u32) -> Result<Self, Self::Error> {
        if (100_000..=999_999).contains(&value) {
            Ok(Self(value))
        } else {
            Err(UrnError)
        }
    }
}

impl From<Urn> for u32 {
    fn from(value: Urn) -> Self {
        value.0
    }
}

impl fmt::Display for Urn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The most pupils one school is expected to send; larger figures are
/// surely typing mistakes (the largest English schools have about 3,000).
pub const MAX_EXPECTED_PUPILS: u32 = 5_000;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("expected pupils must be a whole number from 1 to {MAX_EXPECTED_PUPILS}")]
pub struct ExpectedPupilsError;

/// How many pupils a school expects to take part: 1 to [`MAX_EXPECTED_PUPILS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct ExpectedPupils(u32);

impl ExpectedPupils {
    pub fn parse(value: &str) -> Result<Self, ExpectedPupilsError> {
        value
            .trim()
            .parse::<u32>()
            .map_err(|_| ExpectedPupilsError)?
            .try_into()
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for ExpectedPupils {
    type Error = ExpectedPupilsError;
    fn try_from(value: u32) -> Result<Self, Self::Error> {
        if (1..=MAX_EXPECTED_PUPILS).contains(&value) {
            Ok(Self(value))
        } else {
            Err(ExpectedPupilsError)
        }
    }
}

impl From<ExpectedPupils> for u32 {
    fn from(value: ExpectedPupils) -> Self {
        value.0
    }
}

impl fmt::Display for ExpectedPupils {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urns_are_six_digits() {
        assert_eq!(Urn::parse(" 123456 ").map(Urn::get), Ok(123_456));
        for bad in ["12345", "1234567", "012345", "12345a", "", "-12345"] {
            assert_eq!(Urn::parse(bad), Err(UrnError), "{bad:?}");
        }
        assert!(serde_json::from_str::<Urn>("99999").is_err());
    }

    #[test]
    fn expected_pupils_are_between_one_and_the_maximum() {
        assert_eq!(
            ExpectedPupils::parse("240").map(ExpectedPupils::get),
            Ok(240)
        );
        for bad in ["0", "5001", "twelve", "2.5", ""] {
            assert_eq!(
                ExpectedPupils::parse(bad),
                Err(ExpectedPupilsError),
                "{bad:?}"
            );
        }
    }
}
