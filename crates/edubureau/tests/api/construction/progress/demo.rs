//! The demo's reports: the seed's figures for 金湾一中 and 航空新城小学, a
//! report a month for the others, some projects gone quiet.

use platform::area::DemoSize;
use reqwest::StatusCode;

use super::fixtures::{project, Project};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    the_demo_reports_read_as_the_seed_says,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let school = app.institution_of("school003").await;
        let mut ids = Vec::new();
        for name in [
            "金湾一中新校区建设工程",
            "航空新城小学新建工程",
            "林伟民纪念小学",
            "第二小学",
            "中兴小学改扩建",
            "小林中学改扩建",
        ] {
            ids.push(
                project(
                    &app,
                    Project {
                        name,
                        institution_id: Some(school),
                        age_days: 200,
                        ..Project::default()
                    },
                )
                .await,
            );
        }
        project(
            &app,
            Project {
                name: "已撤销项目",
                status: "cancelled",
                ..Project::default()
            },
        )
        .await;
        let made = construction::service::progress::fill_demo(&app.db, DemoSize::Small)
            .await
            .expect("demo");
        assert!(
            made >= 18,
            "3 to 6 reports for each of six projects: {made}"
        );
        let admin = app.login("admin").await;
        let latest = |v: &serde_json::Value| v["reports"][0].clone();
        let (s, v) = admin
            .get_json(&format!(
                "/api/v1/construction/projects/{}/progress",
                ids[0]
            ))
            .await;
        assert_eq!(s, StatusCode::OK);
        let r = latest(&v);
        let item = |key: &str| {
            r["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["item"] == key)
                .map(|i| i["done"].as_i64().unwrap())
        };
        assert_eq!(
            (
                r["overall"].as_i64(),
                item("main_structure"),
                item("interior_plaster")
            ),
            (Some(850), Some(850), Some(950))
        );
        let (_, v) = admin
            .get_json(&format!(
                "/api/v1/construction/projects/{}/progress",
                ids[1]
            ))
            .await;
        assert_eq!(latest(&v)["overall"], 995);
        let overall: Vec<i64> = v["reports"]
            .as_array()
            .unwrap()
            .iter()
            .rev()
            .map(|r| r["overall"].as_i64().unwrap())
            .collect();
        assert!(
            overall.windows(2).all(|w| w[0] <= w[1]),
            "never backwards: {overall:?}"
        );
        let (_, start) = admin.get_json("/api/v1/construction/overview").await;
        let stalled: Vec<_> = start["attention"]["stalled"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            stalled,
            ["第二小学"],
            "every seventh project under way went quiet"
        );
    }
);
