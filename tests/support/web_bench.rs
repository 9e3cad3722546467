//! What `cargo xtask bench web` serves: a copy of the built front end with
//! a plain static HTML page of the same hall beside it, each file of a
//! first load also gzipped (at the best level, as `cargo xtask web` counts
//! them) and sent gzipped over HTTP/2 to browsers that accept it, as
//! CloudFront does.

use anyhow::Context;
use axum_server::tls_rustls::RustlsConfig;
use careers_api::state::AppState;
use flate2::Compression;
use flate2::write::GzEncoder;
use shared::api::StandSummary;
use shared::domain::FairId;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use tempfile::TempDir;
use tower_http::services::{ServeDir, ServeFile};

/// What every page's first load downloads beside its screen's bundle.
const PAGE: [&str; 2] = ["index.html", "style.css"];
/// The pupil's screens: each a bundle of its own (frontend/src/lib.rs),
/// named as in `frontend/src/bin`, with what the bench calls it.
const PUPIL_SCREENS: [(&str, &str); 5] = [
    ("join", "join"),
    ("hall", "hall"),
    ("stand", "a stand"),
    ("record", "my record"),
    ("challenge", "the challenge"),
];
/// The static hall's path in the site.
pub const STATIC_HALL: &str = "static-hall.html";
/// The product's budget for a first load, gzipped, and what it aims for.
const BUDGET_KB: f64 = 150.0;
const AIM_KB: f64 = 100.0;

/// One file's size, raw and gzipped, in bytes.
struct Size {
    file: String,
    raw: usize,
    gzipped: usize,
}

/// The site in a temporary folder (gone when dropped).
pub struct Site {
    dir: TempDir,
    sizes: Vec<Size>,
}

impl Site {
    /// Copies the built front end in `dist` and writes the static hall of
    /// `stands` beside it.
    pub fn prepare(dist: &Path, fair: &FairId, stands: &[StandSummary]) -> anyhow::Result<Self> {
        let dir = TempDir::with_prefix("web-bench-site")?;
        copy_dir(dist, dir.path())?;
        std::fs::write(dir.path().join(STATIC_HALL), static_hall(fair, stands))?;
        let sizes = precompress(dir.path())?;
        deployed_a_day_ago(dir.path())?;
        Ok(Self { dir, sizes })
    }

    /// Serves the API and the site as the local server does, but sending the
    /// gzipped files over HTTPS with HTTP/2, as CloudFront does (the
    /// certificate is made for this run). Returns the address, e.g.
    /// `https://127.0.0.1:41234`, and the certificate's key as Chromium's
    /// `--ignore-certificate-errors-spki-list` takes it: so trusted, the
    /// browser caches as it does on a real site (with errors merely
    /// ignored, it keeps nothing on disk).
    pub async fn serve(&self, state: AppState) -> anyhow::Result<(String, String)> {
        let site = self.dir.path();
        let index = ServeFile::new(site.join("index.html")).precompressed_gzip();
        let pages = ServeDir::new(site).precompressed_gzip().fallback(index);
        let router = careers_api::app(state).fallback_service(pages);
        let certificate = rcgen::generate_simple_self_signed(["127.0.0.1".to_owned()])?;
        let spki = {
            use base64::Engine as _;
            use rcgen::PublicKeyData as _;
            use sha2::Digest as _;
            let hash = sha2::Sha256::digest(certificate.signing_key.subject_public_key_info());
            base64::engine::general_purpose::STANDARD.encode(hash)
        };
        let tls = RustlsConfig::from_pem(
            certificate.cert.pem().into_bytes(),
            certificate.signing_key.serialize_pem().into_bytes(),
        )
        .await?;
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        let address = format!("https://{}", listener.local_addr()?);
        let server = axum_server::from_tcp_rustls(listener, tls)?;
        // With the peer's address, as the local server (join is throttled
        // per address).
        let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
        tokio::spawn(async move {
            if let Err(error) = server.serve(service).await {
                eprintln!("the bench's server stopped: {error}");
            }
        });
        Ok((address, spki))
    }

    /// Each file a first load needs, raw and gzipped; then each pupil
    /// screen's first load, gzipped, against the budget; and the static
    /// hall's own size.
    pub fn print_sizes(&self) {
        println!("first load of the pupil's pages (gzip -9, as `cargo xtask web` counts):");
        let size = |file: &str| self.sizes.iter().find(|size| size.file == file);
        for size in &self.sizes {
            let note = if size.file == STATIC_HALL {
                "  (the static hall: all it needs beside style.css)"
            } else {
                ""
            };
            println!(
                "  {:<24} {:>7.1} KB  {:>7.1} KB gzipped{note}",
                size.file,
                kb(size.raw),
                kb(size.gzipped)
            );
        }
        println!(
            "  each screen's first load: the page, the style and its bundle (budget {BUDGET_KB} KB, aim {AIM_KB} KB):"
        );
        for (bundle, screen) in PUPIL_SCREENS {
            let total: usize = screen_files(bundle)
                .iter()
                .filter_map(|file| size(file))
                .map(|size| size.gzipped)
                .sum();
            let total = kb(total);
            let verdict = if total <= AIM_KB {
                "within the aim".to_owned()
            } else if total <= BUDGET_KB {
                format!("within budget, {:.1} KB over the aim", total - AIM_KB)
            } else {
                format!("{:.1} KB OVER BUDGET", total - BUDGET_KB)
            };
            println!("    {screen:<16} {total:>7.1} KB gzipped  ({verdict})");
        }
    }
}

/// The files a first load of `bundle`'s screen downloads.
fn screen_files(bundle: &str) -> Vec<String> {
    PAGE.iter()
        .map(|file| (*file).to_owned())
        .chain([format!("pkg/{bundle}.js"), format!("pkg/{bundle}_bg.wasm")])
        .collect()
}

/// Dates every file of the site a day back, as files deployed the day
/// before: with no `Cache-Control` (as S3 sends them), a browser then uses
/// what it has cached for a while without asking again, as pupils'
/// browsers do. Freshly dated files would be asked about on every load.
fn deployed_a_day_ago(dir: &Path) -> anyhow::Result<()> {
    let day_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(24 * 60 * 60);
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            deployed_a_day_ago(&entry.path())?;
        } else {
            std::fs::File::options()
                .write(true)
                .open(entry.path())?
                .set_modified(day_ago)?;
        }
    }
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    let entries = std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))?;
    for entry in entries {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// Writes a gzipped copy (`.gz`) beside each file of the pupil's first
/// loads and the static hall, and returns their sizes.
fn precompress(site: &Path) -> anyhow::Result<Vec<Size>> {
    let mut files: Vec<String> = PAGE.iter().map(|file| (*file).to_owned()).collect();
    for (bundle, _) in PUPIL_SCREENS {
        files.extend(screen_files(bundle).into_iter().skip(PAGE.len()));
    }
    files.push(STATIC_HALL.to_owned());
    let mut sizes = Vec::new();
    for file in files {
        let path = site.join(&file);
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(&bytes)?;
        let gzipped = encoder.finish()?;
        let mut gz_path = path.into_os_string();
        gz_path.push(".gz");
        std::fs::write(&gz_path, &gzipped)?;
        sizes.push(Size {
            file,
            raw: bytes.len(),
            gzipped: gzipped.len(),
        });
    }
    Ok(sizes)
}

/// The hall as a plain page: the site's shell and the card markup of the
/// Leptos hall (frontend/src/lib.rs, pages/hall.rs, components/
/// stand_card.rs) with the same style.css, and no script. The pupil's name,
/// the filters and the suggestions are left out: they need the pupil, or
/// code.
fn static_hall(fair: &FairId, stands: &[StandSummary]) -> String {
    let mut cards = String::new();
    for stand in stands {
        let sectors = if stand.sectors.is_empty() {
            String::new()
        } else {
            format!(
                r#"<p class="sectors"><span class="visually-hidden">Sectors: </span>{}</p>"#,
                escape(&stand.sectors.join(" · "))
            )
        };
        let _ = writeln!(
            cards,
            r#"<li><article class="card" data-testid="stand-card"><h3><a class="stand-link" href="/fairs/{fair}/stands/{}">{}</a></h3><p class="kind">{}</p>{sectors}<p>{}</p></article></li>"#,
            stand.id,
            escape(stand.name.as_str()),
            stand.kind.label(),
            escape(&stand.tagline),
        );
    }
    format!(
        r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Careers fair</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><p class="brand">Careers fair</p></header>
<main id="main" tabindex="-1">
<h1>The hall</h1>
<h2 id="stands-heading">Stands</h2>
<h3>All stands</h3>
<p class="hint" role="status" id="stand-count">{} stands</p>
<ul class="stands" aria-labelledby="stands-heading">
{cards}</ul>
</main>
</body>
</html>
"##,
        stands.len()
    )
}

/// Exhibitors' words as text.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1024.0
}
