//! How long pupil-level data is kept once a fair is archived, as the
//! organiser chooses when archiving: 0 to 730 days (two years, longer than
//! any school's records need the raw data, since the totals stay for ever).
//! 0 means "as soon as possible".

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;
use time::{Duration, OffsetDateTime};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "pupils' data can be kept for {} to {} days after archiving",
    RetentionDays::MIN,
    RetentionDays::MAX
)]
pub struct RetentionDaysError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct RetentionDays(u16);

impl RetentionDays {
    pub const MIN: u16 = 0;
    pub const MAX: u16 = 730;

    pub fn parse(days: u16) -> Result<Self, RetentionDaysError> {
        if days <= Self::MAX {
            Ok(Self(days))
        } else {
            Err(RetentionDaysError)
        }
    }

    pub fn get(self) -> u16 {
        self.0
    }

    /// When data kept this long after `archived_at` is to be removed.
    pub fn expiry_after(self, archived_at: OffsetDateTime) -> OffsetDateTime {
        archived_at + Duration::days(i64::from(self.0))
    }
}

impl TryFrom<u16> for RetentionDays {
    type Error = RetentionDaysError;
    fn try_from(days: u16) -> Result<Self, Self::Error> {
        Self::parse(days)
    }
}

impl From<RetentionDays> for u16 {
    fn from(days: RetentionDays) -> Self {
        days.0
    }
}

impl fmt::Display for RetentionDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} days", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_none_to_two_years_is_kept() {
        for days in [0, 1, 30, 365, 730] {
            assert_eq!(RetentionDays::parse(days).map(RetentionDays::get), Ok(days));
        }
    }

    #[test]
    fn more_than_two_years_is_refused() {
        for days in [731, 1000, u16::MAX] {
            assert_eq!(
                RetentionDays::parse(days),
                Err(RetentionDaysError),
                "{days}"
            );
        }
    }

    #[test]
    fn deserialising_checks_the_range() {
        let days: RetentionDays = serde_json::from_str("30").expect("30 days");
        assert_eq!(days.get(), 30);
        assert_eq!(serde_json::to_string(&days).expect("json"), "30");
        assert!(serde_json::from_str::<RetentionDays>("731").is_err());
        assert!(serde_json::from_str::<RetentionDays>("-1").is_err());
    }

    #[test]
    fn data_expires_the_given_days_after_archiving() {
        let archived_at = OffsetDateTime::UNIX_EPOCH + Duration::days(20_000);
        let days = |n| RetentionDays::parse(n).expect("days");
        assert_eq!(days(0).expiry_after(archived_at), archived_at);
        assert_eq!(
            days(30).expiry_after(archived_at),
            archived_at + Duration::days(30)
        );
    }
}
