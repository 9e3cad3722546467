//! Logging set-up shared by the binaries. Logs carry ids and codes only;
//! nothing a pupil typed is ever logged.

use tracing_subscriber::EnvFilter;

/// JSON lines in Lambda (CloudWatch parses them); readable text locally.
pub fn init(json: bool) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,tower_http=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false);
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}
