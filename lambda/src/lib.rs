//! The careers fair's API: one axum [`Router`] (see [`app`]) that AWS Lambda
//! serves through `lambda_http` and the local server through `axum::serve`,
//! its DynamoDB [`store`], and the pieces both need.

pub mod auth;
pub mod config;
pub mod demo;
mod error;
pub mod export;
mod extract;
pub mod files;
pub mod local;
pub mod model;
pub mod password;
mod routes;
pub mod service;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod throttle;

pub use error::ApiError;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use state::AppState;
use tower_http::trace::TraceLayer;

/// Request bodies larger than this are refused with 413 before they are read
/// in full: the API's bodies are small JSON documents.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// The whole HTTP API, under `/api`. Unknown `/api` paths get a JSON 404.
pub fn app(state: AppState) -> Router {
    Router::new()
        .nest(
            "/api",
            routes::api().fallback(|| async { ApiError::NotFound }),
        )
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
