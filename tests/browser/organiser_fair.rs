//! Issue 7's whole run in the browser: the organiser starts a new fair from
//! the page, imports its schools and exhibitors, invites an exhibitor (who
//! gets in), and opens the fair; pupils take part (a deterministic replay,
//! with retries, over HTTP); the dashboard shows them; and every CSV and
//! XLSX export the browser saves matches, exactly, the totals computed
//! independently from what the pupils did. Then it is closed and archived
//! keeping pupils' data 0 days: after the retention job the per-pupil
//! export is refused and the totals are unchanged.

use crate::driver::{
    artifacts_dir, assert_accessible, download, frontend_dist, launch, open_organiser_page,
    wait_for, wait_for_fresh_text, wait_for_text,
};
use fantoccini::Locator;
use shared::domain::FairId;
use tests::replay::{EXPORTS, ExportFormat, Progress, join_all, plan, read_exports, send_all};
use tests::spawn_app_with_static;

const NEW_FAIR: &str = "exmoor-careers-week";
/// Pupils in the replay, and the interactions they make.
const PUPILS: usize = 24;
const INTERACTIONS: usize = 150;

/// Chooses a file holding `contents` in the file input `input`.
async fn choose_file(
    client: &fantoccini::Client,
    input: &str,
    path: &std::path::Path,
    contents: &str,
) {
    std::fs::write(path, contents).expect("write file");
    wait_for(client, input)
        .await
        .send_keys(&path.display().to_string())
        .await
        .expect("choose file");
}

/// Types dates an hour ago and two days on into the new-fair form, in the
/// browser's own time zone (as a person's `datetime-local` boxes are).
async fn fill_in_dates(client: &fantoccini::Client) {
    let script = r#"
        const local = (d) => {
            const p = (n) => String(n).padStart(2, '0');
            return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
        };
        for (const [id, at] of [['new-fair-opens', Date.now() - 3600e3], ['new-fair-closes', Date.now() + 2 * 86400e3]]) {
            const input = document.getElementById(id);
            input.value = local(new Date(at));
            input.dispatchEvent(new Event('input', { bubbles: true }));
        }
    "#;
    client
        .execute(script, vec![])
        .await
        .expect("type the dates");
}

#[tokio::test]
async fn an_organiser_runs_a_new_fair_from_creation_to_exports_that_match_the_ledger() {
    let files = tempfile::tempdir().expect("files");
    let app = spawn_app_with_static(&frontend_dist(), files.path()).await;
    let browser = launch(1280, 3200).await;
    let client = &browser.client;
    open_organiser_page(client, &app).await;

    // A new fair, from the first fair's page.
    wait_for(client, "#new-fair-name")
        .await
        .send_keys("Exmoor Careers Week")
        .await
        .expect("name");
    fill_in_dates(client).await;
    wait_for(client, "#create-fair")
        .await
        .click()
        .await
        .expect("create");
    // The page is replaced by the new fair's.
    wait_for_fresh_text(client, "#fair-status", "draft").await;
    let address = client.current_url().await.expect("url");
    assert!(
        address.path() == format!("/fairs/{NEW_FAIR}/organiser"),
        "{address}"
    );
    let fair = FairId::parse(NEW_FAIR).expect("id");

    // Its schools and exhibitors, from files.
    choose_file(
        client,
        "#schools-file",
        &files.path().join("schools.csv"),
        "name,urn,expected_pupils\nDulverton High School,123456,80\nPorlock Academy,654321,40\nExford First School,,\n",
    )
    .await;
    let imported = wait_for(client, "#schools-status").await;
    wait_for_text(&imported, "Imported 3 schools.").await;
    choose_file(
        client,
        "#stands-file",
        &files.path().join("exhibitors.csv"),
        "name,kind,sectors\nExmoor Engineering,employer,Engineering\nWest Somerset College,college,Education\nHinkley Power,employer,Energy\nBridgwater University Centre,university,Education\nSomerset Care,employer,Health\n",
    )
    .await;
    let imported = wait_for(client, "#stands-status").await;
    wait_for_text(&imported, "Imported 5 exhibitors").await;

    // An invitation for Exmoor Engineering, followed by its exhibitor.
    wait_for(client, "#invite-exmoor-engineering")
        .await
        .click()
        .await
        .expect("invite");
    let invitation = wait_for(client, "#invite-link-exmoor-engineering")
        .await
        .prop("value")
        .await
        .expect("value")
        .expect("a link");
    client
        .goto(&invitation)
        .await
        .expect("follow the invitation");
    let title = wait_for(client, "h1").await;
    wait_for_text(&title, "Exmoor Engineering").await;

    // Back to the organiser's page (still signed in, in this tab); open.
    client
        .goto(&app.url(&format!("/fairs/{NEW_FAIR}/organiser")))
        .await
        .expect("organiser page");
    wait_for_fresh_text(client, "#fair-status", "draft").await;
    wait_for(client, "#status-open")
        .await
        .click()
        .await
        .expect("open the fair");
    let status = wait_for(client, "#fair-status").await;
    wait_for_text(&status, "open").await;

    // Pupils of the three schools take part, some requests sent twice.
    let schools = app.store.schools(&fair).await.expect("schools");
    let stands = app.store.stands(&fair).await.expect("stands");
    assert_eq!((schools.len(), stands.len()), (3, 5));
    let plan = plan(23, &schools, &stands, PUPILS, INTERACTIONS);
    let tokens = join_all(&app.http, &app.address, &fair, &plan, 4)
        .await
        .expect("joins");
    let outcome = send_all(
        &app.http,
        &app.address,
        &fair,
        &plan,
        &tokens,
        4,
        &Progress::default(),
    )
    .await
    .expect("pupils take part");
    assert_eq!(outcome.created, plan.unique_interactions);

    // The dashboard shows them.
    client.refresh().await.expect("reload");
    let joined = wait_for(client, "[data-testid='pupils-joined']").await;
    wait_for_text(&joined, &PUPILS.to_string()).await;
    let expected = &plan.expected;
    let with_bm5: u64 = expected.schools.values().map(|s| s.with_bm5).sum();
    let with_four: u64 = expected.schools.values().map(|s| s.with_four).sum();
    let share = |n: u64| format!("{n} ({:.0}%)", 100.0 * n as f64 / PUPILS as f64);
    let reach = wait_for(client, "#reach-figures").await;
    wait_for_text(&reach, &share(with_bm5)).await;
    wait_for_text(&reach, &share(with_four)).await;
    let hourly = client
        .find_all(Locator::Css(
            "svg[aria-label='Interactions over time'] rect.chart-bar",
        ))
        .await
        .expect("columns");
    assert!(!hourly.is_empty(), "a column for this hour");
    let per_exhibitor = client
        .find_all(Locator::Css(
            "svg[aria-label='Encounters per exhibitor'] rect.chart-bar",
        ))
        .await
        .expect("bars");
    assert_eq!(per_exhibitor.len(), 5);
    let table = wait_for(client, "#schools-table").await;
    wait_for_text(&table, "Dulverton High School").await;
    assert_accessible(client, "dashboard").await;
    let page = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("dashboard.png"), page).expect("save screenshot");

    // Every export, as the browser saves it, matches the ledger exactly.
    // What the export's status line says is recorded as it changes, to see
    // the progress it shows while a file downloads.
    client
        .execute(
            r#"
            window.exportStatuses = [];
            const status = document.getElementById('export-status');
            new MutationObserver(() => window.exportStatuses.push(status.textContent))
                .observe(status, { childList: true, characterData: true, subtree: true });
            "#,
            vec![],
        )
        .await
        .expect("watch the status line");
    let mut schools_before: Vec<u8> = Vec::new();
    for format in [ExportFormat::Csv, ExportFormat::Xlsx] {
        let mut saved = std::collections::BTreeMap::new();
        for name in EXPORTS {
            let button = match format {
                ExportFormat::Csv => format!("#export-{name}"),
                ExportFormat::Xlsx => format!("#export-{name}-xlsx"),
            };
            let file = format!("{NEW_FAIR}-{name}.{}", format.extension());
            saved.insert(
                name,
                download(client, &button, "#export-status", &file).await,
            );
        }
        if format == ExportFormat::Csv {
            schools_before = saved["schools"].clone();
        }
        let exported = read_exports(format, |name| {
            saved
                .remove(name)
                .ok_or_else(|| anyhow::anyhow!("no {name}"))
        })
        .expect("read the exports");
        let differences = tests::replay::differences(expected, &exported);
        assert!(
            differences.is_empty(),
            "{format:?} exports disagree with the ledger:\n{}",
            differences.join("\n")
        );
    }

    let statuses = client
        .execute("return window.exportStatuses;", vec![])
        .await
        .expect("statuses");
    let statuses: Vec<String> = serde_json::from_value(statuses).expect("texts");
    let rows = format!("Downloading: {PUPILS} rows so far");
    assert!(
        statuses.iter().any(|said| said.starts_with(&rows)),
        "the per-pupil file's progress was shown: {statuses:?}"
    );

    // The fair closes and is archived keeping pupils' data 0 days; once the
    // retention job has run, the per-pupil export is refused and the
    // totals stay.
    wait_for(client, "#status-closed")
        .await
        .click()
        .await
        .expect("close the fair");
    wait_for_fresh_text(client, "#fair-status", "closed").await;
    let keep = wait_for(client, "#keep-days").await;
    keep.clear().await.expect("clear");
    keep.send_keys("0").await.expect("type days");
    wait_for(client, "#status-archived")
        .await
        .click()
        .await
        .expect("archive");
    client.accept_alert().await.expect("confirm");
    wait_for_fresh_text(client, "#fair-status", "archived").await;
    let removal = wait_for(client, "#data-removal").await;
    wait_for_text(&removal, "will be removed on").await;
    let summary = careers_api::service::retention::run(&app.store, time::OffsetDateTime::now_utc())
        .await
        .expect("the retention job");
    assert_eq!(summary.fairs_done, 1, "{summary:?}");
    wait_for(client, "#export-pupils")
        .await
        .click()
        .await
        .expect("download");
    let said = wait_for(client, "#export-status").await;
    wait_for_text(&said, "pupils' data has been removed").await;
    let schools = download(
        client,
        "#export-schools",
        "#export-status",
        &format!("{NEW_FAIR}-schools.csv"),
    )
    .await;
    assert_eq!(schools, schools_before, "the totals are as they were");
    browser.client.clone().close().await.expect("close browser");
}
