//! The retention job as AWS runs it: a function that EventBridge invokes
//! once a day (see `infra/template.yaml`). Each invocation runs the job
//! once over the queue of archived fairs; the event itself carries nothing
//! the job needs. It reads only TABLE_NAME, so it has no access to the
//! signing key.

use careers_api::config::StoreSettings;
use careers_api::service::retention::{self, Summary};
use careers_api::state::dynamodb_client;
use careers_api::store::Store;
use careers_api::telemetry;
use lambda_http::lambda_runtime::{self, Error, LambdaEvent, service_fn};
use serde_json::Value;

#[tokio::main]
async fn main() -> Result<(), Error> {
    telemetry::init(true);
    let settings = StoreSettings::load()
        .inspect_err(|error| tracing::error!(%error, "invalid configuration"))?;
    let client = dynamodb_client(settings.dynamodb_endpoint.as_deref()).await;
    let store = Store::new(client, settings.table_name);
    lambda_runtime::run(service_fn(|_: LambdaEvent<Value>| {
        let store = store.clone();
        async move { run_once(&store).await }
    }))
    .await
}

/// A fair that failed makes the invocation fail, so the errors alarm and
/// the function's error metric show it; the next day's run retries it.
async fn run_once(store: &Store) -> Result<Summary, Error> {
    let summary = retention::run(store, time::OffsetDateTime::now_utc()).await?;
    if summary.fairs_failed > 0 {
        return Err(format!("{summary}").into());
    }
    Ok(summary)
}
