//! The timeline page and its PNG.

use super::*;

both_backends!(
    the_timeline_draws_planned_against_actual,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let mut admin = app.login("admin").await;
        let id = create(&mut admin, &at_school(own, "艺体楼危房改造")).await;
        let (s, _) = phase(&mut admin, id, "approval", json!({"planned_start": "2026-01-01", "planned_end": "2026-01-10", "actual_start": "2026-01-01", "actual_end": "2026-01-10"})).await;
        assert_eq!(s, StatusCode::OK);
        let (s, page) = admin
            .get_text("/construction/timeline?year=2026&kind=dangerous_rebuild")
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("艺体楼危房改造"), "{page}");
        assert!(
            page.contains(r##"<path d="M0 1h1000v8h-1000z" fill="#9ecae1">"##)
                && page.contains(r##"<path d="M0 11h1000v8h-1000z" fill="#0b5394">"##),
            "立项's planned and actual bar fill the window: {page}"
        );
        assert!(page.contains("当前阶段：立项"), "{page}");
        assert!(
            page.contains("2026-01-01 至 2026-01-10"),
            "the window spans the dates"
        );
        let (_, none) = admin.get_text("/construction/timeline?year=2020").await;
        assert!(none.contains("没有已填写日期的项目阶段"));
        let r = admin.get("/construction/timeline.png?year=2026").await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()["content-type"], "image/png");
        assert_eq!(&r.bytes().await.expect("png")[..4], b"\x89PNG");
    }
);
