//! End-to-end story of the fitness reports (体质健康) in a real headless
//! Chromium: a school opens the area from its inbox, sees its latest
//! school year at a glance, drills into a class and opens a pupil's
//! printable report card, whose total and band match the class list. The
//! server runs on a fresh SQLite database with the demo district (and its
//! demo tests).

use crate::common::browser::with_browser;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_school_drills_from_its_glance_to_a_report_card() {
    with_browser(|b| async move {
        b.login("school003").await;
        // The inbox leads to the area's start page.
        b.follow_link("本学年尚未体质健康测试的学生").await;
        assert_eq!(b.path().await, "/fitness");
        let rate = b.fact("合格率").await;
        assert!(rate.ends_with('%') && rate != "—", "{rate}");
        assert!(b.text("#untested").await.contains("本校尚有"));

        b.follow_link("按班级查看报表").await;
        let classes = b.rows("fitness-rows").await;
        assert!(!classes.is_empty());
        let class = classes[0][0].clone();
        b.follow_link(&class).await;
        assert_eq!(b.fact("测试人数").await, classes[0][1], "the class's row");
        let pupils = b.rows("fitness-pupils").await;
        assert!(!pupils.is_empty());
        let (name, total, band) = (
            pupils[0][0].clone(),
            pupils[0][2].clone(),
            pupils[0][3].clone(),
        );

        b.follow_link(&name).await;
        b.expect_status(200, "the report card").await;
        assert_eq!(b.fact("姓名").await, name);
        assert_eq!(b.text("#card-total").await, total);
        assert_eq!(b.text("#card-band").await, band);
        assert!(
            b.rows("card-items").await.len() >= 5,
            "items, 标准分, 附加分, 学年总分"
        );
        b.screenshot("fitness-card.png", None).await;
    })
    .await;
}
