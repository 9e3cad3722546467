//! `cargo xtask bench lambda`: the API function as Lambda runs it, measured
//! side by side with the local axum server in one run: init duration
//! (process start until its first request for an event), warm latency of a
//! recorded interaction through the Runtime API and through axum::serve, and
//! the size of the deployable zip.
//!
//! Init is measured twice: with the key in the environment, and reading it
//! from Secrets Manager as in AWS (here moto's server, a local process, so
//! AWS's own round trip, typically tens of milliseconds, comes on top).
//!
//! Env: API_LAMBDA_BIN (an optimised native build of api-lambda),
//! LAMBDA_ZIP (the arm64 package, if built), DYNAMODB_ENDPOINT,
//! SECRETS_MANAGER_ENDPOINT.

use serde_json::json;
use std::time::{Duration, Instant};
use tests::events::http_api_event;
use tests::runtime_api::RuntimeApi;
use tests::{EMPLOYER, TestApp, function, secrets, spawn_app, test_signing_key};

const COLD_STARTS: usize = 7;
const WARM_REQUESTS: usize = 400;
/// A hello-world axum function built the same way (TOOLCHAIN.md), zipped.
const HELLO_WORLD_ZIP_BYTES: f64 = 0.88 * 1024.0 * 1024.0;

fn percentile(samples: &mut [Duration], p: f64) -> f64 {
    samples.sort();
    let index = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[index].as_secs_f64() * 1e3
}

type Settings = Vec<(&'static str, Option<String>)>;

/// The function's settings with the key in the environment.
fn settings(app: &TestApp) -> Settings {
    vec![
        ("TABLE_NAME", Some(app.store.table_name().to_owned())),
        ("DYNAMODB_ENDPOINT", Some(app.endpoint.clone())),
        ("SIGNING_KEY", Some(test_signing_key())),
    ]
}

/// The function's settings as the SAM template gives them: the key is in a
/// secret.
async fn settings_with_secret(app: &TestApp) -> Settings {
    let arn = secrets::create_secret(&test_signing_key()).await;
    let mut settings = vec![
        ("TABLE_NAME", Some(app.store.table_name().to_owned())),
        ("DYNAMODB_ENDPOINT", Some(app.endpoint.clone())),
        ("SIGNING_KEY_SECRET_ARN", Some(arn)),
    ];
    settings.extend(secrets::function_env());
    settings
}

/// Starts the function and returns it with the time until it asked for its
/// first event.
async fn cold_start(settings: &Settings) -> (tokio::process::Child, RuntimeApi, Duration) {
    let runtime = RuntimeApi::start().await;
    let started = Instant::now();
    let child = function::start(&runtime.address, settings, false);
    loop {
        if let Some(at) = runtime.first_next_at() {
            return (child, runtime, at - started);
        }
        tokio::time::sleep(Duration::from_micros(200)).await;
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    println!(
        "lambda bench: {} ({COLD_STARTS} cold starts, {WARM_REQUESTS} warm requests each way)",
        function::binary().display()
    );
    let app = spawn_app().await;

    let with_key = settings(&app);
    let with_secret = settings_with_secret(&app).await;
    let (mut inits, mut secret_inits) = (Vec::new(), Vec::new());
    for _ in 0..COLD_STARTS {
        for (settings, times) in [(&with_key, &mut inits), (&with_secret, &mut secret_inits)] {
            let (mut child, _runtime, init) = cold_start(settings).await;
            times.push(init);
            child.kill().await?;
        }
    }
    let (_child, runtime, _) = cold_start(&with_key).await;
    let pupil = app.join_ok().await;
    let path = format!("/api/fairs/{}/interactions", app.fair);

    let mut via_lambda = Vec::with_capacity(WARM_REQUESTS);
    let mut via_axum = Vec::with_capacity(WARM_REQUESTS);
    for _ in 0..WARM_REQUESTS {
        let visit =
            json!({"id": uuid::Uuid::new_v4(), "stand": EMPLOYER, "kind": {"type": "visit"}});
        let event = http_api_event("POST", &path, Some(visit), Some(&pupil.token));
        let started = Instant::now();
        let answer = runtime
            .invoke(event)
            .await
            .map_err(|e| anyhow::anyhow!("function error {e}"))?;
        via_lambda.push(started.elapsed());
        anyhow::ensure!(answer["statusCode"] == 201, "unexpected answer {answer}");

        let started = Instant::now();
        let status = app
            .record(&pupil.token, &TestApp::visit(EMPLOYER))
            .await
            .status();
        via_axum.push(started.elapsed());
        anyhow::ensure!(status == 201, "unexpected status {status}");
    }

    let init_median = percentile(&mut inits, 0.5);
    println!(
        "init duration (start -> first /next), key in env: median {init_median:.1} ms, max {:.1} ms (budget 25 ms)",
        percentile(&mut inits, 1.0)
    );
    println!(
        "init duration, key read from Secrets Manager (local moto): median {:.1} ms, max {:.1} ms",
        percentile(&mut secret_inits, 0.5),
        percentile(&mut secret_inits, 1.0)
    );
    let (l50, l99) = (
        percentile(&mut via_lambda, 0.5),
        percentile(&mut via_lambda, 0.99),
    );
    let (a50, a99) = (
        percentile(&mut via_axum, 0.5),
        percentile(&mut via_axum, 0.99),
    );
    println!("recorded interaction via Runtime API: p50 {l50:.2} ms, p99 {l99:.2} ms");
    println!("recorded interaction via axum::serve: p50 {a50:.2} ms, p99 {a99:.2} ms");
    println!(
        "ratio lambda/axum: p50 {:.2}, p99 {:.2}",
        l50 / a50,
        l99 / a99
    );
    match std::env::var_os("LAMBDA_ZIP")
        .map(std::path::PathBuf::from)
        .filter(|p| p.exists())
    {
        Some(zip) => {
            let bytes = std::fs::metadata(&zip)?.len() as f64;
            println!(
                "api-lambda zip: {:.2} MB (budget 3 MB), {:.2}x a hello-world axum function (0.88 MB)",
                bytes / 1024.0 / 1024.0,
                bytes / HELLO_WORLD_ZIP_BYTES
            );
        }
        None => println!("api-lambda zip: not built (run `cargo xtask package` first)"),
    }
    Ok(())
}
