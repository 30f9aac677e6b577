//! End-to-end story of a batch review (批次审核) in a real headless
//! Chromium: the aid centre computes a term's batch for the program it
//! ticks, reads every line page by page, filters one school and exports
//! the lines; it may not approve its own batch, so leadership approves it.
//! The server runs on a fresh SQLite database with the demo district.

use crate::common::browser::with_browser;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_is_reviewed_line_by_line_and_approved_by_someone_else() {
    with_browser(|b| async move {
        b.login("zizhu").await;
        b.follow_link("学生资助").await;
        b.follow_link("新增资助项目").await;
        b.fill("name", "免费教科书").await;
        b.fill("funding_source", "中央财政").await;
        b.choose("period", "每年").await;
        b.fill("amount_primary", "71").await;
        b.fill("amount_junior", "156").await;
        b.press("保存").await;
        b.expect_status(200, "the program is saved").await;

        // The term is chosen by name; the program is ticked by default.
        b.follow_link("学生资助").await;
        let ticked = b.find("form#aid-run input[name='programs']").await;
        assert_eq!(
            ticked.prop("checked").await.expect("prop").as_deref(),
            Some("true")
        );
        assert!(b
            .text("form#aid-run select[name='term']")
            .await
            .contains("秋季学期"));
        b.press("计算本学期资助名单").await;
        b.expect_status(200, "the batch is computed").await;
        assert_eq!(b.fact("状态").await, "待审批");

        // Every line with name, masked or full ID, school, program, amount
        // and reason, fifty to a page.
        let rows = b.rows("aid-lines").await;
        assert_eq!(rows.len(), 50, "a full first page");
        assert!(rows
            .iter()
            .all(|r| r[3] == "免费教科书" && !r[0].is_empty()));
        assert!(b.body_text().await.contains("下一页"));
        let school = rows[0][2].clone();
        b.choose("institution_id", &school).await;
        b.press("筛选").await;
        let rows = b.rows("aid-lines").await;
        assert!(!rows.is_empty() && rows.iter().all(|r| r[2] == school));
        let export = b.find("a[href*='lines.xlsx']").await;
        let href = export.attr("href").await.expect("attr").expect("href");
        assert!(
            href.contains("institution_id="),
            "the export keeps the filter: {href}"
        );
        let (status, kind) = b.fetch(&href).await;
        assert_eq!(status, 200);
        assert!(kind.contains("spreadsheetml"), "{kind}");

        // Who computed the batch sees why there is no approval button.
        let text = b.body_text().await;
        assert!(text.contains("须由其他有审批权限的人员审批"), "{text}");
        assert!(b
            .find_all("form[action$='/approve'] button")
            .await
            .is_empty());
        b.screenshot("aid-batch-review.png", None).await;
        let batch = b.path().await;

        b.logout().await;
        b.login("admin").await;
        b.goto(&batch).await;
        b.press("审批通过").await;
        b.expect_status(200, "approved").await;
        assert_eq!(b.fact("状态").await, "已审批");
    })
    .await;
}
