//! End-to-end story of a responsible inspector's visit in a real headless
//! Chromium: the 督学 opens 教育督导, logs a visit to a
//! school with a finding and a rectification order, and sees the order
//! waiting for the school (待整改) on the visit's page; the school then
//! reads the same visit. The server runs on a fresh SQLite database with
//! the demo district.

use crate::common::browser::{institution_name, with_browser};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_inspectors_finding_becomes_an_order_for_the_school() {
    with_browser(|b| async move {
        let school = b.app.institution_of("school003").await;
        let name = institution_name(&b.app, school).await;

        b.login("duxue").await;
        b.goto("/supervision").await;
        assert!(b.body_text().await.contains("督导覆盖率"));
        b.follow_link("登记督导记录").await;
        b.choose("institution_id", &name).await;
        b.choose("focus", "校园及周边安全").await;
        b.fill("findings", "消防通道堆放杂物").await;
        b.fill("suggestions", "立即清理，建立巡查制度").await;
        b.find("#issue_order")
            .await
            .click()
            .await
            .expect("tick the order box");
        b.fill("requirement", "一周内清理完毕并报送照片").await;
        b.fill("responsible_person", "总务主任").await;
        b.press("保存督导记录").await;
        b.expect_status(200, "the visit is saved").await;
        assert!(b.body_text().await.contains("已保存督导记录"));
        assert_eq!(b.fact("发现的问题").await, "消防通道堆放杂物");
        let order = b.rows("order").await;
        assert_eq!(order.len(), 1, "{order:?}");
        assert_eq!(order[0][2], "总务主任");
        assert_eq!(order[0][4], "待整改");
        let visit = b.path().await;
        b.screenshot("supervision-visit.png", None).await;

        b.logout().await;
        b.login("school003").await;
        b.goto(&visit).await;
        b.expect_status(200, "the school reads the visit").await;
        assert_eq!(b.rows("order").await[0][4], "待整改");
    })
    .await;
}
