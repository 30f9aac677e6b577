//! End-to-end story of an exam analysis in a real headless Chromium: 基教科
//! opens this year's 中考 analysis of the demo, sees the school with 19 over
//! 重点线 against 12 and the report's wrong growth rate flagged with the
//! right one, corrects the text and saves it without a finding.

use crate::common::browser::with_browser;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_text_is_checked_against_the_records() {
    with_browser(|b| async move {
        let admin = b.app.login("admin").await;
        let (_, exams) = admin.get_json("/api/v1/exams").await;
        let exam = exams
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["kind"] == "zhongkao")
            .expect("the demo's 中考")["id"]
            .clone();

        b.login("jijiao").await;
        b.goto("/exams").await;
        assert!(b.body_text().await.contains("中考"));
        b.goto(&format!("/exams/{exam}/analysis")).await;
        b.expect_status(200, "the analysis").await;
        let flagged = b.text("#report-findings").await;
        assert!(
            flagged.contains("36.8%") && flagged.contains("58.3%"),
            "{flagged}"
        );
        let text = b.value("[name='text']").await;
        b.fill("text", &text.replace("36.8%", "58.3%")).await;
        b.press("保存并核对数字").await;
        b.expect_status(200, "saved").await;
        assert!(b.body_text().await.contains("说明中的数字与成绩记录一致"));
        b.screenshot("exams-analysis.png", None).await;
    })
    .await;
}
