//! Identifiers. Fairs, stands, schools and prospectuses are named by slugs
//! chosen by people (they appear in URLs); pupils and interactions by UUIDs
//! minted by a machine (the API for pupils, the client for interactions, so
//! that a retried request carries the same id).

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;
use uuid::Uuid;

/// Why a slug was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SlugError {
    #[error("must be between 2 and 64 characters long")]
    Length,
    #[error("may contain only lower-case letters, digits and single hyphens between them")]
    Characters,
}

/// A URL-safe identifier: lower-case ASCII letters and digits separated by
/// single hyphens, 2 to 64 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    pub fn parse(value: &str) -> Result<Self, SlugError> {
        if !(2..=64).contains(&value.len()) {
            return Err(SlugError::Length);
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        if !value.chars().all(allowed)
            || value.starts_with('-')
            || value.ends_with('-')
            || value.contains("--")
        {
            return Err(SlugError::Characters);
        }
        Ok(Self(value.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = SlugError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Slug> for String {
    fn from(value: Slug) -> Self {
        value.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Declares a slug-shaped identifier of its own type, so that a stand id can
/// never be passed where a school id is expected.
macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(Slug);

        impl $name {
            pub fn parse(value: &str) -> Result<Self, SlugError> {
                Slug::parse(value).map(Self)
            }

            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }
        }

        impl TryFrom<String> for $name {
            type Error = SlugError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0.into()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

slug_id!(
    /// A fair, e.g. `west-somerset-2026`.
    FairId
);
slug_id!(
    /// An exhibitor's stand within a fair, e.g. `hinkley-point-c`.
    StandId
);
slug_id!(
    /// A school registered for a fair.
    SchoolId
);
slug_id!(
    /// A downloadable prospectus on a stand.
    ProspectusId
);
slug_id!(
    /// A workplace-insight video on a stand.
    VideoId
);

/// Declares a UUID-shaped identifier of its own type.
macro_rules! uuid_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh random id.
            pub fn new_random() -> Self {
                Self(Uuid::new_v4())
            }

            pub fn parse(value: &str) -> Result<Self, uuid::Error> {
                Uuid::parse_str(value).map(Self)
            }

            pub fn as_uuid(&self) -> &Uuid {
                &self.0
            }
        }

        impl From<Uuid> for $name {
            fn from(value: Uuid) -> Self {
                Self(value)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }
    };
}

uuid_id!(
    /// A pupil's pseudonymous identity within one fair, minted by the API.
    PupilId
);
uuid_id!(
    /// An invitation to run a stand: random, so the link that carries it
    /// cannot be guessed.
    InviteId
);
uuid_id!(
    /// One interaction, minted by the client before its first attempt so that
    /// retries are recognised.
    InteractionId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_accept_lower_case_words_joined_by_hyphens() {
        for ok in ["ab", "west-somerset-2026", "a1-b2", &"x".repeat(64)] {
            assert!(Slug::parse(ok).is_ok(), "{ok} should parse");
        }
    }

    #[test]
    fn slugs_refuse_everything_else() {
        let cases = [
            ("", SlugError::Length, "empty"),
            ("a", SlugError::Length, "one character"),
            (&*"x".repeat(65), SlugError::Length, "too long"),
            ("West", SlugError::Characters, "upper case"),
            ("-ab", SlugError::Characters, "leading hyphen"),
            ("ab-", SlugError::Characters, "trailing hyphen"),
            ("a--b", SlugError::Characters, "double hyphen"),
            ("a b", SlugError::Characters, "space"),
            ("a/b", SlugError::Characters, "slash"),
        ];
        for (input, error, why) in cases {
            assert_eq!(Slug::parse(input), Err(error), "{why}: {input:?}");
        }
    }

    #[test]
    fn typed_ids_check_when_deserialised() {
        let ok: FairId = serde_json::from_str("\"fair-1\"").expect("valid id");
        assert_eq!(ok.as_str(), "fair-1");
        assert!(serde_json::from_str::<StandId>("\"Not A Slug\"").is_err());
    }
}
