//! An exhibitor gets in by invitation: the organiser imports an exhibitor
//! (an empty stand, not yet ready) and makes a link for a stand, the exhibitor follows it and sees their stand, invites a
//! colleague and withdraws that link again; a withdrawn or used link
//! says so.

use crate::driver::{
    artifacts_dir, assert_accessible, frontend_dist, launch, open_organiser_page, wait_for,
    wait_for_text,
};
use tests::{EMPLOYER, spawn_app_with_static};

/// Clicks the invite button for the stand and returns the link it shows.
async fn make_invitation(client: &fantoccini::Client) -> String {
    wait_for(client, &format!("#invite-{EMPLOYER}"))
        .await
        .click()
        .await
        .expect("invite");
    let field = wait_for(client, &format!("#invite-link-{EMPLOYER}")).await;
    field.prop("value").await.expect("value").expect("a link")
}

#[tokio::test]
async fn an_invited_exhibitor_gets_in_once_and_invites_a_colleague() {
    let files = tempfile::tempdir().expect("files");
    let app = spawn_app_with_static(&frontend_dist(), files.path()).await;
    let browser = launch(1280, 800).await;
    let client = &browser.client;
    open_organiser_page(client, &app).await;
    // Each stand says whether it is ready for pupils (the fixture's are).
    let stand = wait_for(client, &format!("#stand-{EMPLOYER}[data-ready='true']")).await;
    wait_for_text(&stand, "Ready for pupils").await;
    // An exhibitor imported from a file gets an empty stand, not ready yet.
    let file = files.path().join("exhibitors.csv");
    std::fs::write(
        &file,
        "name,kind,sectors\nSomerset Care,employer,Health; Care\n",
    )
    .expect("write file");
    wait_for(client, "#stands-file")
        .await
        .send_keys(&file.display().to_string())
        .await
        .expect("choose file");
    let imported = wait_for(client, "#stands-status").await;
    wait_for_text(&imported, "Imported 1 exhibitor").await;
    let care = wait_for(client, "#stand-somerset-care[data-ready='false']").await;
    wait_for_text(&care, "Still needs: a logo, some words about you").await;
    let invitation = make_invitation(client).await;
    assert!(invitation.contains("/exhibitor#invite="), "{invitation}");

    client
        .goto(&invitation)
        .await
        .expect("follow the invitation");
    let heading = wait_for(client, "#stand-figures").await;
    wait_for_text(&heading, "fewer than 5").await;
    let title = wait_for(client, "h1").await;
    wait_for_text(&title, "Acme Engineering").await;
    let address = client.current_url().await.expect("url");
    assert!(
        !address.as_str().contains("invite="),
        "the invitation leaves the address bar"
    );
    assert_accessible(client, "exhibitor").await;

    // A colleague's invitation, withdrawn before it is used.
    let colleague = make_invitation(client).await;
    let panel = wait_for(client, "section[aria-labelledby='colleagues-heading']").await;
    let picture = panel.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("exhibitor-invite.png"), picture).expect("save screenshot");
    wait_for(client, &format!("#withdraw-{EMPLOYER}"))
        .await
        .click()
        .await
        .expect("withdraw");
    let status = wait_for(client, &format!("#invite-status-{EMPLOYER}")).await;
    wait_for_text(&status, "Withdrawn").await;

    for (link, reason) in [(&colleague, "withdrawn"), (&invitation, "used already")] {
        // A new tab's worth of state: this tab's sign-in would otherwise
        // show the stand whatever the link.
        client
            .execute("sessionStorage.clear();", vec![])
            .await
            .expect("forget the sign-in");
        // Away first: the same page with another fragment would not load
        // again (a link from an email opens a new tab, which does).
        client.goto("about:blank").await.expect("leave the page");
        client.goto(link).await.expect("follow the link again");
        let error = wait_for(client, "#invite-error").await;
        wait_for_text(&error, reason).await;
    }
    assert_accessible(client, "refused invitation").await;
    let page = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join("invite-used.png"), page).expect("save screenshot");
    browser.client.clone().close().await.expect("close browser");
}
