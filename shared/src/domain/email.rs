//! An organiser's email address, the name they sign in with: trimmed and
//! with ASCII letters lower-cased (so `Ann@School.org` and `ann@school.org`
//! are one account; ASCII only, which spares the front end Unicode's case
//! tables),
//! one `@` with something on each side and a dot in the domain, at most 254
//! characters (RFC 5321's limit), no spaces or control characters.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

const MAX_LEN: usize = 254;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EmailError {
    #[error("enter an email address, like name@school.org.uk")]
    Shape,
    #[error("an email address is at most {MAX_LEN} characters")]
    TooLong,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(value: &str) -> Result<Self, EmailError> {
        let email = value.trim().to_ascii_lowercase();
        if email.len() > MAX_LEN {
            return Err(EmailError::TooLong);
        }
        let well_formed = email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }) && !email.chars().any(|c| c.is_whitespace() || c.is_control());
        if !well_formed {
            return Err(EmailError::Shape);
        }
        Ok(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Email> for String {
    fn from(value: Email) -> Self {
        value.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_trimmed_and_lower_cased() {
        let email = Email::parse("  Ann.Smith@West-Somerset.Sch.UK ").expect("valid");
        assert_eq!(email.as_str(), "ann.smith@west-somerset.sch.uk");
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in [
            "",
            "ann",
            "@school.org",
            "ann@",
            "ann@school",
            "ann@@school.org",
            "ann@.org",
            "ann@school.",
            "ann smith@school.org",
        ] {
            assert_eq!(Email::parse(bad), Err(EmailError::Shape), "{bad:?}");
        }
        let long = format!("{}@school.org", "a".repeat(250));
        assert_eq!(Email::parse(&long), Err(EmailError::TooLong));
    }
}
