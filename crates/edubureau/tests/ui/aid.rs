//! End-to-end story of student aid (学生资助) in a real headless Chromium: the
//! aid centre defines a program on its form and computes the term's batch
//! over the demo district, leadership approves it, and a pupil's page shows
//! the benefit.
//! The server runs on a fresh SQLite database with the demo district (see
//! common/browser.rs).

use crate::common::browser::with_browser;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_aid_centre_defines_a_program_runs_and_approves_a_batch() {
    with_browser(|b| async move {
        b.login("zizhu").await;
        b.follow_link("学生资助").await;
        b.follow_link("新增资助项目").await;
        assert_eq!(b.path().await, "/aid/programs/new");

        // A wrong amount first: the form says why and keeps what was typed.
        b.fill("name", "寄宿生生活补助").await;
        b.fill("funding_source", "中央和地方财政").await;
        b.choose("period", "每周").await;
        b.fill("amount_junior", "17.5").await;
        b.fill("amount_primary", "十七元").await;
        b.choose("flag_boarding", "须具备").await;
        b.press("保存").await;
        b.expect_status(422, "a non-numeric amount is refused")
            .await;
        assert!(b.body_text().await.contains("不是有效的数字"));
        assert_eq!(b.value("input[name='name']").await, "寄宿生生活补助");
        b.screenshot("aid-program-form.png", None).await;
        b.fill("amount_primary", "17.5").await;
        b.press("保存").await;
        b.expect_status(200, "the program is saved").await;
        assert!(b.path().await.starts_with("/aid/programs/"));
        assert_eq!(b.fact("补助标准").await, "小学 17.50元/周；初中 17.50元/周");
        assert_eq!(b.fact("享受条件").await, "须为寄宿生");
        b.screenshot("aid-program.png", None).await;

        // The term's batch over every boarder of the district.
        b.follow_link("学生资助").await;
        b.press("计算本学期资助名单").await;
        b.expect_status(200, "the batch is computed").await;
        assert!(b.path().await.starts_with("/aid/runs/"));
        assert_eq!(b.fact("状态").await, "待审批");
        let total = b.fact("合计").await;
        let persons: i64 = total
            .split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("人次 in {total:?}"));
        assert!(persons > 0, "the demo district has boarders: {total}");
        let yuan = (persons * 350).to_string().replace(',', "");
        assert!(
            total.replace(',', "").contains(&format!("{yuan}.00元")),
            "20 weeks × 17.50 元 each: {total}"
        );
        // Approval is for someone other than who computed the batch.
        let batch = b.path().await;
        b.logout().await;
        b.login("admin").await;
        b.goto(&batch).await;
        b.press("审批通过").await;
        b.expect_status(200, "approved").await;
        assert_eq!(b.fact("状态").await, "已审批");
        b.screenshot("aid-batch.png", None).await;

        // A boarder's aid page lists the benefit with its batch.
        let first = b.find("a[href^='/aid/students/']").await;
        let href = first.attr("href").await.expect("attr").expect("href");
        b.goto(&href).await;
        assert!(b.body_text().await.contains("寄宿生生活补助"));
        assert!(b.body_text().await.contains("已审批"));
    })
    .await;
}
