//! What every handler shares: the store, the token keys and where files are
//! served from. Built once in `main` from `Settings`.

use crate::auth::Tokens;
use crate::config::Settings;
use crate::files::{FileStore, UploadTickets};
use crate::store::Store;
use crate::throttle::{ClientKeys, EdgeTrust};
use aws_sdk_dynamodb::config::timeout::TimeoutConfig;
use aws_sdk_dynamodb::config::{Credentials, Region};
use std::time::Duration;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub tokens: Tokens,
    pub client_keys: ClientKeys,
    pub edge: EdgeTrust,
    /// Prefix of file URLs: `/files` locally, a CDN in AWS.
    pub files_base_url: String,
    /// Where uploads go and stands' files live.
    pub files: FileStore,
    /// Signs and checks upload tickets.
    pub upload_tickets: UploadTickets,
}

impl axum::extract::FromRef<AppState> for EdgeTrust {
    fn from_ref(state: &AppState) -> Self {
        state.edge.clone()
    }
}

impl AppState {
    pub fn new(settings: &Settings, client: aws_sdk_dynamodb::Client, files: FileStore) -> Self {
        Self {
            store: Store::new(client, settings.table_name.clone()),
            tokens: Tokens::new(&settings.signing_key),
            client_keys: ClientKeys::new(&settings.signing_key),
            edge: EdgeTrust::new(settings.origin_verify.clone()),
            files_base_url: settings.files_base_url.clone(),
            files,
            upload_tickets: UploadTickets::new(&settings.signing_key),
        }
    }

    /// The URL a file in the file store is fetched from.
    pub fn file_url(&self, key: &str) -> String {
        format!("{}/{}", self.files_base_url, key)
    }
}

/// Bounds on each DynamoDB call, well inside the function's 10 s timeout, so
/// a stalled connection fails fast (503, the client retries) instead of
/// holding a pupil's request until Lambda kills it. A local engine on a
/// shared 2-core machine can take seconds under a test suite's load, so it
/// gets far looser bounds; a stopped engine still fails at once.
fn timeouts(local: bool) -> TimeoutConfig {
    let (attempt, operation) = if local { (30, 60) } else { (3, 8) };
    TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(2))
        .operation_attempt_timeout(Duration::from_secs(attempt))
        .operation_timeout(Duration::from_secs(operation))
        .build()
}

/// The DynamoDB client: the usual AWS configuration chain in AWS, or a local
/// engine with dummy credentials when an endpoint is given.
pub async fn dynamodb_client(endpoint: Option<&str>) -> aws_sdk_dynamodb::Client {
    match endpoint {
        Some(endpoint) => {
            let config = aws_sdk_dynamodb::Config::builder()
                .behavior_version(aws_sdk_dynamodb::config::BehaviorVersion::latest())
                .endpoint_url(endpoint)
                .region(Region::new("eu-west-2"))
                .credentials_provider(Credentials::new("local", "local", None, None, "local"))
                .timeout_config(timeouts(true))
                .build();
            aws_sdk_dynamodb::Client::from_conf(config)
        }
        None => aws_sdk_dynamodb::Client::new(aws_config().await),
    }
}

/// The AWS configuration chain (in Lambda: the function's role and region),
/// with AWS's timeouts. Loaded once, on first use, and shared by the
/// Secrets Manager and DynamoDB clients, since a cold start pays for it.
pub async fn aws_config() -> &'static aws_config::SdkConfig {
    static CONFIG: tokio::sync::OnceCell<aws_config::SdkConfig> =
        tokio::sync::OnceCell::const_new();
    CONFIG
        .get_or_init(|| {
            aws_config::defaults(aws_config::BehaviorVersion::latest())
                .timeout_config(timeouts(false))
                .load()
        })
        .await
}
