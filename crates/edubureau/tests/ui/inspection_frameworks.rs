//! End-to-end story of an indicator framework (评估标准) in a real headless
//! Chromium: 督导室 starts a draft, adds two indicators (a level above the
//! indicator's points is refused at its field, then corrected), publishes
//! the framework and sees it frozen with its tree and totals. The server
//! runs on a fresh SQLite database with the demo district.

use crate::common::browser::with_browser;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_framework_is_built_and_published_in_the_browser() {
    with_browser(|b| async move {
        b.login("dudao").await;
        b.goto("/inspection/frameworks").await;
        b.follow_link("新建评估标准").await;
        b.choose("owner", "教育督导").await;
        b.choose("purpose", "专项督导").await;
        b.fill("name", "三课二操二活动专项督导").await;
        b.fill("year", "2026").await;
        b.press("新建草稿").await;
        b.expect_status(200, "the draft is made").await;
        assert_eq!(b.fact("状态").await, "草稿");

        b.fill("code", "1").await;
        b.fill("title", "开齐开足课程").await;
        b.fill("points", "60").await;
        b.choose("method", "等级").await;
        b.fill("options", "A:70;B:40;C:0").await;
        b.press("添加").await;
        b.expect_status(422, "a level above the points").await;
        let error = b.text("#indicator-form + form .field-error").await;
        assert_eq!(error, "指标 1 的最高等级分值为 70分，应等于指标分值 60分");
        b.fill("options", "A:60;B:40;C:0").await;
        b.press("添加").await;
        b.expect_status(200, "the indicator is added").await;

        b.fill("code", "2").await;
        b.fill("title", "两操两活动").await;
        b.fill("points", "40").await;
        b.choose("method", "检查项").await;
        b.fill("options", "广播操:15;眼保健操:10;大课间:15").await;
        b.fill("evidence", "课表；活动记录").await;
        b.press("添加").await;
        b.expect_status(200, "the second indicator").await;

        b.press("发布").await;
        b.expect_status(200, "published").await;
        assert_eq!(b.fact("状态").await, "已发布");
        let rows = b.rows("framework-tree").await;
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(rows[0][..4], ["1", "开齐开足课程", "60分", "等级"]);
        assert_eq!(rows[1][4], "广播操 15分；眼保健操 10分；大课间 15分");
        assert_eq!(rows[1][5], "课表；活动记录");
        let total = b.text("table#framework-tree tfoot").await;
        assert!(total.contains("总分 100分，计分指标 2 个"), "{total}");
        assert!(b.find_all("form#settings-form").await.is_empty(), "frozen");
        b.screenshot("inspection-framework.png", None).await;
    })
    .await;
}
