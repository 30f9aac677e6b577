//! End-to-end story of the unlicensed kindergartens in a real headless
//! Chromium: 民办教育科 opens the area, registers a kindergarten found in a
//! sweep, orders it to rectify by a deadline, and finds it on the list of
//! those rectifying.

use crate::common::browser::with_browser;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unlicensed_kindergarten_is_found_and_ordered_to_rectify() {
    with_browser(|b| async move {
        b.login("minban").await;
        b.goto("/private").await;
        assert!(b.body_text().await.contains("年检合格率"));
        b.follow_link("无证幼儿园").await;
        b.fill("name", "浏览器测试看护点").await;
        b.fill("address", "新桥村5组").await;
        let township = b
            .text("#unlicensed-form select#township option:nth-child(2)")
            .await;
        b.choose("township", &township).await;
        b.fill("operator", "陈某").await;
        b.fill("children", "14").await;
        let found = (platform::time::today() - chrono::Duration::days(5)).to_string();
        b.client
            .execute(
                &format!("document.getElementById('found_on').value = '{found}';"),
                vec![],
            )
            .await
            .expect("set the date");
        b.press("登记").await;
        b.expect_status(200, "registered").await;
        assert_eq!(b.fact("状态").await, "排查发现");

        b.choose("status", "整改中").await;
        let deadline = (platform::time::today() + chrono::Duration::days(30)).to_string();
        b.client
            .execute(
                &format!("document.getElementById('deadline-input').value = '{deadline}';"),
                vec![],
            )
            .await
            .expect("set the deadline");
        b.press("保存状态").await;
        b.expect_status(200, "rectifying").await;
        assert_eq!(b.fact("状态").await, "整改中");

        b.goto("/private/unlicensed?status=rectifying&q=浏览器测试")
            .await;
        let rows = b.rows("unlicensed").await;
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0][0], "浏览器测试看护点");
    })
    .await;
}
