//! The start page and the reports: counts by kind and status, the project
//! table with the latest 形象进度 (also .xlsx), totals by kind and township,
//! the seed's 危房改造 figures counted from records, and the indicators.

use reqwest::StatusCode;

use super::fixtures::{days_ago, phase, project, report, Project};
use crate::both_backends;
use crate::common::Backend;

/// The seed's ten 危房改造 projects: 11,430 m² planned, 6,074 m² removed.
const DANGEROUS: [(i64, i64); 10] = [
    (1800, 960),
    (1500, 820),
    (1320, 700),
    (1200, 650),
    (1100, 600),
    (1050, 560),
    (980, 520),
    (900, 480),
    (820, 434),
    (760, 350),
];

both_backends!(
    reports_count_the_seed_figures_from_records,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        for (n, (planned, removed)) in DANGEROUS.iter().enumerate() {
            let name = format!("危房改造项目{n}");
            let institution = Some(if n < 3 { own } else { other });
            let status = if n < 3 { "completed" } else { "active" };
            let p = Project {
                name: &name,
                kind: "dangerous_rebuild",
                institution_id: institution,
                status,
                planned_floor_area: *planned,
                dangerous_area_removed: *removed,
                ..Project::default()
            };
            let id = project(&app, p).await;
            if n < 2 {
                let planned_end = days_ago(10 + n as i64 * 20);
                phase(
                    &app,
                    id,
                    "handover",
                    7,
                    Some(planned_end),
                    Some((days_ago(40), days_ago(20))),
                )
                .await;
            }
        }
        let newbuild = project(
            &app,
            Project {
                name: "金湾一中",
                institution_id: Some(other),
                planned_floor_area: 30000,
                ..Project::default()
            },
        )
        .await;
        let mut admin = app.login("admin").await;
        report(&mut admin, newbuild, days_ago(2), "85", &[], "").await;

        let (s, r) = admin.get_json("/api/v1/construction/reports").await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(
            r["dangerous_rebuild"],
            serde_json::json!({"projects": 10, "planned_floor_area": 11430, "dangerous_area_removed": 6074})
        );
        let line = r["projects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "金湾一中")
            .unwrap()
            .clone();
        assert_eq!(
            (line["latest_overall"].as_i64(), line["latest_on"].as_str()),
            (Some(850), Some(days_ago(2).to_string().as_str()))
        );
        let kinds: Vec<_> = r["by_kind"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["group"].as_str().unwrap().to_string(),
                    t["projects"].as_i64().unwrap(),
                    t["active"].as_i64().unwrap(),
                )
            })
            .collect();
        assert!(
            kinds.contains(&("dangerous_rebuild".into(), 10, 7))
                && kinds.contains(&("new_build".into(), 1, 1)),
            "{kinds:?}"
        );
        let townships: i64 = r["by_township"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["planned_floor_area"].as_i64().unwrap())
            .sum();
        assert_eq!(townships, 41430);

        let (_, html) = admin.get_text("/construction/reports").await;
        assert!(
            html.contains(
                "危房改造：共 10 个项目，规划建筑面积 11430 平方米，消除危房面积 6074 平方米"
            ),
            "{html}"
        );
        let x = admin.get("/construction/reports/projects.xlsx").await;
        assert_eq!(x.status(), StatusCode::OK);
        let bytes = x.bytes().await.unwrap().to_vec();
        use calamine::Reader;
        let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("xlsx");
        let sheet = book.worksheet_range_at(0).unwrap().unwrap();
        let text: Vec<String> = sheet
            .rows()
            .flat_map(|r| r.iter().map(|c| c.to_string()))
            .collect();
        assert!(
            text.contains(&"金湾一中".to_string()) && text.contains(&"危房改造".to_string()),
            "{text:?}"
        );

        let (_, start) = admin.get_json("/api/v1/construction/overview").await;
        let n = |kind: &str, status: &str| {
            start["counts"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["kind"] == kind && c["status"] == status)
                .map(|c| c["projects"].as_i64().unwrap())
        };
        assert_eq!(
            (
                n("dangerous_rebuild", "active"),
                n("dangerous_rebuild", "completed"),
                n("new_build", "active")
            ),
            (Some(7), Some(3), Some(1))
        );
        assert_eq!(start["latest"][0]["project_name"], "金湾一中");
        let (_, html) = admin.get_text("/construction").await;
        assert!(
            html.contains("project-counts") && html.contains("href=\"/construction\""),
            "nav and counts"
        );

        let (_, mine) = app
            .login("school003")
            .await
            .get_json("/api/v1/construction/reports")
            .await;
        assert_eq!(
            mine["projects"].as_array().unwrap().len(),
            3,
            "a school sees its own projects"
        );
        assert_eq!(
            mine["dangerous_rebuild"]["dangerous_area_removed"],
            960 + 820 + 700
        );

        let value = |v: &serde_json::Value| v[0]["value"].as_f64();
        let (s, v) = admin
            .get_json("/api/v1/indicators/construction.dangerous_area_removed")
            .await;
        assert_eq!((s, value(&v)), (StatusCode::OK, Some(6074.0)), "{v}");
        let own_key = own.to_string();
        let (_, v) = admin
            .get_json("/api/v1/indicators/construction.dangerous_area_removed?by=institution")
            .await;
        let mine = v.as_array().unwrap().iter().find(|x| x["key"] == own_key);
        assert_eq!(mine.map(|x| x["value"].as_f64()), Some(Some(2480.0)), "{v}");
        let (_, v) = admin
            .get_json("/api/v1/indicators/construction.on_time_rate")
            .await;
        assert_eq!(value(&v), Some(50.0), "one of two handed over on time: {v}");
        let (_, v) = admin
            .get_json("/api/v1/indicators/construction.active_projects")
            .await;
        assert_eq!(value(&v), Some(8.0), "{v}");
        let (_, v) = admin
            .get_json("/api/v1/indicators/construction.planned_floor_area?by=township")
            .await;
        let sum: f64 = v
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["value"].as_f64().unwrap())
            .sum();
        assert_eq!(sum, 41430.0, "{v}");
        let (_, spec) = admin.get_json("/api/openapi.json").await;
        for path in [
            "/api/v1/construction/overview",
            "/api/v1/construction/reports",
            "/api/v1/construction/projects/{id}/progress",
            "/api/v1/construction/progress/{id}/photos",
        ] {
            assert!(spec["paths"][path].is_object(), "{path} documented");
        }
    }
);
