//! The API as AWS runs it: the same router, served by `lambda_http` behind
//! API Gateway (HTTP API). Settings come from the environment the SAM
//! template sets; a missing one stops the function at start.

use careers_api::config::Settings;
use careers_api::state::{AppState, dynamodb_client};
use careers_api::{app, telemetry};

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    telemetry::init(true);
    let settings = Settings::load()
        .await
        .inspect_err(|error| tracing::error!(%error, "invalid configuration"))?;
    let client = dynamodb_client(settings.dynamodb_endpoint.as_deref()).await;
    lambda_http::run(app(AppState::new(&settings, client))).await
}
