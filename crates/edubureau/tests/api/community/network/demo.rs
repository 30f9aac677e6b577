//! The demo district's network and activities at the seed figures: every
//! community school with teaching points and an assessment; last year's
//! adult training 150,000 人次 with 1,650 certificates, and 6 early-education
//! sessions of 16,500 人次 reaching 98% of the families.

use chrono::Datelike;
use reqwest::StatusCode;

use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    the_demo_network_and_activities_meet_the_seed_figures,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let zc = app.login("zhicheng").await;
        let (_, n) = zc.get_json("/api/v1/community/network").await;
        let total = &n["total"];
        let schools = total["schools"].as_i64().unwrap();
        assert!(schools >= 10, "{total}");
        assert_eq!(total["unassessed"], 0, "{total}");
        assert!(total["met"].as_i64().unwrap() > 0 && total["unmet"].as_i64().unwrap() > 0);
        assert!(total["points"].as_i64().unwrap() >= 2 * schools, "{total}");

        let last_year = platform::time::today().year() - 1;
        let (s, v) = zc
            .get_json(&format!(
                "/api/v1/community/trainings/summary?year={last_year}"
            ))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(v["adult_attendances"], 150_000, "{v}");
        assert_eq!(v["certificates"], 1_650, "{v}");
        let early = v["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["kind"] == "early")
            .expect("early education")
            .clone();
        assert_eq!(
            (early["sessions"].as_i64(), early["attendances"].as_i64()),
            (Some(6), Some(16_500))
        );
        let coverage = v["early_coverage"].as_f64().unwrap();
        assert!((coverage - 98.0).abs() < 0.05, "{coverage}");

        let (_, events) = zc
            .get_json(&format!("/api/v1/community/events?year={last_year}"))
            .await;
        let kinds: std::collections::BTreeSet<&str> = events
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["kind"].as_str())
            .collect();
        assert_eq!(kinds.len(), 4, "every kind of event: {kinds:?}");
        let (_, html) = app.client().get_text("/learn").await;
        assert!(
            html.contains("智能手机与移动支付入门"),
            "the public catalogue"
        );
    }
);
