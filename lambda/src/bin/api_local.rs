//! The API on this machine: the same router as in Lambda, served by
//! `axum::serve`, plus the built front end and the local file store.
//!
//! Env: the API's settings (see `config`), and BIND_ADDR (default
//! 127.0.0.1:3000), STATIC_DIR (the built front end). Uploads go to FILES_DIR
//! (also served under `/files`) unless FILES_BUCKET names an S3 bucket.

use anyhow::Context;
use careers_api::config::Settings;
use careers_api::files::FileStore;
use careers_api::state::{AppState, dynamodb_client};
use careers_api::{app, local, telemetry};
use std::path::PathBuf;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    telemetry::init(false);
    let settings = Settings::load().await?;
    let bind = std::env::var("BIND_ADDR").unwrap_or_else(|_| "127.0.0.1:3000".into());
    let client = dynamodb_client(settings.dynamodb_endpoint.as_deref()).await;
    let files = FileStore::from_settings(&settings).await;
    let state = AppState::new(&settings, client, files);
    state
        .store
        .create_table_if_missing()
        .await
        .context("creating the table")?;

    let site = std::env::var_os("STATIC_DIR").map(PathBuf::from);
    let files = settings.files_dir.clone();
    let router = local::with_site(app(state), site.as_deref(), files.as_deref());

    let listener = tokio::net::TcpListener::bind(&bind)
        .await
        .with_context(|| format!("binding {bind}"))?;
    tracing::info!("listening on http://{}", listener.local_addr()?);
    // With the peer's address, which slows down repeated wrong codes.
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
