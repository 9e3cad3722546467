//! What the integration and browser tests share: [`spawn_app`] starts the
//! real router on a random port against the local DynamoDB engine (whose
//! address `cargo xtask test` passes in `DYNAMODB_ENDPOINT`) with a table of
//! its own, seeds a small fair, and returns a [`TestApp`] with typed helpers.

mod app;
pub mod engine;
pub mod events;
pub mod export_bench;
pub mod files;
mod fixture;
pub mod function;
pub mod replay;
pub mod runtime_api;
pub mod secrets;
pub mod web_bench;
pub mod xlsx;

pub use app::{
    TestApp, attach_app, engine_endpoint, spawn_app, spawn_app_on, spawn_app_with_files,
    spawn_app_with_static, test_signing_key,
};
pub use fixture::{
    CLOSED_FAIR, COLLEGE, EMPLOYER, FAIR, JOIN_CODE, OTHER_JOIN_CODE, PROSPECTUS, VIDEO,
};

/// A benchmark's arguments, as `cargo xtask bench <name> -- ...` passes them
/// (without the `--bench` flag `cargo bench` adds).
pub fn bench_args<T: clap::Parser>() -> T {
    T::parse_from(std::env::args().filter(|arg| arg != "--bench"))
}
