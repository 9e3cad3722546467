//! What an exhibitor offers beyond the stand: links to their own pages
//! (https only, opened in a new tab without access back to the fair's
//! page) and opportunities such as apprenticeships, work experience and
//! courses.

use super::Name;
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

pub const URL_MAX_CHARS: usize = 2_000;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WebAddressError {
    #[error("must start with https://")]
    NotHttps,
    #[error("must name a site after https://")]
    NoHost,
    #[error("must be at most {URL_MAX_CHARS} characters")]
    TooLong,
    #[error("must not contain spaces, quotes, angle brackets or control characters")]
    Characters,
}

/// An https address, checked enough that it can only be a link to a web
/// page (never `javascript:` or `data:`), and short enough to store.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WebAddress(String);

impl WebAddress {
    pub fn parse(value: &str) -> Result<Self, WebAddressError> {
        let value = value.trim();
        if value.chars().count() > URL_MAX_CHARS {
            return Err(WebAddressError::TooLong);
        }
        if value.chars().any(|c| {
            c.is_control() || c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '\\')
        }) {
            return Err(WebAddressError::Characters);
        }
        let Some(rest) = value
            .get(..8)
            .filter(|scheme| scheme.eq_ignore_ascii_case("https://"))
            .map(|_| &value[8..])
        else {
            return Err(WebAddressError::NotHttps);
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if host.is_empty() || host.starts_with(['.', '@', ':']) {
            return Err(WebAddressError::NoHost);
        }
        Ok(Self(value.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for WebAddress {
    type Error = WebAddressError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<WebAddress> for String {
    fn from(value: WebAddress) -> Self {
        value.0
    }
}

impl fmt::Display for WebAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A link on a stand: the words shown and where it goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandLink {
    pub title: Name,
    pub url: WebAddress,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpportunityKind {
    Apprenticeship,
    WorkExperience,
    Course,
    Job,
}

impl OpportunityKind {
    pub const ALL: [OpportunityKind; 4] = [
        OpportunityKind::Apprenticeship,
        OpportunityKind::WorkExperience,
        OpportunityKind::Course,
        OpportunityKind::Job,
    ];

    pub fn label(self) -> &'static str {
        match self {
            OpportunityKind::Apprenticeship => "Apprenticeship",
            OpportunityKind::WorkExperience => "Work experience",
            OpportunityKind::Course => "Course",
            OpportunityKind::Job => "Job",
        }
    }
}

/// Something a pupil could apply for or join.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opportunity {
    pub kind: OpportunityKind,
    pub title: Name,
    /// Plain text; rendered as text.
    pub summary: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_https_links_to_a_site() {
        for ok in [
            "https://www.hinkleypointc.co.uk/careers",
            "HTTPS://example.org",
            " https://example.org/a?b=c#d ",
        ] {
            assert!(WebAddress::parse(ok).is_ok(), "{ok}");
        }
        let cases = [
            ("javascript:alert(1)", WebAddressError::NotHttps),
            ("http://example.org", WebAddressError::NotHttps),
            ("data:text/html,hi", WebAddressError::NotHttps),
            ("https://", WebAddressError::NoHost),
            ("https:///path", WebAddressError::NoHost),
            ("https://exa mple.org", WebAddressError::Characters),
            (
                "https://example.org/\"onmouseover",
                WebAddressError::Characters,
            ),
        ];
        for (input, error) in cases {
            assert_eq!(WebAddress::parse(input), Err(error), "{input}");
        }
        let long = format!("https://example.org/{}", "a".repeat(URL_MAX_CHARS));
        assert_eq!(WebAddress::parse(&long), Err(WebAddressError::TooLong));
    }
}
