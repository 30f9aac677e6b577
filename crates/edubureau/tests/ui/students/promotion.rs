//! Year-end promotion of one school on its own page: the bureau opens the
//! window around today, previews, types the count, runs and reads the
//! numbers; the list page no longer offers a promotion form.

use chrono::Duration;

use super::*;

/// The numbers of "合计：晋级 A 人，毕业 B 人，共 T 人。".
fn numbers(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().expect("a number"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bureau_previews_confirms_and_reads_the_numbers() {
    with_browser(|b| async move {
        let school = school_name(&b.app, "school001").await;
        b.login("jijiao").await;
        b.goto("/students").await;
        assert!(!b.body_text().await.contains("全部班级升级"));
        b.follow_link("年终升级").await;
        assert_eq!(b.path().await, "/students/promotion");

        // The window opens around today.
        let today = students::service::today();
        let md = |d: i64| (today + Duration::days(d)).format("%m-%d").to_string();
        b.fill("opens", &md(-1)).await;
        b.fill("closes", &md(1)).await;
        b.press("保存").await;
        b.expect_status(200, "the window saved").await;
        assert_eq!(b.text("p.notice").await, "已保存升级时段。");
        assert!(b
            .text("#promotion-window")
            .await
            .contains("当前在升级时段内"));

        b.choose("scope", "一所学校").await;
        b.choose("institution_id", &school).await;
        b.press("预览").await;
        b.expect_status(200, "the preview").await;
        let rows = b.rows("promotion-preview").await;
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|r| r[0] == school), "{rows:?}");
        let total = numbers(&b.text("#promotion-total").await);
        let (promoted, graduated, all) = (total[0], total[1], total[2]);
        assert_eq!(promoted + graduated, all);
        let by_rows: u64 = rows
            .iter()
            .map(|r| numbers(&r[2])[0] + numbers(&r[3])[0])
            .sum();
        assert_eq!(by_rows, all);

        b.fill("confirm", &all.to_string()).await;
        b.press("确认升级").await;
        b.expect_status(200, "the run").await;
        assert_eq!(b.path().await, "/students/promotion");
        let done = b.text("#promotion-done").await;
        assert!(
            done.contains(&format!("晋级 {promoted} 人，毕业 {graduated} 人")),
            "{done}"
        );
        let report = b.rows("promotion-report").await;
        assert_eq!(
            report,
            vec![vec![
                school.clone(),
                promoted.to_string(),
                graduated.to_string()
            ]]
        );
        let runs = b.rows("promotion-runs").await;
        assert_eq!(runs[0][1], school);
        assert_eq!(runs[0][5], "已升级");
        b.screenshot("promotion.png", None).await;
    })
    .await;
}
