//! Starts chromedriver on a free port and connects a WebDriver session to a
//! headless Chromium. Paths come from the environment that `cargo xtask
//! test` sets; nothing here downloads a browser.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::path::PathBuf;
use std::time::Duration;
use tokio::process::{Child, Command};

pub struct Browser {
    pub client: Client,
    _driver: Child,
    _profile: tempfile::TempDir,
}

pub fn artifacts_dir() -> PathBuf {
    let dir = std::env::var_os("TEST_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("careers-fair-artifacts"));
    std::fs::create_dir_all(&dir).expect("artifacts dir");
    dir
}

pub fn frontend_dist() -> PathBuf {
    let dist = std::env::var_os("FRONTEND_DIST").map(PathBuf::from).expect(
        "FRONTEND_DIST is not set: run the browser tests with `cargo xtask test`, which builds the front end",
    );
    assert!(
        dist.join("index.html").exists(),
        "{} has no index.html: build the front end first",
        dist.display()
    );
    dist
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

pub async fn launch(width: u32, height: u32) -> Browser {
    let chromedriver =
        std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let port = free_port();
    let driver = Command::new(&chromedriver)
        .arg(format!("--port={port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("starting {chromedriver}: {e}"));
    let profile = tempfile::TempDir::with_prefix("chromium-profile").expect("profile dir");
    let downloads = artifacts_dir().join("downloads");
    std::fs::create_dir_all(&downloads).expect("downloads dir");
    let capabilities = json!({
        "goog:chromeOptions": {
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage",
                format!("--window-size={width},{height}"),
                format!("--user-data-dir={}", profile.path().display()),
            ],
            "prefs": {
                "download.default_directory": downloads.display().to_string(),
                "download.prompt_for_download": false,
                "plugins.always_open_pdf_externally": true
            }
        }
    });
    let capabilities = capabilities.as_object().expect("object").clone();
    let url = format!("http://127.0.0.1:{port}");
    let mut last_error = None;
    for _ in 0..50 {
        match ClientBuilder::rustls()
            .expect("tls")
            .capabilities(capabilities.clone())
            .connect(&url)
            .await
        {
            Ok(client) => {
                return Browser {
                    client,
                    _driver: driver,
                    _profile: profile,
                };
            }
            Err(error) => last_error = Some(error),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("could not start a Chromium session through {chromedriver}: {last_error:?}");
}

/// The first element matching `css`, waiting up to 20 s for it.
pub async fn wait_for(client: &Client, css: &str) -> Element {
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("waiting for {css}: {e}"))
}

/// Waits up to 20 s until `element`'s text contains `expected`.
pub async fn wait_for_text(element: &Element, expected: &str) {
    for _ in 0..100 {
        if element.text().await.is_ok_and(|t| t.contains(expected)) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!(
        "'{expected}' never appeared; last text: {:?}",
        element.text().await
    );
}

/// Waits up to 20 s until the element matching `css` has `expected` in its
/// text, finding it afresh each time: for a page that is being replaced,
/// whose old element may match first.
pub async fn wait_for_fresh_text(client: &Client, css: &str, expected: &str) {
    for _ in 0..100 {
        if let Ok(element) = client.find(Locator::Css(css)).await
            && element.text().await.is_ok_and(|t| t.contains(expected))
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("'{expected}' never appeared in {css}");
}

/// Clicks `button`, waits for `status` to say the file was downloaded, and
/// returns the file as the browser saved it (in the downloads folder).
pub async fn download(client: &Client, button: &str, status: &str, file_name: &str) -> Vec<u8> {
    let saved = artifacts_dir().join("downloads").join(file_name);
    let _ = std::fs::remove_file(&saved);
    wait_for(client, button)
        .await
        .click()
        .await
        .expect("download");
    let said = wait_for(client, status).await;
    wait_for_text(&said, &format!("Downloaded {file_name}")).await;
    for _ in 0..100 {
        // Chromium writes a .crdownload first and renames it when done.
        if let Ok(bytes) = std::fs::read(&saved) {
            return bytes;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the browser never saved {}", saved.display());
}

/// Opens the exhibitor's page for `stand` of the test fair through a
/// sign-in link, as an exhibitor arriving from the admin tool's link would.
pub async fn open_exhibitor_page(client: &Client, app: &tests::TestApp, stand: &str) {
    let token = app.token_for(&careers_api::auth::Caller::Exhibitor {
        fair: app.fair.clone(),
        stand: shared::domain::StandId::parse(stand).expect("id"),
    });
    client
        .goto(&app.url(&format!("/fairs/{}/exhibitor#token={token}", app.fair)))
        .await
        .expect("exhibitor page");
}

/// Answers the inbox item `question` with `answer` for everyone to see,
/// and waits until the inbox shows it published.
pub async fn publish_answer(client: &Client, question: &Element, answer: &str) {
    question
        .find(Locator::Css("textarea"))
        .await
        .expect("answer box")
        .send_keys(answer)
        .await
        .expect("type answer");
    question
        .find(Locator::Css("button.answer"))
        .await
        .expect("answer button")
        .click()
        .await
        .expect("answer");
    wait_for(client, ".inbox-item[data-state='published']").await;
}

/// Opens the test fair's organiser page through a sign-in link, as an
/// organiser arriving from the admin tool's link would.
pub async fn open_organiser_page(client: &Client, app: &tests::TestApp) {
    let link = format!(
        "/fairs/{}/organiser#token={}",
        app.fair,
        app.organiser_token()
    );
    client.goto(&app.url(&link)).await.expect("organiser page");
}

/// Joins the test fair as a year 9 pupil of its first school and waits for
/// the hall.
pub async fn join_as_pupil(client: &Client, app: &tests::TestApp) {
    join_interested_in(client, app, &[]).await;
}

/// As [`join_as_pupil`], ticking the named sectors on the join form.
pub async fn join_interested_in(client: &Client, app: &tests::TestApp, sectors: &[&str]) {
    client
        .goto(&app.url(&format!("/fairs/{}", app.fair)))
        .await
        .expect("open join page");
    fill_in_join_form(client, sectors).await;
}

/// On the join page (however it was opened), joins as a year 9 pupil of
/// the test fair's first school, ticking the named sectors, and waits for
/// the hall.
pub async fn fill_in_join_form(client: &Client, sectors: &[&str]) {
    wait_for(client, "#join-code").await;
    // The sectors come with the fair's details, which load after the form.
    wait_for(client, ".interest-picker").await;
    assert_accessible(client, "join").await;
    wait_for(client, "#join-code")
        .await
        .send_keys("abcd-efgh")
        .await
        .expect("type code");
    let year = wait_for(client, "#year-group").await;
    year.select_by_value("9").await.expect("choose year");
    for sector in sectors {
        client
            .find(Locator::XPath(&format!(
                "//fieldset[contains(@class, 'interest-picker')]//label[normalize-space()='{sector}']"
            )))
            .await
            .unwrap_or_else(|e| panic!("no box for the sector {sector}: {e}"))
            .click()
            .await
            .expect("tick sector");
    }
    if !sectors.is_empty() {
        let page = client.screenshot().await.expect("screenshot");
        std::fs::write(artifacts_dir().join("join-interests.png"), page).expect("save screenshot");
    }
    wait_for(client, "#join-submit")
        .await
        .click()
        .await
        .expect("join");
    wait_for(client, "a.stand-link").await;
}

/// Types `text` into the box and leaves it, which saves the stage.
pub async fn answer(client: &fantoccini::Client, id: &str, text: &str) {
    let field = wait_for(client, &format!("#{id}")).await;
    field.send_keys(text).await.expect("type answer");
}

/// A box's value once the page has filled it (it loads after the page).
pub async fn value_of(client: &fantoccini::Client, id: &str) -> String {
    let field = wait_for(client, &format!("#{id}")).await;
    for _ in 0..100 {
        let value = field
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default();
        if !value.is_empty() {
            return value;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    String::new()
}

/// Completes a challenge stage about `stand` and waits until the page says
/// so.
pub async fn complete_stage(client: &fantoccini::Client, stage: &str, stand: &str) {
    wait_for(client, &format!("#about-{stage}"))
        .await
        .select_by_value(stand)
        .await
        .expect("choose stand");
    wait_for(client, &format!("#complete-{stage}"))
        .await
        .click()
        .await
        .expect("complete");
    let heading = wait_for(client, &format!("#stage-{stage} h2")).await;
    wait_for_text(&heading, "Completed").await;
}

/// chromedriver's own command for emulating network conditions, which
/// fantoccini does not wrap: offline, or (`None`) back to normal.
#[derive(Debug)]
struct NetworkConditions {
    offline: bool,
}

impl fantoccini::wd::WebDriverCompatibleCommand for NetworkConditions {
    fn endpoint(
        &self,
        base_url: &reqwest::Url,
        session_id: Option<&str>,
    ) -> Result<reqwest::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/chromium/network_conditions"))
    }

    fn method_and_body(&self, _: &reqwest::Url) -> (reqwest::Method, Option<String>) {
        if !self.offline {
            return (reqwest::Method::DELETE, None);
        }
        let body = json!({
            "network_conditions": {
                "offline": true,
                "latency": 0,
                "download_throughput": 0,
                "upload_throughput": 0,
            }
        });
        (reqwest::Method::POST, Some(body.to_string()))
    }
}

/// Takes the browser offline, or back online.
pub async fn set_offline(client: &Client, offline: bool) {
    client
        .issue_cmd(NetworkConditions { offline })
        .await
        .unwrap_or_else(|e| panic!("setting offline = {offline}: {e}"));
}

/// Runs axe-core (the script `cargo xtask test` names in `AXE_CORE`) on
/// the page as it is now and fails with every WCAG 2.1 A/AA violation it
/// finds, naming the elements; then fails if the page scrolls sideways.
pub async fn assert_accessible(client: &Client, page: &str) {
    let path = std::env::var_os("AXE_CORE").map(PathBuf::from).expect(
        "AXE_CORE is not set: run the browser tests with `cargo xtask test`, which installs axe-core",
    );
    let source = std::fs::read_to_string(&path).expect("axe-core's script");
    client
        .execute(&source, vec![])
        .await
        .expect("load axe-core");
    let violations = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag',
                 values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(result => done(result.violations.map(v => ({
                   rule: v.id, impact: v.impact, help: v.help,
                   elements: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))))
               .catch(error => done([{ rule: 'axe failed', help: String(error) }]));",
            vec![],
        )
        .await
        .expect("run axe-core");
    let found = violations.as_array().cloned().unwrap_or_default();
    assert!(
        found.is_empty(),
        "axe-core found {} accessibility violation(s) on the {page} page:\n{}",
        found.len(),
        serde_json::to_string_pretty(&violations).unwrap_or_default()
    );
    // WCAG 1.4.10 (reflow), which axe does not check: the page fits the
    // window's width, so nobody has to scroll sideways to read it.
    let overflowing = client
        .execute(
            "const width = document.documentElement.clientWidth;
             return document.documentElement.scrollWidth > width
               ? [...document.querySelectorAll('body *')]
                   .filter(e => e.getBoundingClientRect().right > width + 1)
                   .slice(0, 5).map(e => e.tagName + '.' + e.className)
               : [];",
            vec![],
        )
        .await
        .expect("measure the page's width");
    assert_eq!(
        overflowing,
        serde_json::json!([]),
        "the {page} page is wider than the window; these run off it"
    );
}
