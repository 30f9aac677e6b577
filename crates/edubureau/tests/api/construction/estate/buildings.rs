//! Buildings: the rules, versions, the 危房 list and starting a 危房改造
//! project from it.

use reqwest::StatusCode;
use serde_json::json;

use super::fixtures::{add_building, building, finance};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    a_school_keeps_its_own_buildings_under_the_rules,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let mut school = app.login("school003").await;
        // A school's building is its own, whatever institution it names.
        let id = add_building(&mut school, other, "1号教学楼", 2400, Some("B")).await;
        let (s, got) = school
            .get_json(&format!("/api/v1/construction/buildings/{id}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(got["institution_id"], own);
        assert_eq!(got["floor_area"], 2400);

        let (s, e) = school
            .post_json(
                "/api/v1/construction/buildings",
                &building(own, "食堂", 0, None),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(e["fields"][0]["field"], "floor_area");
        assert_eq!(
            e["fields"][0]["message"],
            "建筑面积须大于 0 平方米，而不是 0"
        );
        let (s, e) = school
            .post_json(
                "/api/v1/construction/buildings",
                &building(own, "1号教学楼", 900, None),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        let (_, list) = school.get_json("/api/v1/construction/buildings").await;
        assert_eq!(list["totals"]["buildings"], 1, "nothing refused was stored");

        let mut change = building(own, "1号教学楼", 2400, Some("D"));
        change["version"] = json!(1);
        let (s, got) = school
            .put_json(&format!("/api/v1/construction/buildings/{id}"), &change)
            .await;
        assert_eq!(s, StatusCode::OK, "{got}");
        assert_eq!(got["grade"], "D");
        let (s, _) = school
            .put_json(&format!("/api/v1/construction/buildings/{id}"), &change)
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "a stale version changes nothing");

        let (s, page) = school.get_text("/construction/buildings?grade=D").await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("1号教学楼") && page.contains("未列入改造项目"),
            "{page}"
        );

        // 基教科 reads the area but does not keep buildings.
        let mut jijiao = app.login("jijiao").await;
        let (s, _) = jijiao
            .post_json(
                "/api/v1/construction/buildings",
                &building(own, "综合楼", 800, None),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
);

both_backends!(
    the_dangerous_list_starts_a_rebuild_project,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let mut bureau = finance(&app).await;
        let danger = add_building(&mut bureau, own, "旧宿舍楼", 655, Some("D")).await;
        add_building(&mut bureau, own, "新教学楼", 3000, Some("A")).await;

        let (_, list) = bureau
            .get_json("/api/v1/construction/buildings?grade=D&uncovered=true")
            .await;
        assert_eq!(list["totals"], json!({"buildings": 1, "floor_area": 655}));
        let by_town = &list["dangerous_by_township"][0];
        assert_eq!(
            (
                by_town["floor_area"].as_i64(),
                by_town["covered_area"].as_i64()
            ),
            (Some(655), Some(0))
        );

        let mut school = app.login("school003").await;
        let (s, _) = school
            .post_json(
                &format!("/api/v1/construction/buildings/{danger}/rebuild"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "a school does not start projects");

        let (s, started) = bureau
            .post_json(
                &format!("/api/v1/construction/buildings/{danger}/rebuild"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{started}");
        let project = started["project_id"].as_i64().expect("project");
        assert_eq!(started["building"]["project_id"], project);
        let (kind, area, phases): (String, i64, i64) = app
        .db
        .fetch_one(platform::db::Sql::new(
            "SELECT p.kind, p.dangerous_area_removed, (SELECT COUNT(*) FROM construction_phases f WHERE f.project_id = p.id) FROM construction_projects p WHERE p.id = ",
        ).bind(project))
        .await
        .expect("project");
        assert_eq!((kind.as_str(), area, phases), ("dangerous_rebuild", 655, 7));

        let (s, e) = bureau
            .post_json(
                &format!("/api/v1/construction/buildings/{danger}/rebuild"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(
            e["message"]
                .as_str()
                .unwrap_or("")
                .contains("已列入危房改造项目"),
            "{e}"
        );
        let (_, list) = bureau
            .get_json("/api/v1/construction/buildings?grade=D&uncovered=true")
            .await;
        assert_eq!(list["totals"]["buildings"], 0);
        let (_, list) = bureau
            .get_json("/api/v1/construction/buildings?grade=D")
            .await;
        assert_eq!(list["dangerous_by_township"][0]["covered_area"], 655);

        let (s, _) = bureau
            .post_json(
                &format!("/api/v1/construction/buildings/{}/rebuild", danger + 1),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "an A级 building is no 危房");
    }
);

both_backends!(
    overdue_appraisals_and_uncovered_danger_reach_the_inbox,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let mut bureau = finance(&app).await;
        let mut old = building(own, "旧教学楼", 540, Some("D"));
        old["appraised_on"] =
            json!((platform::time::today() - chrono::Duration::days(400)).to_string());
        let (s, _) = bureau
            .post_json("/api/v1/construction/buildings", &old)
            .await;
        assert_eq!(s, StatusCode::CREATED);
        add_building(&mut bureau, own, "综合楼", 900, Some("C")).await;
        let (_, list) = bureau
            .get_json("/api/v1/construction/buildings?overdue=true")
            .await;
        assert_eq!(list["totals"]["buildings"], 1, "{list}");
        let (_, inbox) = bureau.get_json("/api/v1/inbox").await;
        let count = |label: &str| {
            inbox
                .as_array()
                .expect("tasks")
                .iter()
                .find(|t| t["label"] == label)
                .map(|t| t["count"].clone())
        };
        assert_eq!(count("危房尚未列入危房改造项目"), Some(json!(1)), "{inbox}");
        assert_eq!(count("校舍安全鉴定逾期"), Some(json!(1)), "{inbox}");
        let (_, inbox) = app.login("school003").await.get_json("/api/v1/inbox").await;
        let labels: Vec<&str> = inbox
            .as_array()
            .expect("tasks")
            .iter()
            .filter_map(|t| t["label"].as_str())
            .collect();
        assert!(
            labels.contains(&"校舍安全鉴定逾期") && !labels.contains(&"危房尚未列入危房改造项目"),
            "{labels:?}"
        );
    }
);

both_backends!(
    the_building_form_shows_errors_beside_the_fields,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let mut school = app.login("school003").await;
        let r = school
            .post_form(
                "/construction/buildings",
                &[
                    ("name", "体育馆"),
                    ("floor_area", "0"),
                    ("structure", "frame"),
                    ("floors", "1"),
                    ("purpose", "other"),
                    ("certificate", "none"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = r.text().await.expect("body");
        assert!(
            body.contains("建筑面积须大于 0 平方米") && body.contains("体育馆"),
            "{body}"
        );
        let r = school
            .post_form(
                "/construction/buildings",
                &[
                    ("name", "体育馆"),
                    ("floor_area", "1200"),
                    ("structure", "frame"),
                    ("floors", "1"),
                    ("purpose", "other"),
                    ("certificate", "none"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, spec) = school.get_json("/api/openapi.json").await;
        assert!(spec["paths"]["/api/v1/construction/buildings/{id}/rebuild"].is_object());
        assert!(spec["components"]["schemas"]["BuildingInput"].is_object());
        let (s, xlsx) = school.get_text("/construction/buildings.xlsx").await;
        assert_eq!(s, StatusCode::OK);
        assert!(!xlsx.is_empty());
    }
);
