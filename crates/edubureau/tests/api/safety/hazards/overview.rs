//! The start page's figures, the inbox task of hazards waiting for an
//! order, the per-institution table and the indicators.

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::json;

use super::fixtures::{in_days, order, report, spawn_without_demo, task};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    the_start_page_counts_hazards_orders_and_drills,
    |b: Backend| async move {
        let app = spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let mut anquan = app.login("anquanke").await;
        let a = report(&mut anquan, Some(own), "甲处", "severe").await["hazard"]["id"]
            .as_i64()
            .unwrap();
        let c = report(&mut anquan, Some(own), "乙处", "severe").await["hazard"]["id"]
            .as_i64()
            .unwrap();
        report(&mut anquan, Some(own), "丙处", "general").await;
        let (_, first) = order(&mut anquan, a, &in_days(5)).await;
        let (_, second) = order(&mut anquan, c, &in_days(5)).await;
        app.db
            .execute(
                Sql::new("UPDATE inspection_orders SET status = 'closed' WHERE id = ")
                    .bind(first.as_i64().unwrap()),
            )
            .await
            .unwrap();
        app.db
            .execute(
                Sql::new("UPDATE inspection_orders SET deadline = ")
                    .bind(platform::time::today() - chrono::Duration::days(1))
                    .push(" WHERE id = ")
                    .bind(second.as_i64().unwrap()),
            )
            .await
            .unwrap();

        let (s, v) = anquan.get_json("/api/v1/safety/overview").await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(
            (v["hazards"].as_i64(), v["rectified"].as_i64()),
            (Some(3), Some(1)),
            "{v}"
        );
        let rate = v["rectification_rate"].as_f64().unwrap();
        assert!((rate - 100.0 / 3.0).abs() < 1e-9, "{v}");
        assert_eq!(v["overdue_orders"], 1);
        let levels: Vec<(String, i64, i64)> = v["levels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["risk_level"].as_str().unwrap().into(),
                    l["open"].as_i64().unwrap(),
                    l["unordered"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            levels,
            [
                ("severe".into(), 1, 0),
                ("major".into(), 0, 0),
                ("general".into(), 1, 1)
            ]
        );
        let (_, html) = anquan.get_text("/safety").await;
        assert!(
            html.contains("33.3%") && html.contains("/inspection/orders?owner=safety"),
            "{html}"
        );

        let (_, inbox) = anquan.get_json("/api/v1/inbox").await;
        assert_eq!(task(&inbox, "待下发整改通知的隐患"), Some(1), "{inbox}");
        let (_, inbox) = app.login("school003").await.get_json("/api/v1/inbox").await;
        assert_eq!(
            task(&inbox, "待下发整改通知的隐患"),
            None,
            "schools do not order: {inbox}"
        );

        let (_, rows) = anquan
            .get_json("/api/v1/safety/hazards/by-institution")
            .await;
        assert_eq!(
            rows,
            json!([{
                "institution_id": own, "institution_name": rows[0]["institution_name"],
                "hazards": 3, "rectified": 1, "unordered": 1
            }])
        );
        let (_, v) = anquan
            .get_json("/api/v1/indicators/safety.hazard_rectification")
            .await;
        let value = v[0]["value"].as_f64().unwrap();
        assert!((value - 100.0 / 3.0).abs() < 1e-9, "{v}");
        let (_, v) = anquan
            .get_json("/api/v1/indicators/safety.hazard_rectification?by=institution")
            .await;
        let key = own.to_string();
        assert!(v.as_array().unwrap().iter().any(|x| x["key"] == key), "{v}");
    }
);
