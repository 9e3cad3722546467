//! What only the local server adds to the API: the built front end (with
//! `index.html` for every path the front end's router owns) and the local
//! file store under `/files`. In AWS, CloudFront and S3 do both.

use axum::Router;
use axum::http::StatusCode;
use axum::routing::any;
use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};

pub fn with_site(router: Router, site: Option<&Path>, files: Option<&Path>) -> Router {
    let mut router = router;
    if let Some(files) = files {
        // Uploads wait in staging/ until the API has checked them; like the
        // bucket policy in AWS (infra/template.yaml), nothing serves them.
        router = router
            .route("/files/staging/{*unchecked}", any(StatusCode::NOT_FOUND))
            .nest_service("/files", ServeDir::new(files));
    }
    if let Some(site) = site {
        let pages = ServeDir::new(site).fallback(ServeFile::new(site.join("index.html")));
        router = router.fallback_service(pages);
    }
    router
}
