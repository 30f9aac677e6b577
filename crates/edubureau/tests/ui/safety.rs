//! End-to-end story of a hazard (隐患) in a real headless Chromium: a
//! school reports one with a photo, the 安全科 orders it fixed from the
//! hazard's page, and the school sees the order's stage on its hazard. The
//! server runs on a fresh SQLite database with the demo district.

use crate::common::browser::with_browser;
use platform::db::Sql;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reported_hazard_is_ordered_fixed_and_shows_the_order() {
    with_browser(|b| async move {
        b.app
            .db
            .execute(Sql::new("DELETE FROM safety_hazards"))
            .await
            .expect("no demo hazards");
        let dir = tempfile::tempdir().expect("dir");
        let photo = dir.path().join("灭火器.png");
        image::RgbImage::from_pixel(320, 240, image::Rgb([200, 40, 40]))
            .save(&photo)
            .expect("photo");

        b.login("school003").await;
        b.goto("/safety/hazards").await;
        assert!(b.body_text().await.contains("没有符合条件的隐患"));
        b.choose("category", "消防").await;
        b.choose("risk_level", "较大").await;
        b.fill("location", "教学楼二层走廊").await;
        b.fill("description", "灭火器压力不足").await;
        b.attach("photos", &photo).await;
        b.press("上报").await;
        b.expect_status(200, "the hazard is reported").await;
        assert!(b.body_text().await.contains("已上报隐患"));
        let hazard = b.path().await;
        assert!(b.fact("整改状态").await.contains("待处置"));
        assert!(b.text("#hazard-photos").await.contains("灭火器.png"));
        b.logout().await;

        b.login("anquanke").await;
        b.goto(&hazard).await;
        b.fill("requirement", "三日内更换灭火器").await;
        b.fill("responsible_person", "李副校长").await;
        b.press("下发整改通知").await;
        b.expect_status(200, "the order is issued").await;
        assert!(b.body_text().await.contains("已下发整改通知书"));
        assert!(b.fact("整改状态").await.contains("整改中"));
        b.screenshot("safety-hazard.png", None).await;
        b.logout().await;

        b.login("school003").await;
        b.goto("/safety/hazards").await;
        let rows = b.rows("hazards").await;
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0][4], "教学楼二层走廊");
        assert!(rows[0][6].contains("整改中"), "{rows:?}");
        b.goto("/safety").await;
        assert!(b.text("#latest-hazards").await.contains("教学楼二层走廊"));
    })
    .await;
}
