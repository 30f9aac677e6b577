//! End-to-end story of a construction project in a real headless Chromium:
//! the bureau files a 危房改造 project through the form, its first phase is
//! dated, and the timeline shows the project with its planned and actual
//! bars. The server runs on a fresh SQLite database with the demo district.

use crate::common::browser::with_browser;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_filed_project_shows_on_the_timeline() {
    with_browser(|b| async move {
        crate::common::empty_tables(&b.app, crate::common::CONSTRUCTION_TABLES).await;
        let school = b.app.institution_of("school003").await;
        let name = crate::common::browser::institution_name(&b.app, school).await;
        b.login("admin").await;
        b.goto("/construction/projects").await;
        b.follow_link("新建项目").await;
        b.fill("name", "实验楼危房改造").await;
        b.choose("kind", "危房改造").await;
        b.choose("institution_id", &name).await;
        b.fill("year", "2026").await;
        b.fill("planned_floor_area", "1560").await;
        b.fill("dangerous_area_removed", "820").await;
        b.fill("responsible_person", "沈建国").await;
        b.press("保存").await;
        b.expect_status(200, "the project is filed").await;
        assert_eq!(b.fact("项目类型").await, "危房改造");
        assert_eq!(b.fact("消除危房面积").await, "820 m²");
        assert_eq!(b.rows("phases").await.len(), 7, "all seven phases");
        let id: i64 = b
            .path()
            .await
            .rsplit('/')
            .next()
            .and_then(|s| s.parse().ok())
            .expect("the project's id in the address");

        let mut admin = b.app.login("admin").await;
        let (status, v) = admin
            .put_json(
                &format!("/api/v1/construction/projects/{id}/phases/approval"),
                &json!({"planned_start": "2026-01-01", "planned_end": "2026-02-28",
                        "actual_start": "2026-01-10", "actual_end": "2026-03-05"}),
            )
            .await;
        assert_eq!(status.as_u16(), 200, "{v}");

        b.goto("/construction/projects").await;
        b.follow_link("项目进度甘特图").await;
        let rows = b.rows("timeline").await;
        assert_eq!(rows.len(), 1);
        assert!(
            rows[0][0].contains("实验楼危房改造") && rows[0][0].contains(&name),
            "{rows:?}"
        );
        let bars = b.find_all("table#timeline tbody svg path").await;
        assert_eq!(bars.len(), 2, "the planned and the actual bars");
        b.screenshot("construction-timeline.png", None).await;
    })
    .await;
}
