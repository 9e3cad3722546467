//! The app under test and a typed client for it.

use super::fixture;
use careers_api::auth::{Caller, Tokens};
use careers_api::config::{Settings, SigningKey};
use careers_api::files::{FileStore, LocalFiles};
use careers_api::state::{AppState, dynamodb_client};
use careers_api::store::Store;
use serde::Serialize;
use shared::api::{JoinRequest, JoinedPupil, RecordInteraction};
use shared::domain::{
    FairId, InteractionId, InteractionKind, ProspectusId, PupilId, StandId, VideoId, WatchedMark,
};
use std::path::Path;
use std::sync::Once;
use time::Duration;

pub struct TestApp {
    /// e.g. `http://127.0.0.1:41234`
    pub address: String,
    pub http: reqwest::Client,
    pub store: Store,
    pub state: AppState,
    pub fair: FairId,
    /// The DynamoDB engine the app talks to.
    pub endpoint: String,
}

/// The key every test app signs tokens with; a function started by a test
/// gets the same one so their tokens agree.
pub fn test_signing_key() -> String {
    "test-signing-key-".repeat(3)
}

pub fn engine_endpoint() -> String {
    std::env::var("DYNAMODB_ENDPOINT").expect(
        "DYNAMODB_ENDPOINT is not set: run the tests with `cargo xtask test`, which starts the local DynamoDB engine",
    )
}

fn init_logs() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if std::env::var_os("TEST_LOG").is_some() {
            tracing_subscriber::fmt().with_test_writer().init();
        }
    });
}

/// Starts the API on port 0 against a fresh table seeded with the fixture.
/// It has no file store: uploads are refused.
pub async fn spawn_app() -> TestApp {
    spawn(&engine_endpoint(), None, None, FileStore::None).await
}

/// As [`spawn_app`], against the engine at `endpoint` (a test's own).
pub async fn spawn_app_on(endpoint: &str) -> TestApp {
    spawn(endpoint, None, None, FileStore::None).await
}

/// As [`spawn_app`], also serving a built front end the way the local server
/// does (static files, `index.html` for unknown paths, files under `/files`,
/// which uploads go to).
pub async fn spawn_app_with_static(site: &Path, files: &Path) -> TestApp {
    let store = FileStore::Local(LocalFiles::new(files));
    spawn(&engine_endpoint(), Some(site), Some(files), store).await
}

/// As [`spawn_app`], with uploads going to `files` (a directory served
/// under `/files`, or an S3 bucket).
pub async fn spawn_app_with_files(files: &crate::files::TestFiles) -> TestApp {
    let store = files.store().await;
    spawn(&engine_endpoint(), None, files.dir(), store).await
}

/// The router over an existing table (one a benchmark left behind), which
/// is neither created nor seeded.
pub async fn attach_app(endpoint: &str, table: &str) -> TestApp {
    serve(endpoint, table.to_owned(), None, None, FileStore::None).await
}

async fn spawn(
    endpoint: &str,
    site: Option<&Path>,
    files_dir: Option<&Path>,
    files: FileStore,
) -> TestApp {
    let app = serve(
        endpoint,
        format!("test-{}", uuid::Uuid::new_v4()),
        site,
        files_dir,
        files,
    )
    .await;
    app.store
        .create_table_if_missing()
        .await
        .expect("create table");
    fixture::seed(&app.store).await;
    app
}

async fn serve(
    endpoint: &str,
    table_name: String,
    site: Option<&Path>,
    files_dir: Option<&Path>,
    files: FileStore,
) -> TestApp {
    init_logs();
    let settings = Settings {
        table_name,
        dynamodb_endpoint: Some(endpoint.to_owned()),
        signing_key: SigningKey::parse(test_signing_key()).expect("key"),
        files_base_url: "/files".into(),
        origin_verify: None,
        // The store is given directly below.
        files_bucket: None,
        s3_endpoint: None,
        files_dir: None,
    };
    let client = dynamodb_client(settings.dynamodb_endpoint.as_deref()).await;
    let state = AppState::new(&settings, client, files);

    let router = careers_api::local::with_site(careers_api::app(state.clone()), site, files_dir);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("address"));
    // As the local server does: with the peer's address.
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, service).await.expect("serve") });

    TestApp {
        address,
        http: reqwest::Client::new(),
        store: state.store.clone(),
        fair: FairId::parse(fixture::FAIR).expect("id"),
        endpoint: endpoint.to_owned(),
        state,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub fn tokens(&self) -> &Tokens {
        &self.state.tokens
    }

    pub fn organiser_token(&self) -> String {
        self.token_for(&Caller::Organiser {
            fair: self.fair.clone(),
        })
    }

    pub fn token_for(&self, caller: &Caller) -> String {
        self.tokens()
            .issue(caller, Duration::hours(1))
            .expect("token")
    }

    pub async fn post_json(
        &self,
        path: &str,
        body: &impl Serialize,
        token: Option<&str>,
    ) -> reqwest::Response {
        let mut request = self.http.post(self.url(path)).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request sent")
    }

    /// POSTs `body` as a CSV file (`text/csv`).
    pub async fn post_csv(&self, path: &str, body: &str, token: Option<&str>) -> reqwest::Response {
        let mut request = self
            .http
            .post(self.url(path))
            .header("content-type", "text/csv")
            .body(body.to_owned());
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request sent")
    }

    pub async fn put_json(
        &self,
        path: &str,
        body: &impl Serialize,
        token: Option<&str>,
    ) -> reqwest::Response {
        let mut request = self.http.put(self.url(path)).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request sent")
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> reqwest::Response {
        let mut request = self.http.get(self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request sent")
    }

    pub async fn join(&self, join_code: &str, year_group: u8) -> reqwest::Response {
        let body = JoinRequest {
            join_code: join_code.into(),
            year_group,
        };
        self.post_json(&format!("/api/fairs/{}/pupils", self.fair), &body, None)
            .await
    }

    /// Joins with the fixture's first school and returns the pupil.
    pub async fn join_ok(&self) -> JoinedPupil {
        let response = self.join(fixture::JOIN_CODE, 9).await;
        assert_eq!(response.status(), 201, "join should succeed");
        response.json().await.expect("joined pupil")
    }

    pub async fn record(&self, token: &str, interaction: &RecordInteraction) -> reqwest::Response {
        self.post_json(
            &format!("/api/fairs/{}/interactions", self.fair),
            interaction,
            Some(token),
        )
        .await
    }

    /// Records, retrying with back-off while the API answers 503 (busy), as
    /// the front end does; returns the final status.
    pub async fn record_until_answered(&self, token: &str, interaction: &RecordInteraction) -> u16 {
        for attempt in 0..30u32 {
            let status = self.record(token, interaction).await.status().as_u16();
            if status != 503 {
                return status;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20 << attempt.min(6))).await;
        }
        503
    }

    pub fn download(stand: &str, prospectus: &str) -> RecordInteraction {
        RecordInteraction {
            kind: InteractionKind::ProspectusDownload {
                prospectus: ProspectusId::parse(prospectus).expect("prospectus id"),
            },
            ..Self::visit(stand)
        }
    }

    /// Asking `text` at `stand`.
    pub fn question(stand: &str, text: &str) -> RecordInteraction {
        RecordInteraction {
            kind: InteractionKind::Question {
                text: shared::domain::QuestionText::parse(text).expect("question text"),
            },
            ..Self::visit(stand)
        }
    }

    /// A pupil reaching `watched` of the fixture video at `stand`, with the
    /// id derived for it, as the front end sends it.
    pub fn watched(pupil: &PupilId, stand: &str, watched: WatchedMark) -> RecordInteraction {
        let stand = StandId::parse(stand).expect("stand id");
        let kind = InteractionKind::VideoProgress {
            video: VideoId::parse(fixture::VIDEO).expect("video id"),
            watched,
        };
        RecordInteraction {
            id: kind.once_only_id(pupil, &stand).expect("a once-only kind"),
            stand,
            kind,
        }
    }

    pub fn visit(stand: &str) -> RecordInteraction {
        RecordInteraction {
            id: InteractionId::new_random(),
            stand: StandId::parse(stand).expect("stand id"),
            kind: InteractionKind::Visit {},
        }
    }

    /// The fair as its public page reads it.
    pub async fn fair_view(&self) -> shared::api::FairView {
        self.get(&format!("/api/fairs/{}", self.fair), None)
            .await
            .json()
            .await
            .expect("fair")
    }

    /// `stand` as `token`'s holder sees it.
    pub async fn stand_detail(&self, stand: &str, token: &str) -> shared::api::StandDetail {
        let response = self
            .get(
                &format!("/api/fairs/{}/stands/{stand}", self.fair),
                Some(token),
            )
            .await;
        assert_eq!(response.status(), 200);
        response.json().await.expect("stand")
    }

    pub async fn report(&self) -> shared::api::FairReport {
        let response = self
            .get(
                &format!("/api/fairs/{}/report", self.fair),
                Some(&self.organiser_token()),
            )
            .await;
        assert_eq!(response.status(), 200, "report");
        response.json().await.expect("report body")
    }

    /// How many items the table holds: proof that a refused request wrote nothing.
    pub async fn item_count(&self) -> usize {
        self.count_items(None).await
    }

    /// How many interaction items the table holds (whatever the totals say).
    pub async fn interaction_count(&self) -> usize {
        self.count_items(Some("INT#")).await
    }

    /// Items in the table, only those whose sort key starts with `prefix`
    /// if given.
    async fn count_items(&self, prefix: Option<&str>) -> usize {
        let client = dynamodb_client(Some(&self.endpoint)).await;
        let mut count = 0;
        let mut scan = client
            .scan()
            .table_name(self.store.table_name())
            .select(aws_sdk_dynamodb::types::Select::Count);
        if let Some(prefix) = prefix {
            scan = scan
                .filter_expression("begins_with(sk, :prefix)")
                .expression_attribute_values(
                    ":prefix",
                    aws_sdk_dynamodb::types::AttributeValue::S(prefix.to_owned()),
                );
        }
        let mut pages = scan.into_paginator().send();
        while let Some(page) = pages.next().await {
            count += usize::try_from(page.expect("scan").count).expect("count");
        }
        count
    }
}
