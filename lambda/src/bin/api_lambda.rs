//! The API as AWS runs it: the same router, served by `lambda_http` behind
//! a function URL in response-streaming mode. Settings come from the
//! environment the SAM template sets; a missing one stops the function at
//! start.

use careers_api::config::Settings;
use careers_api::files::FileStore;
use careers_api::state::{AppState, dynamodb_client};
use careers_api::{app, telemetry};

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    telemetry::init(true);
    let settings = Settings::load()
        .await
        .inspect_err(|error| tracing::error!(%error, "invalid configuration"))?;
    let client = dynamodb_client(settings.dynamodb_endpoint.as_deref()).await;
    // Streamed, not buffered: a whole fair's per-pupil export goes out page
    // by page as DynamoDB returns it, instead of being held in the
    // function's memory and cut off at the 6 MB a buffered response may be.
    let files = FileStore::from_settings(&settings).await;
    lambda_http::run_with_streaming_response(app(AppState::new(&settings, client, files))).await
}
