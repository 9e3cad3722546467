//! Settings read once at start from the environment (set by the SAM
//! template in AWS, by xtask locally) into typed values. A missing or bad
//! value stops the process at start with a clear message, never at the
//! first request.
//!
//! The signing key is the one secret. In AWS the environment names the
//! Secrets Manager secret that holds it (`SIGNING_KEY_SECRET_ARN`), and the
//! function reads it once at start, so the key never appears in the
//! function's configuration; locally it is given as `SIGNING_KEY`.

use aws_sdk_secretsmanager::error::DisplayErrorContext;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("environment variable {0} is not set")]
    Missing(&'static str),
    #[error("set SIGNING_KEY_SECRET_ARN (in AWS) or SIGNING_KEY (locally), not both")]
    TwoKeys,
    #[error("the signing key could not be read from Secrets Manager secret {secret}: {reason}")]
    Secret { secret: String, reason: String },
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

/// Where the signing key comes from.
#[derive(Debug, Clone)]
pub enum KeySource {
    /// The key itself (`SIGNING_KEY`, local only).
    Value(SigningKey),
    /// The ARN or name of the Secrets Manager secret that holds it.
    Secret(String),
}

impl KeySource {
    /// `set` gives a variable's value if it is set and not empty.
    fn from_lookup(set: &impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        match (set("SIGNING_KEY_SECRET_ARN"), set("SIGNING_KEY")) {
            (Some(_), Some(_)) => Err(ConfigError::TwoKeys),
            (Some(secret), None) => Ok(Self::Secret(secret)),
            (None, Some(value)) => SigningKey::parse(value).map(Self::Value),
            (None, None) => Err(ConfigError::Missing("SIGNING_KEY_SECRET_ARN")),
        }
    }

    /// The key, read from Secrets Manager if that is where it is.
    async fn resolve(self) -> Result<SigningKey, ConfigError> {
        let secret = match self {
            Self::Value(key) => return Ok(key),
            Self::Secret(secret) => secret,
        };
        let failed = |reason: String| ConfigError::Secret {
            secret: secret.clone(),
            reason,
        };
        let aws = crate::state::aws_config().await;
        let output = aws_sdk_secretsmanager::Client::new(aws)
            .get_secret_value()
            .secret_id(&secret)
            .send()
            .await
            .map_err(|error| failed(DisplayErrorContext(error).to_string()))?;
        let value = output
            .secret_string
            .ok_or_else(|| failed("it holds no text".into()))?;
        SigningKey::parse(value).map_err(|_| {
            failed(format!(
                "it is shorter than {} characters",
                SigningKey::MIN_LEN
            ))
        })
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
    /// What CloudFront sends in `X-Origin-Verify` (`ORIGIN_VERIFY`), which
    /// lets the function trust the viewer's address CloudFront passes on.
    pub origin_verify: Option<String>,
    /// The S3 bucket uploads go to (`FILES_BUCKET`), in AWS.
    pub files_bucket: Option<String>,
    /// A local S3 (`S3_ENDPOINT`, e.g. moto's server) instead of AWS's.
    pub s3_endpoint: Option<String>,
    /// Without a bucket, the directory uploads go to (`FILES_DIR`): the
    /// one served under `/files` locally.
    pub files_dir: Option<std::path::PathBuf>,
}

impl Settings {
    /// Reads the environment, and the signing key from Secrets Manager if
    /// the environment names a secret.
    pub async fn load() -> Result<Self, ConfigError> {
        let env = Environment::from_lookup(|name| std::env::var(name).ok())?;
        Ok(Self {
            signing_key: env.key.resolve().await?,
            table_name: env.table_name,
            dynamodb_endpoint: env.dynamodb_endpoint,
            files_base_url: env.files_base_url,
            origin_verify: env.origin_verify,
            files_bucket: env.files_bucket,
            s3_endpoint: env.s3_endpoint,
            files_dir: env.files_dir,
        })
    }
}

/// What a process that only touches the table needs (the retention job):
/// no signing key, so it need not be allowed to read the secret.
#[derive(Debug, Clone)]
pub struct StoreSettings {
    /// `TABLE_NAME`.
    pub table_name: String,
    /// `DYNAMODB_ENDPOINT`, a local engine; unset in AWS.
    pub dynamodb_endpoint: Option<String>,
}

impl StoreSettings {
    pub fn load() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let set = |name: &str| lookup(name).filter(|v| !v.is_empty());
        Ok(Self {
            table_name: set("TABLE_NAME").ok_or(ConfigError::Missing("TABLE_NAME"))?,
            dynamodb_endpoint: set("DYNAMODB_ENDPOINT"),
        })
    }
}

/// The settings as the environment gives them, before the key is fetched.
#[derive(Debug)]
struct Environment {
    table_name: String,
    dynamodb_endpoint: Option<String>,
    key: KeySource,
    files_base_url: String,
    origin_verify: Option<String>,
    files_bucket: Option<String>,
    s3_endpoint: Option<String>,
    files_dir: Option<std::path::PathBuf>,
}

impl Environment {
    /// Reads settings through `lookup`, so tests need not touch the process
    /// environment.
    fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let set = |name: &str| lookup(name).filter(|v| !v.is_empty());
        Ok(Self {
            table_name: set("TABLE_NAME").ok_or(ConfigError::Missing("TABLE_NAME"))?,
            key: KeySource::from_lookup(&set)?,
            dynamodb_endpoint: set("DYNAMODB_ENDPOINT"),
            files_base_url: set("FILES_BASE_URL")
                .unwrap_or_else(|| "/files".to_owned())
                .trim_end_matches('/')
                .to_owned(),
            origin_verify: set("ORIGIN_VERIFY"),
            files_bucket: set("FILES_BUCKET"),
            s3_endpoint: set("S3_ENDPOINT"),
            files_dir: set("FILES_DIR").map(std::path::PathBuf::from),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(pairs: &[(&str, &str)]) -> Result<Environment, ConfigError> {
        let env: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Environment::from_lookup(|name| env.get(name).cloned())
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
            Err(ConfigError::Missing("SIGNING_KEY_SECRET_ARN"))
        ));
        assert!(matches!(
            settings(&[("TABLE_NAME", "t"), ("SIGNING_KEY", "short")]),
            Err(ConfigError::Invalid {
                name: "SIGNING_KEY",
                ..
            })
        ));
        assert!(matches!(
            settings(&[
                ("TABLE_NAME", "t"),
                ("SIGNING_KEY", &key),
                ("SIGNING_KEY_SECRET_ARN", "arn")
            ]),
            Err(ConfigError::TwoKeys)
        ));
        let ok = settings(&[
            ("TABLE_NAME", "t"),
            ("SIGNING_KEY", &key),
            ("FILES_BASE_URL", "https://cdn/"),
        ])
        .expect("valid settings");
        assert_eq!(ok.files_base_url, "https://cdn");
        assert_eq!(ok.dynamodb_endpoint, None);
        assert!(matches!(ok.key, KeySource::Value(_)));
    }

    #[test]
    fn the_table_alone_needs_only_its_name() {
        let lookup = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let store = StoreSettings::from_lookup(lookup(&[("TABLE_NAME", "t")])).expect("valid");
        assert_eq!(store.table_name, "t");
        assert_eq!(store.dynamodb_endpoint, None);
        assert!(matches!(
            StoreSettings::from_lookup(lookup(&[("TABLE_NAME", "")])),
            Err(ConfigError::Missing("TABLE_NAME"))
        ));
    }

    #[test]
    fn in_aws_the_key_is_named_by_its_secret() {
        let env = settings(&[("TABLE_NAME", "t"), ("SIGNING_KEY_SECRET_ARN", "arn:key")])
            .expect("valid settings");
        assert!(matches!(env.key, KeySource::Secret(arn) if arn == "arn:key"));
    }
}
