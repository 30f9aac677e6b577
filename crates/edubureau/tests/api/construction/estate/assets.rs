//! The asset register: counts never go negative, transfers move count and
//! value to the receiving institution.

use reqwest::StatusCode;
use serde_json::json;

use super::fixtures::{asset, days_ago, finance};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    counts_never_go_negative_and_transfers_move_value,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let mut school = app.login("school003").await;
        let (s, a) = school
            .post_json(
                "/api/v1/construction/assets",
                &asset(own, "学生计算机", 10, 45_000),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{a}");
        let id = a["id"].as_i64().expect("id");
        let (s, e) = school
            .post_json("/api/v1/construction/assets", &asset(own, "平板", -1, 0))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(e["fields"][0]["field"], "quantity");

        let disposal = |q: i64| {
            json!({"kind": "disposal", "quantity": q, "moved_on": days_ago(3),
        "approved_by": "总务主任", "reason": "使用年限已满"})
        };
        let path = format!("/api/v1/construction/assets/{id}/movements");
        let (s, e) = school.post_json(&path, &disposal(11)).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            e["fields"][0]["message"],
            "报废数量 11 超过登记数量 10，资产数量不能为负"
        );
        let (s, m) = school.post_json(&path, &disposal(4)).await;
        assert_eq!(s, StatusCode::CREATED, "{m}");
        assert_eq!(
            (m["quantity"].as_i64(), m["value"].as_i64()),
            (Some(4), Some(18_000))
        );

        let transfer = json!({"kind": "transfer", "quantity": 6, "to_institution_id": other,
        "moved_on": days_ago(1), "approved_by": "计财科", "approval_no": "南教财〔2026〕3号", "reason": "支援薄弱学校"});
        let (s, _) = school.post_json(&path, &transfer).await;
        assert_eq!(
            s,
            StatusCode::FORBIDDEN,
            "transfers between schools are the bureau's"
        );
        let mut bureau = finance(&app).await;
        let (s, m) = bureau.post_json(&path, &transfer).await;
        assert_eq!(s, StatusCode::CREATED, "{m}");
        let (_, d) = bureau
            .get_json(&format!("/api/v1/construction/assets/{id}"))
            .await;
        assert_eq!(
            (
                d["asset"]["quantity"].as_i64(),
                d["asset"]["value"].as_i64()
            ),
            (Some(0), Some(0))
        );
        assert_eq!(d["movements"].as_array().map(Vec::len), Some(2));
        let (s, _) = bureau.post_json(&path, &transfer).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "nothing left to move");

        let (_, o) = app
            .login("school004")
            .await
            .get_json("/api/v1/construction/assets")
            .await;
        let received = &o["assets"][0];
        assert_eq!(
            (
                received["name"].as_str(),
                received["quantity"].as_i64(),
                received["value"].as_i64()
            ),
            (Some("学生计算机"), Some(6), Some(27_000))
        );
        assert_eq!(o["by_category"][0]["value"], 27_000);
        assert_eq!(
            o["movements"].as_array().map(Vec::len),
            Some(1),
            "the school sees the transfer it received"
        );

        let (s, page) = school.get_text(&format!("/construction/assets/{id}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("支援薄弱学校") && page.contains("报废"),
            "{page}"
        );
    }
);
