//! End-to-end story of the 社区教育 area in a real headless Chromium: the
//! 职成科 opens /community, follows to the network page, registers a
//! teaching point for a community school and sees it counted in its
//! township, then opens the participation statistics with the monthly
//! report. The server runs on a fresh SQLite database with the demo district.

use crate::common::browser::{institution_name, with_browser};
use platform::db::Sql;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_vocational_section_keeps_the_network_and_finds_the_monthly_report() {
    with_browser(|b| async move {
        b.app
            .db
            .execute(Sql::new("DELETE FROM community_teaching_points"))
            .await
            .expect("no demo teaching points");
        let school = b
            .app
            .db
            .scalar(Sql::new(
                "SELECT MIN(id) FROM institutions WHERE school_type = '932'",
            ))
            .await
            .expect("a community school");
        let name = institution_name(&b.app, school).await;

        b.login("zhicheng").await;
        b.goto("/community").await;
        assert!(b.text("#key-figures").await.contains("持卡市民"));
        b.follow_link("社区教育网络（社区学校、教学点、标准化建设）")
            .await;
        assert_eq!(b.path().await, "/community/network");
        assert!(b.body_text().await.contains("还没有登记教学点"));
        b.choose("institution_id", &name).await;
        b.fill("name", "百间楼教学点").await;
        b.choose("township_id", "南浔镇").await;
        b.fill("community", "百间楼社区").await;
        b.press("登记").await;
        b.expect_status(200, "the teaching point is registered")
            .await;
        assert!(b.body_text().await.contains("已登记教学点"));
        let points = b.rows("network-points").await;
        assert_eq!(points.len(), 1);
        assert_eq!(points[0][0], "百间楼教学点");
        assert_eq!(points[0][1], name);
        let total = b.rows("network-townships").await;
        assert_eq!(total.last().map(|r| r[5].as_str()), Some("1"), "{total:?}");
        b.screenshot("community-network.png", None).await;

        b.goto("/community").await;
        b.follow_link("参与情况统计与新市民教育培训月报").await;
        assert_eq!(b.path().await, "/community/analytics");
        assert!(b
            .text("#monthly-report")
            .await
            .contains("新市民教育培训月报"));
        assert!(b.body_text().await.contains("按年龄段"));
    })
    .await;
}
