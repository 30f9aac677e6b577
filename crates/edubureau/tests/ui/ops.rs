//! The 信息中心's side in a real headless Chromium: leadership opens 系统设置
//! from the navigation and reads the effective settings; a school account
//! neither sees the entry nor reaches the page.

use crate::common::browser::with_browser;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leadership_reads_the_settings_and_a_school_cannot() {
    with_browser(|b| async move {
        b.login("admin").await;
        b.follow_link("系统设置").await;
        assert_eq!(b.path().await, "/ops/settings");
        let rows = b.rows("settings").await;
        let keys: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
        for key in ["database.url", "server.addr", "backup.keep_daily"] {
            assert!(keys.contains(&key), "{key} is shown: {keys:?}");
        }
        b.screenshot("ops-settings.png", None).await;
        b.logout().await;

        b.login("school001").await;
        assert!(
            !b.body_text().await.contains("系统设置"),
            "a school has no settings entry in the navigation"
        );
        b.goto("/ops/settings").await;
        b.expect_status(403, "a school opening the settings page")
            .await;
    })
    .await;
}
