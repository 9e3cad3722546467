//! An exhibitor adds a prospectus and a logo to their stand in the stand
//! editor (the preview and checklist follow), then tries a file that is
//! named like a PDF but is not one, and sees why it was refused; then takes
//! the logo off again.

use crate::driver::{
    artifacts_dir, assert_accessible, frontend_dist, launch, open_exhibitor_page, wait_for,
    wait_for_text,
};
use std::io::Write;
use std::path::Path;
use tests::{EMPLOYER, spawn_app_with_static};

/// A `width` x `height` PNG of one colour, made here so the test needs no
/// picture files.
pub(crate) fn png(width: u32, height: u32, rgb: [u8; 3]) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&u32::try_from(data.len()).expect("small").to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    }
    let mut header = Vec::new();
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB
    // Each row: filter type 0 (none), then the pixels.
    let row: Vec<u8> = std::iter::once(0)
        .chain((0..width).flat_map(|_| rgb))
        .collect();
    let rows = row.repeat(height as usize);
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    zlib.write_all(&rows).expect("compress");
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"IDAT", &zlib.finish().expect("compress"));
    chunk(&mut out, b"IEND", &[]);
    out
}

pub(crate) fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write file");
    path.display().to_string()
}

/// Chooses `path` in the file input `css`, as a person picking a file does.
pub(crate) async fn choose(client: &fantoccini::Client, css: &str, path: &str) {
    wait_for(client, css)
        .await
        .send_keys(path)
        .await
        .expect("choose file");
}

#[tokio::test]
async fn an_exhibitor_uploads_a_prospectus_and_a_logo_and_a_wrong_file_is_refused() {
    let files = tempfile::tempdir().expect("files");
    let chosen = tempfile::tempdir().expect("files to choose");
    let app = spawn_app_with_static(&frontend_dist(), files.path()).await;
    let pdf = write(
        chosen.path(),
        "prospectus.pdf",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
    );
    let logo = write(chosen.path(), "logo.png", &png(160, 64, [0x1d, 0x70, 0xb8]));
    let not_a_pdf = write(
        chosen.path(),
        "courses.pdf",
        b"PK\x03\x04\x14\x00\x06\x00 a Word document renamed .pdf",
    );
    let browser = launch(1280, 4000).await;
    let client = &browser.client;
    open_exhibitor_page(client, &app, EMPLOYER).await;

    wait_for(client, "#upload-prospectus-title")
        .await
        .send_keys("Courses for 2027")
        .await
        .expect("type title");
    choose(client, "#upload-prospectus-file", &pdf).await;
    wait_for(client, "#upload-prospectus")
        .await
        .click()
        .await
        .expect("upload");
    let status = wait_for(client, "#upload-prospectus-status").await;
    wait_for_text(&status, "Added a prospectus").await;
    let preview = wait_for(client, "#stand-preview").await;
    wait_for_text(&preview, "Courses for 2027").await;

    choose(client, "#upload-logo-file", &logo).await;
    wait_for(client, "#upload-logo")
        .await
        .click()
        .await
        .expect("upload logo");
    let logo_status = wait_for(client, "#upload-logo-status").await;
    wait_for_text(&logo_status, "Added a logo").await;
    let shown = wait_for(client, "#stand-preview img.logo").await;
    let alt = shown.attr("alt").await.expect("alt");
    assert_eq!(alt.as_deref(), Some("Acme Engineering"), "alt is the name");
    let done = wait_for(client, "#stand-checklist li[data-state='done']").await;
    wait_for_text(&done, "A logo").await;

    // Named .pdf, but a zip inside: refused, and the page says why.
    choose(client, "#upload-prospectus-file", &not_a_pdf).await;
    wait_for(client, "#upload-prospectus")
        .await
        .click()
        .await
        .expect("upload wrong file");
    wait_for_text(&status, "Not added").await;
    wait_for_text(&status, "not a PDF").await;
    let class = status.attr("class").await.expect("class");
    assert!(
        class.as_deref().is_some_and(|c| c.contains("refused")),
        "shown as an error: {class:?}"
    );
    assert_accessible(client, "stand editor with uploads").await;
    let picture = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("stand-uploads.png"), picture).expect("save screenshot");

    // Taking the logo off again: the checklist says it is missing.
    wait_for(client, "#remove-logo")
        .await
        .click()
        .await
        .expect("remove logo");
    let removed = wait_for(client, "#stand-files-status").await;
    wait_for_text(&removed, "Removed the logo").await;
    let missing = wait_for(client, "#stand-checklist li[data-state='missing']").await;
    wait_for_text(&missing, "A logo").await;

    let stand = app
        .get(
            &format!("/api/fairs/{}/stands/{EMPLOYER}", app.fair),
            Some(&app.organiser_token()),
        )
        .await
        .json::<shared::api::StandDetail>()
        .await
        .expect("stand");
    let titles: Vec<&str> = stand
        .prospectuses
        .iter()
        .map(|p| p.title.as_str())
        .collect();
    assert_eq!(titles.last(), Some(&"Courses for 2027"));
    assert_eq!(
        titles.len(),
        2,
        "the fixture's and the new one; not the wrong file"
    );
    browser.client.clone().close().await.expect("close browser");
}
