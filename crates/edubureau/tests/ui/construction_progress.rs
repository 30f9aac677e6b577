//! End-to-end story of a progress report (形象进度) in a real headless
//! Chromium: leadership opens the area from the navigation, reports 85% on
//! a project with a site photo, sees the figure, the work items and the
//! thumbnail, and finds the report on the area's start page. The server
//! runs on a fresh SQLite database with the demo district.

use crate::common::browser::with_browser;
use platform::db::Sql;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_report_with_a_photo_shows_on_the_project_and_the_start_page() {
    with_browser(|b| async move {
        crate::common::empty_tables(&b.app, crate::common::CONSTRUCTION_TABLES).await;
        let school = b.app.institution_of("school003").await;
        let project: i64 = b
            .app
            .db
            .scalar(
                Sql::new(
                    "INSERT INTO construction_projects (name, kind, institution_id, township_id, year, status, created_at, updated_at) \
                     SELECT '金湾一中新建工程', 'new_build', id, township_id, 2026, 'active', $1, $1 FROM institutions WHERE id = $2 RETURNING id",
                )
                .arg(chrono::Utc::now())
                .arg(school),
            )
            .await
            .expect("project");
        let dir = tempfile::tempdir().expect("dir");
        let photo = dir.path().join("现场.png");
        image::RgbImage::from_pixel(800, 600, image::Rgb([90, 140, 60]))
            .save(&photo)
            .expect("photo");

        b.login("admin").await;
        b.goto("/construction").await;
        assert_eq!(b.path().await, "/construction");
        b.goto(&format!("/construction/projects/{project}/progress")).await;
        assert!(b.body_text().await.contains("尚无形象进度报告"));
        b.fill("overall", "85").await;
        b.fill("item_main_structure", "85").await;
        b.fill("item_interior_plaster", "95").await;
        b.fill("notes", "外墙砌体抹灰基本完成").await;
        b.attach("photos", &photo).await;
        b.press("保存报告").await;
        b.expect_status(200, "the report is saved").await;
        assert!(b.body_text().await.contains("已保存形象进度报告"));
        assert!(b.text("#latest").await.contains("85%"));
        let rows = b.rows("progress-reports").await;
        assert_eq!(rows.len(), 1);
        assert!(rows[0][2].contains("主体 85%，内墙抹灰 95%"), "{rows:?}");
        let thumb = b.find("img.thumb").await.attr("src").await.expect("src").expect("a thumbnail");
        assert_eq!(b.fetch(&thumb).await, (200, "image/jpeg".to_string()));
        b.screenshot("construction-progress.png", None).await;

        b.goto("/construction").await;
        let latest = b.rows("latest-reports").await;
        assert_eq!(latest[0][1], "金湾一中新建工程");
        assert_eq!(latest[0][2], "85%");
    })
    .await;
}
