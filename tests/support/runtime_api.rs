//! A small implementation of the Lambda Runtime API (the HTTP interface a
//! function's `bootstrap` polls in AWS), so tests can run the real
//! `api-lambda` binary as Lambda would: it asks for the next event, handles
//! it, and posts the response back.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot};

type Pending = Arc<Mutex<HashMap<String, oneshot::Sender<Result<Value, Value>>>>>;

#[derive(Clone)]
struct Shared {
    events: Arc<tokio::sync::Mutex<mpsc::Receiver<(String, Value)>>>,
    pending: Pending,
    first_next: Arc<Mutex<Option<Instant>>>,
}

/// The Runtime API endpoint and a handle to invoke the function through it.
pub struct RuntimeApi {
    /// `host:port`, as `AWS_LAMBDA_RUNTIME_API` expects it.
    pub address: String,
    sender: mpsc::Sender<(String, Value)>,
    pending: Pending,
    first_next: Arc<Mutex<Option<Instant>>>,
}

async fn next(State(shared): State<Shared>) -> impl IntoResponse {
    shared
        .first_next
        .lock()
        .expect("lock")
        .get_or_insert_with(Instant::now);
    let Some((id, event)) = shared.events.lock().await.recv().await else {
        // The test is over and dropped its sender; a function still polling
        // waits here until it is stopped, as it would for an idle Lambda.
        return std::future::pending().await;
    };
    let deadline = std::time::SystemTime::now() + Duration::from_secs(10);
    let deadline_ms = deadline
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after epoch")
        .as_millis();
    let mut headers = HeaderMap::new();
    headers.insert("lambda-runtime-aws-request-id", id.parse().expect("header"));
    headers.insert(
        "lambda-runtime-deadline-ms",
        deadline_ms.to_string().parse().expect("header"),
    );
    headers.insert(
        "lambda-runtime-invoked-function-arn",
        "arn:aws:lambda:eu-west-2:123456789012:function:careers-fair-api"
            .parse()
            .expect("header"),
    );
    headers.insert(
        "lambda-runtime-trace-id",
        "Root=1-00000000-000000000000000000000000"
            .parse()
            .expect("header"),
    );
    (headers, event.to_string()).into_response()
}

fn finish(shared: &Shared, id: &str, outcome: Result<Value, Value>) {
    if let Some(waiting) = shared.pending.lock().expect("lock").remove(id) {
        let _ = waiting.send(outcome);
    }
}

/// What a streaming function sends before its body: the status line and
/// headers as JSON, then eight zero bytes.
const PRELUDE_END: &[u8] = &[0; 8];

/// A response in the buffered shape (`statusCode`, `headers`,
/// `body`), whichever way the function sent it; `streamed` says which.
fn read_response(headers: &HeaderMap, body: &[u8]) -> Result<Value, String> {
    let streamed = headers
        .get("lambda-runtime-function-response-mode")
        .is_some_and(|mode| mode == "streaming");
    if !streamed {
        return serde_json::from_slice(body).map_err(|e| e.to_string());
    }
    let split = body
        .windows(PRELUDE_END.len())
        .position(|window| window == PRELUDE_END)
        .ok_or("a streamed response without its prelude")?;
    let mut response: Value =
        serde_json::from_slice(&body[..split]).map_err(|e| format!("prelude: {e}"))?;
    let payload = &body[split + PRELUDE_END.len()..];
    response["body"] = Value::String(String::from_utf8_lossy(payload).into_owned());
    response["streamed"] = Value::Bool(true);
    Ok(response)
}

async fn response(
    State(shared): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> &'static str {
    finish(
        &shared,
        &id,
        read_response(&headers, &body).map_err(Value::String),
    );
    "ok"
}

async fn error(State(shared): State<Shared>, Path(id): Path<String>, body: Bytes) -> &'static str {
    finish(
        &shared,
        &id,
        Err(serde_json::from_slice(&body).unwrap_or(Value::Null)),
    );
    "ok"
}

impl RuntimeApi {
    pub async fn start() -> Self {
        let (sender, receiver) = mpsc::channel(16);
        let pending: Pending = Arc::default();
        let first_next = Arc::new(Mutex::new(None));
        let shared = Shared {
            events: Arc::new(tokio::sync::Mutex::new(receiver)),
            pending: pending.clone(),
            first_next: first_next.clone(),
        };
        let router = Router::new()
            .route("/2018-06-01/runtime/invocation/next", get(next))
            .route(
                "/2018-06-01/runtime/invocation/{id}/response",
                post(response),
            )
            .route("/2018-06-01/runtime/invocation/{id}/error", post(error))
            .with_state(shared);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let address = listener.local_addr().expect("address").to_string();
        tokio::spawn(async move { axum::serve(listener, router).await.expect("serve") });
        Self {
            address,
            sender,
            pending,
            first_next,
        }
    }

    /// When the function first asked for an event (its init finished).
    pub fn first_next_at(&self) -> Option<Instant> {
        *self.first_next.lock().expect("lock")
    }

    /// Hands `event` to the function and waits for its answer: `Ok` with
    /// the response it posted, `Err` with the error it reported.
    pub async fn invoke(&self, event: Value) -> Result<Value, Value> {
        let id = uuid::Uuid::new_v4().to_string();
        let (done, answer) = oneshot::channel();
        self.pending.lock().expect("lock").insert(id.clone(), done);
        self.sender
            .send((id, event))
            .await
            .expect("runtime API running");
        tokio::time::timeout(Duration::from_secs(30), answer)
            .await
            .expect("the function answered within 30 s")
            .expect("answer delivered")
    }
}
