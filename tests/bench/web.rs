//! `cargo xtask bench web`: how light the pupil's first load is, and how
//! soon the hall is usable on a slow connection, beside a plain static HTML
//! page of the same hall served by the same app in the same run.
//!
//! Sizes: the files of a first load (index.html, style.css, the JavaScript
//! glue and the wasm), raw and gzipped at the best level as `cargo xtask
//! web` counts them, against the 150 KB budget; then what the browser
//! actually fetched for each page (Resource Timing).
//!
//! Times: headless Chromium through chromedriver, with Chrome DevTools'
//! "Slow 4G" preset and the cache disabled so every load is cold, then the
//! same with the CPU slowed 4x (a slow Chromebook). A pupil who has already
//! joined opens the hall of the demo fair (60 stands). The hall is usable
//! at the first animation frame after every stand's card is in the page: a
//! frame is not drawn before the stylesheet has loaded, so the cards are
//! styled by then. It is measured in the page, from navigation start.
//! Then the next screen: from a click on a stand's card in the hall until
//! the stand's text is in the page, with the cache on (each screen is a
//! page load of its own bundle, see frontend/src/lib.rs). The site's files
//! are dated a day back, as if deployed the day before, so the browser uses
//! its cached copies without asking again, as in AWS.
//!
//! The files are served gzipped over HTTPS with HTTP/2, as CloudFront serves
//! them in AWS (with one connection, many files travel at once); the API
//! and DynamoDB Local run on this machine, so their time is near nothing
//! beside the emulated network's.
//!
//! Arguments: [--rounds R] (default 5). Env: FRONTEND_DIST, CHROMEDRIVER,
//! CHROMIUM, DYNAMODB_ENDPOINT.

use anyhow::{Context, bail, ensure};
use careers_api::demo;
use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};
use shared::api::{JoinRequest, JoinedPupil, StandSummary};
use shared::domain::FairId;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tempfile::TempDir;
use tests::web_bench::{STATIC_HALL, Site};

/// How many times to load each page under each condition.
#[derive(clap::Parser)]
struct Args {
    #[arg(long, default_value_t = 5)]
    rounds: usize,
}

/// Chrome DevTools' "Slow 4G" preset.
const LATENCY_MS: f64 = 562.5;
const DOWNLOAD_BYTES_PER_S: f64 = 180_000.0;
const UPLOAD_BYTES_PER_S: f64 = 84_375.0;
/// (what the output calls it, CPU slowdown factor)
const CONDITIONS: [(&str, u32); 2] = [("slow 4G", 1), ("slow 4G, CPU 4x slower", 4)];
/// How long the pupil looks round the hall before opening the first stand.
const LOOKING_ROUND: Duration = Duration::from_secs(5);
/// Far longer than any load should take; past it the page is broken.
const LOAD_TIMEOUT: Duration = Duration::from_secs(120);

/// Installed in every new document before its own scripts run. STANDS is
/// replaced with the fair's number of stands.
const USABLE_PROBE: &str = r#"(() => {
  const ready = () => document.getElementById('stand-count') !== null
    && document.querySelectorAll('ul.stands[aria-labelledby="stands-heading"] > li').length >= STANDS;
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__hallUsableAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();"#;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let Args { rounds } = tests::bench_args();
    ensure!(rounds > 0, "--rounds must be at least 1");
    let dist = std::env::var_os("FRONTEND_DIST")
        .map(PathBuf::from)
        .context("FRONTEND_DIST is not set: run `cargo xtask bench web`, which builds it")?;

    let app = tests::spawn_app().await;
    let files = TempDir::with_prefix("web-bench-files")?;
    let (fair, pupil, stands) = join_demo_fair(&app, files.path()).await?;
    let site = Site::prepare(&dist, &fair, &stands)?;
    println!(
        "web bench: the pupil's hall of {fair} ({} stands, the demo fair), front end from {}",
        stands.len(),
        dist.display()
    );
    site.print_sizes();

    let (address, spki) = site.serve(app.state.clone()).await?;
    let hall = format!("{address}/fairs/{fair}/hall");
    let plain = format!("{address}/{STATIC_HALL}");
    let browser = Browser::launch(&spki).await?;
    let client = &browser.client;
    let probe = USABLE_PROBE.replace("STANDS", &stands.len().to_string());
    cdp(
        client,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": probe }),
    )
    .await?;
    // The pupil joined on this device earlier: their session is where the
    // front end keeps it (frontend/src/session.rs).
    client.goto(&plain).await?;
    client
        .execute(
            "localStorage.setItem(arguments[0], arguments[1]);",
            vec![
                json!(format!("careers-fair:{fair}:pupil")),
                json!(serde_json::to_string(&pupil)?),
            ],
        )
        .await?;

    let version = client
        .capabilities()
        .and_then(|capabilities| capabilities.get("browserVersion"))
        .and_then(Value::as_str)
        .unwrap_or("(version unknown)");
    println!(
        "conditions: Chromium {version} headless through chromedriver; DevTools' Slow 4G \
         ({LATENCY_MS} ms latency, {:.2} Mbit/s down, {:.2} Mbit/s up); cache disabled (every \
         load cold); files sent gzipped over HTTPS as CloudFront sends them; API and DynamoDB \
         Local on this machine",
        DOWNLOAD_BYTES_PER_S * 8.0 / 1e6,
        UPLOAD_BYTES_PER_S * 8.0 / 1e6,
    );
    throttle(client, 1).await?;
    // One untimed load of each first: it shows what the browser fetches,
    // and warms the server and the engine.
    for (name, url) in [("Leptos hall", &hall), ("static hall", &plain)] {
        usable_after(client, url).await?;
        print_requests(client, name, &address).await?;
    }

    println!(
        "time until the hall is usable (navigation start to the first frame with all {} cards), \
         {rounds} rounds, pages alternating:",
        stands.len()
    );
    let unthrottled_cpu = busy_loop_ms(client).await?;
    for (condition, cpu_slowdown) in CONDITIONS {
        throttle(client, cpu_slowdown).await?;
        let cpu = busy_loop_ms(client).await? / unthrottled_cpu;
        let (mut leptos, mut static_page) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            leptos.push(usable_after(client, &hall).await?);
            static_page.push(usable_after(client, &plain).await?);
        }
        let (leptos, static_page) = (Stats::of(leptos), Stats::of(static_page));
        println!("  {condition} (a fixed JavaScript loop took {cpu:.1}x its unthrottled time):");
        println!("    Leptos hall  {leptos}");
        println!("    static hall  {static_page}");
        println!(
            "    Leptos : static = {:.2} (medians), {:.2} (mins)",
            leptos.median / static_page.median,
            leptos.min / static_page.min
        );
    }
    next_screen(client, &hall, rounds).await?;
    browser.client.close().await?;
    Ok(())
}

/// The next screen after the hall: the pupil clicks a stand's card. Timed
/// from the click until what the exhibitor wrote is drawn, on Slow 4G with
/// the browser's cache on, as a pupil has it: first a stand in a fresh
/// session (the cache emptied, the hall loaded and looked at for 5 s),
/// then another stand straight after (whatever the first left in the
/// cache is used).
async fn next_screen(client: &Client, hall: &str, rounds: usize) -> anyhow::Result<()> {
    throttle(client, 1).await?;
    cdp(
        client,
        "Network.setCacheDisabled",
        json!({ "cacheDisabled": false }),
    )
    .await?;
    let (mut first, mut another) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        cdp(client, "Network.clearBrowserCache", json!({})).await?;
        usable_after(client, hall).await?;
        // A pupil looks round the hall before choosing a stand.
        tokio::time::sleep(LOOKING_ROUND).await;
        first.push(open_stand(client, 0).await?);
        usable_after(client, hall).await?;
        another.push(open_stand(client, 1).await?);
    }
    println!(
        "from the hall to a stand (click until the stand's text is in the page), slow 4G, cache on, \
         {rounds} rounds:"
    );
    println!("  first stand   {}", Stats::of(first));
    println!("  another stand {}", Stats::of(another));
    Ok(())
}

/// Clicks the hall's `nth` stand card and returns the milliseconds until
/// the stand's text was in the page. Found by asking every 25 ms (a page
/// load replaces the document, so nothing can wait in the page across
/// it), so the time is up to 25 ms late.
async fn open_stand(client: &Client, nth: usize) -> anyhow::Result<f64> {
    let clicked = client
        .execute(
            "const link = document.querySelectorAll('a.stand-link')[arguments[0]];
             const at = performance.timeOrigin + performance.now();
             link.click();
             return at;",
            vec![json!(nth)],
        )
        .await?
        .as_f64()
        .context("the click's time is not a number")?;
    let started = Instant::now();
    loop {
        // During a page load the script runs once the new page is there.
        let shown = client
            .execute(
                "return document.querySelector('main p.about') === null
                   ? null : performance.timeOrigin + performance.now();",
                vec![],
            )
            .await?;
        if let Some(shown) = shown.as_f64() {
            return Ok(shown - clicked);
        }
        if started.elapsed() > LOAD_TIMEOUT {
            bail!("the stand never showed in {} s", LOAD_TIMEOUT.as_secs());
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// Seeds the demo fair (60 stands) beside the fixture and joins it as a
/// pupil of its first school; returns the fair, the pupil and the hall's
/// stands as the API gives them to the front end.
async fn join_demo_fair(
    app: &tests::TestApp,
    files: &Path,
) -> anyhow::Result<(FairId, JoinedPupil, Vec<StandSummary>)> {
    let seeded = demo::seed(&app.store, files).await?;
    let fair = seeded.fair.id;
    let school = seeded
        .schools
        .first()
        .context("the demo fair has no school")?;
    let join = JoinRequest {
        join_code: school.join_code.to_string(),
        year_group: 9,
    };
    let response = app
        .post_json(&format!("/api/fairs/{fair}/pupils"), &join, None)
        .await;
    ensure!(response.status() == 201, "join: {}", response.status());
    let pupil: JoinedPupil = response.json().await?;
    let response = app
        .get(&format!("/api/fairs/{fair}/stands"), Some(&pupil.token))
        .await;
    ensure!(response.status() == 200, "stands: {}", response.status());
    let stands = response.json().await?;
    Ok((fair, pupil, stands))
}

/// chromedriver and a headless Chromium, as the browser tests start them
/// (tests/browser/driver.rs), without the downloads folder they need.
struct Browser {
    client: Client,
    _driver: tokio::process::Child,
    _profile: TempDir,
}

impl Browser {
    async fn launch(spki: &str) -> anyhow::Result<Self> {
        let chromedriver =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let driver = tokio::process::Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("starting {chromedriver}"))?;
        let profile = TempDir::with_prefix("chromium-profile")?;
        let capabilities = json!({
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    // The site's certificate is made for the run: its key
                    // is trusted, so the browser caches as on a real site.
                    format!("--ignore-certificate-errors-spki-list={spki}"),
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1366,768",
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            }
        });
        let capabilities = capabilities
            .as_object()
            .context("capabilities are an object")?
            .clone();
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        // chromedriver takes a moment to listen.
        for _ in 0..50 {
            match ClientBuilder::rustls()?
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    return Ok(Self {
                        client,
                        _driver: driver,
                        _profile: profile,
                    });
                }
                Err(error) => last_error = Some(error),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        bail!("could not start a Chromium session through {chromedriver}: {last_error:?}")
    }
}

/// A Chrome DevTools Protocol command, through chromedriver's own endpoint
/// (fantoccini does not wrap it).
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/goog/cdp/execute"))
    }

    fn method_and_body(&self, _: &url::Url) -> (reqwest::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (reqwest::Method::POST, Some(body.to_string()))
    }
}

async fn cdp(client: &Client, cmd: &'static str, params: Value) -> anyhow::Result<Value> {
    client
        .issue_cmd(Cdp { cmd, params })
        .await
        .with_context(|| format!("CDP {cmd}"))
}

/// Slow 4G, no cache, and the CPU `slowdown` times slower.
async fn throttle(client: &Client, slowdown: u32) -> anyhow::Result<()> {
    cdp(client, "Network.enable", json!({})).await?;
    cdp(
        client,
        "Network.setCacheDisabled",
        json!({ "cacheDisabled": true }),
    )
    .await?;
    let conditions = json!({
        "offline": false,
        "latency": LATENCY_MS,
        "downloadThroughput": DOWNLOAD_BYTES_PER_S,
        "uploadThroughput": UPLOAD_BYTES_PER_S,
    });
    cdp(client, "Network.emulateNetworkConditions", conditions).await?;
    cdp(
        client,
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": slowdown }),
    )
    .await?;
    Ok(())
}

/// Opens `url` and returns the milliseconds from navigation start until
/// every card was in a drawn frame, as the page measured them.
async fn usable_after(client: &Client, url: &str) -> anyhow::Result<f64> {
    let started = Instant::now();
    client.goto(url).await?;
    loop {
        let at = client
            .execute("return window.__hallUsableAt ?? null;", vec![])
            .await?;
        if let Some(ms) = at.as_f64() {
            return Ok(ms);
        }
        if started.elapsed() > LOAD_TIMEOUT {
            let text = client
                .execute(
                    "return document.body ? document.body.innerText.slice(0, 500) : '';",
                    vec![],
                )
                .await?;
            bail!(
                "{url} never showed every stand's card in {} s; the page says: {text}",
                LOAD_TIMEOUT.as_secs()
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// How long a fixed piece of JavaScript takes in the page now open: shows
/// that the CPU slowdown took effect.
async fn busy_loop_ms(client: &Client) -> anyhow::Result<f64> {
    let ms = client
        .execute(
            "const start = performance.now();
             let x = 0;
             for (let i = 0; i < 3e7; i++) x = (x + i) % 1009;
             return x >= 0 ? performance.now() - start : 0;",
            vec![],
        )
        .await?;
    ms.as_f64().context("the loop's time is not a number")
}

/// What the browser fetched for the page now open: each request's bytes
/// over the wire (headers included) and its body as decoded.
async fn print_requests(client: &Client, page: &str, origin: &str) -> anyhow::Result<()> {
    let entries = client
        .execute(
            "return performance.getEntriesByType('navigation')
               .concat(performance.getEntriesByType('resource'))
               .map(e => [e.name, e.transferSize, e.decodedBodySize, e.nextHopProtocol]);",
            vec![],
        )
        .await?;
    let entries: Vec<(String, f64, f64, String)> = serde_json::from_value(entries)?;
    let protocols: std::collections::BTreeSet<&str> =
        entries.iter().map(|entry| entry.3.as_str()).collect();
    let protocols = protocols.into_iter().collect::<Vec<_>>().join(", ");
    println!("what the browser fetched for the {page} (Resource Timing; protocol {protocols}):");
    let mut total = 0.0;
    for (name, transferred, decoded, _) in entries {
        total += transferred;
        let path = name.strip_prefix(origin).unwrap_or(&name);
        println!(
            "  {path:<48} {:>7.1} KB transferred  {:>7.1} KB decoded",
            transferred / 1024.0,
            decoded / 1024.0
        );
    }
    println!("  {:<48} {:>7.1} KB transferred", "total", total / 1024.0);
    Ok(())
}

/// Median and fastest of one page's loads, in milliseconds.
struct Stats {
    median: f64,
    min: f64,
}

impl Stats {
    fn of(mut times: Vec<f64>) -> Self {
        times.sort_by(f64::total_cmp);
        let middle = times.len() / 2;
        let median = if times.len().is_multiple_of(2) {
            (times[middle - 1] + times[middle]) / 2.0
        } else {
            times[middle]
        };
        Self {
            median,
            min: times[0],
        }
    }
}

impl std::fmt::Display for Stats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "median {:>6.0} ms, min {:>6.0} ms",
            self.median, self.min
        )
    }
}
