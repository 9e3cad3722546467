//! Logging set-up shared by the binaries. Logs carry ids and codes only;
//! nothing a pupil typed is ever logged.

use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;

const DEFAULT_FILTER: &str = "info,tower_http=warn";

/// JSON lines in Lambda (CloudWatch parses them); readable text locally.
/// `RUST_LOG` takes `level` and `target=level` directives. (`Targets` rather
/// than `EnvFilter`, whose regular expressions would add about 100 KB to
/// the Lambda zip, which has a 3 MB budget.)
pub fn init(json: bool) {
    let filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|directives| directives.parse::<Targets>().ok())
        .unwrap_or_else(|| DEFAULT_FILTER.parse().expect("the default filter parses"));
    let format = tracing_subscriber::fmt::layer().with_target(false);
    let registry = tracing_subscriber::registry().with(filter);
    let _ = if json {
        registry.with(format.json()).try_init()
    } else {
        registry.with(format).try_init()
    };
}
