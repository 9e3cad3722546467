//! Settings read once at start from the environment (set by the SAM
//! template in AWS, by xtask locally) into typed values. A missing or bad
//! value stops the process at start with a clear message, never at the
//! first request.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("environment variable {0} is not set")]
    Missing(&'static str),
    #[error("environment variable {name} is invalid: {reason}")]
    Invalid {
        name: &'static str,
        reason: &'static str,
    },
}

/// The key that signs pupils', organisers' and exhibitors' tokens.
#[derive(Clone)]
pub struct SigningKey(String);

impl SigningKey {
    pub const MIN_LEN: usize = 32;

    pub fn parse(value: String) -> Result<Self, ConfigError> {
        if value.len() < Self::MIN_LEN {
            return Err(ConfigError::Invalid {
                name: "SIGNING_KEY",
                reason: "must be at least 32 characters",
            });
        }
        Ok(Self(value))
    }

    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SigningKey(..)")
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    /// The DynamoDB table (`TABLE_NAME`).
    pub table_name: String,
    /// A local DynamoDB-compatible engine (`DYNAMODB_ENDPOINT`); unset in AWS.
    pub dynamodb_endpoint: Option<String>,
    pub signing_key: SigningKey,
    /// Where prospectuses and videos are served from (`FILES_BASE_URL`):
    /// `/files` locally, the CloudFront distribution in AWS.
    pub files_base_url: String,
}

impl Settings {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup`, so tests need not touch the process
    /// environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let required = |name: &'static str| {
            lookup(name)
                .filter(|v| !v.is_empty())
                .ok_or(ConfigError::Missing(name))
        };
        Ok(Self {
            table_name: required("TABLE_NAME")?,
            dynamodb_endpoint: lookup("DYNAMODB_ENDPOINT").filter(|v| !v.is_empty()),
            signing_key: SigningKey::parse(required("SIGNING_KEY")?)?,
            files_base_url: lookup("FILES_BASE_URL")
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| "/files".to_owned())
                .trim_end_matches('/')
                .to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(pairs: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let env: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::from_lookup(|name| env.get(name).cloned())
    }

    #[test]
    fn missing_or_weak_settings_are_refused_at_start() {
        let key = "k".repeat(32);
        assert!(matches!(
            settings(&[("SIGNING_KEY", &key)]),
            Err(ConfigError::Missing("TABLE_NAME"))
        ));
        assert!(matches!(
            settings(&[("TABLE_NAME", "t")]),
            Err(ConfigError::Missing("SIGNING_KEY"))
        ));
        assert!(matches!(
            settings(&[("TABLE_NAME", "t"), ("SIGNING_KEY", "short")]),
            Err(ConfigError::Invalid {
                name: "SIGNING_KEY",
                ..
            })
        ));
        let ok = settings(&[
            ("TABLE_NAME", "t"),
            ("SIGNING_KEY", &key),
            ("FILES_BASE_URL", "https://cdn/"),
        ])
        .expect("valid settings");
        assert_eq!(ok.files_base_url, "https://cdn");
        assert_eq!(ok.dynamodb_endpoint, None);
    }
}
