//! A school's join code: what a teacher writes on the board and a pupil
//! types on a phone. Eight characters from an alphabet without look-alikes
//! (no 0/O, 1/I/L, 5/S, 2/Z), case-insensitive, with spaces and hyphens
//! ignored, so "k7mp-q4xr" and "K7MPQ4XR" are the same code.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// The characters a join code is made of.
pub const JOIN_CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRTUVWXY346789";
/// How many characters a join code has.
pub const JOIN_CODE_LENGTH: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum JoinCodeError {
    #[error("a join code has {JOIN_CODE_LENGTH} letters and numbers")]
    Length,
    #[error("'{0}' is not used in join codes: check the code your school gave you")]
    Character(char),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct JoinCode(String);

impl JoinCode {
    pub fn parse(value: &str) -> Result<Self, JoinCodeError> {
        let mut code = String::with_capacity(JOIN_CODE_LENGTH);
        for c in value.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            let upper = c.to_ascii_uppercase();
            if !upper.is_ascii() || !JOIN_CODE_ALPHABET.contains(&(upper as u8)) {
                return Err(JoinCodeError::Character(c));
            }
            code.push(upper);
        }
        if code.len() != JOIN_CODE_LENGTH {
            return Err(JoinCodeError::Length);
        }
        Ok(Self(code))
    }

    /// Builds a code from random bytes (one per character), so callers pick
    /// the source of randomness and this crate needs none.
    pub fn from_random_bytes(bytes: [u8; JOIN_CODE_LENGTH]) -> Self {
        let code = bytes
            .iter()
            .map(|b| JOIN_CODE_ALPHABET[usize::from(*b) % JOIN_CODE_ALPHABET.len()] as char)
            .collect();
        Self(code)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code as printed for people: two groups of four.
    pub fn display_grouped(&self) -> String {
        format!("{}-{}", &self.0[..4], &self.0[4..])
    }
}

impl TryFrom<String> for JoinCode {
    type Error = JoinCodeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<JoinCode> for String {
    fn from(value: JoinCode) -> Self {
        value.0
    }
}

impl fmt::Display for JoinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_ignore_case_spaces_and_hyphens() {
        let code = JoinCode::parse(" k7mp-q4xr ").expect("valid");
        assert_eq!(code.as_str(), "K7MPQ4XR");
        assert_eq!(code.display_grouped(), "K7MP-Q4XR");
    }

    #[test]
    fn codes_refuse_look_alikes_and_wrong_lengths() {
        let cases = [
            ("K7MPQ4X", JoinCodeError::Length, "seven characters"),
            ("K7MPQ4XRA", JoinCodeError::Length, "nine characters"),
            ("", JoinCodeError::Length, "empty"),
            ("K7MPQ4X0", JoinCodeError::Character('0'), "zero"),
            ("K7MPQ4XO", JoinCodeError::Character('O'), "letter O"),
            ("K7MPQ4X1", JoinCodeError::Character('1'), "one"),
            ("K7MPQ4Xé", JoinCodeError::Character('é'), "non-ASCII"),
        ];
        for (input, error, why) in cases {
            assert_eq!(JoinCode::parse(input), Err(error), "{why}: {input:?}");
        }
    }

    #[test]
    fn random_codes_always_parse() {
        for seed in 0..=255u8 {
            let bytes = [seed, seed.wrapping_mul(7), 3, 250, 99, seed, 1, 200];
            let code = JoinCode::from_random_bytes(bytes);
            assert_eq!(JoinCode::parse(code.as_str()), Ok(code));
        }
    }
}
