//! Secrets in the local Secrets Manager that `cargo xtask test` starts
//! (moto's server, at `SECRETS_MANAGER_ENDPOINT`), and the environment that
//! points a function at it.

use aws_sdk_secretsmanager::config::{BehaviorVersion, Credentials, Region};

pub fn endpoint() -> String {
    std::env::var("SECRETS_MANAGER_ENDPOINT").expect(
        "SECRETS_MANAGER_ENDPOINT is not set: run the tests with `cargo xtask test`, \
         which starts a local Secrets Manager",
    )
}

/// Stores `value` as a new secret and returns its ARN.
pub async fn create_secret(value: &str) -> String {
    let config = aws_sdk_secretsmanager::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .endpoint_url(endpoint())
        .region(Region::new("eu-west-2"))
        .credentials_provider(Credentials::new("local", "local", None, None, "local"))
        .build();
    aws_sdk_secretsmanager::Client::from_conf(config)
        .create_secret()
        .name(format!("signing-key-{}", uuid::Uuid::new_v4()))
        .secret_string(value)
        .send()
        .await
        .expect("create secret")
        .arn
        .expect("secret ARN")
}

/// What a function needs, besides the secret's ARN, to read it here: the
/// endpoint and (any) credentials.
pub fn function_env() -> [(&'static str, Option<String>); 3] {
    [
        ("AWS_ENDPOINT_URL_SECRETS_MANAGER", Some(endpoint())),
        ("AWS_ACCESS_KEY_ID", Some("local".to_owned())),
        ("AWS_SECRET_ACCESS_KEY", Some("local".to_owned())),
    ]
}
