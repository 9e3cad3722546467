//! Short human text (names of fairs, schools, stands): trimmed, not empty,
//! bounded, no control characters. It is always rendered as text.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

pub const NAME_MAX_CHARS: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TextError {
    #[error("must not be empty")]
    Empty,
    #[error("must be at most {NAME_MAX_CHARS} characters")]
    TooLong,
    #[error("must not contain control characters")]
    Control,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Name(String);

impl Name {
    pub fn parse(value: &str) -> Result<Self, TextError> {
        let trimmed = value.trim();
        if trimmed.is_empty() {
            return Err(TextError::Empty);
        }
        if trimmed.chars().count() > NAME_MAX_CHARS {
            return Err(TextError::TooLong);
        }
        if trimmed.chars().any(char::is_control) {
            return Err(TextError::Control);
        }
        Ok(Self(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Name {
    type Error = TextError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Name> for String {
    fn from(value: Name) -> Self {
        value.0
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            Name::parse("  Hinkley Point C ").map(String::from),
            Ok("Hinkley Point C".into())
        );
        let cases = [
            ("   ", TextError::Empty, "blank"),
            (
                &*"x".repeat(NAME_MAX_CHARS + 1),
                TextError::TooLong,
                "too long",
            ),
            ("a\u{0}b", TextError::Control, "NUL"),
            ("a\nb", TextError::Control, "newline"),
        ];
        for (input, error, why) in cases {
            assert_eq!(Name::parse(input), Err(error), "{why}");
        }
    }
}
