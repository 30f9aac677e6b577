//! Standardisation assessments (标准化社区学校): a school reaches 达标 only
//! through 创建中, years never go back, and the network counts each
//! school by its latest status; the indicator follows.

use reqwest::StatusCode;
use serde_json::json;

use super::fixtures::{community_school, count, refused_fields, spawn};
use crate::both_backends;
use crate::common::{Backend, Client};

async fn assess(
    c: &mut Client,
    school: i64,
    status: &str,
    year: i64,
) -> (StatusCode, serde_json::Value) {
    c.post_json(
        "/api/v1/community/standardisation",
        &json!({"institution_id": school, "status": status, "year": year.to_string(), "note": "区级验收"}),
    )
    .await
}

both_backends!(
    a_school_reaches_the_standard_through_building,
    |b: Backend| async move {
        let app = spawn(b).await;
        let a = community_school(&app, 0).await;
        let other = community_school(&app, 1).await;
        let mut zc = app.login("zhicheng").await;
        assert_eq!(
            assess(&mut zc, a.id, "unmet", 2023).await.0,
            StatusCode::CREATED
        );
        let (s, v) = assess(&mut zc, a.id, "met", 2024).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert_eq!(refused_fields(&v), ["status"]);
        assert!(
            v.to_string().contains("不能从“未达标”直接改为“达标”"),
            "{v}"
        );
        assert_eq!(
            assess(&mut zc, a.id, "building", 2024).await.0,
            StatusCode::CREATED
        );
        let (s, v) = assess(&mut zc, a.id, "met", 2022).await;
        assert_eq!(
            (s, refused_fields(&v)),
            (StatusCode::UNPROCESSABLE_ENTITY, vec!["year".to_string()])
        );
        assert_eq!(
            count(&app, "community_standardisation").await,
            2,
            "refusals change nothing"
        );
        assert_eq!(
            assess(&mut zc, a.id, "met", 2025).await.0,
            StatusCode::CREATED
        );
        assert_eq!(
            assess(&mut zc, other.id, "building", 2025).await.0,
            StatusCode::CREATED
        );

        let (_, n) = zc.get_json("/api/v1/community/network").await;
        let schools = n["schools"].as_array().unwrap();
        let row = |id: i64| {
            schools
                .iter()
                .find(|s| s["institution_id"] == id)
                .unwrap()
                .clone()
        };
        assert_eq!(
            (
                row(a.id)["standard"].as_str(),
                row(a.id)["standard_year"].as_i64()
            ),
            (Some("met"), Some(2025))
        );
        assert_eq!(row(other.id)["standard"], "building");
        assert_eq!(
            (n["total"]["met"].as_i64(), n["total"]["building"].as_i64()),
            (Some(1), Some(1))
        );
        let total = n["total"]["schools"].as_i64().unwrap();

        // 标准化社区学校比例: one school of all met the standard by 2025.
        let (s, v) = zc
            .get_json("/api/v1/indicators/community.standardised_schools?on=2025-12-31")
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let value = v[0]["value"].as_f64().unwrap();
        assert!((value - 100.0 / total as f64).abs() < 1e-9, "{v}");
        let (_, v) = zc
            .get_json("/api/v1/indicators/community.standardised_schools?on=2024-12-31")
            .await;
        assert_eq!(v[0]["value"].as_f64(), Some(0.0), "not yet met in 2024");

        // The inbox lists the schools never assessed.
        let (_, inbox) = zc.get_json("/api/v1/inbox").await;
        let task = inbox
            .as_array()
            .and_then(|a| {
                a.iter().find(|t| {
                    t["label"]
                        .as_str()
                        .is_some_and(|l| l.contains("标准化评定"))
                })
            })
            .cloned();
        assert_eq!(task.map(|t| t["count"].as_i64()), Some(Some(total - 2)));
    }
);
