//! Plans as versions: a new one replaces the one in force; a review date
//! passed shows as overdue and in the inbox of the school and the 安全科.

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::common::Backend;
use crate::safety::hazards::fixtures::{count, in_days, spawn_without_demo, task};

both_backends!(
    a_new_version_replaces_the_plan_in_force,
    |b: Backend| async move {
        let app = spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let mut school = app.login("school003").await;
        let plan = |approved: String, review: &str| json!({"plan_type": "fire", "title": "火灾事故应急预案", "approved_on": approved, "review_on": review});
        let (s, v) = school
            .post_json("/api/v1/safety/plans", &plan(in_days(-400), ""))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let (_, plans) = school.get_json("/api/v1/safety/plans").await;
        assert_eq!(plans[0]["version"], 1);
        assert_eq!(
            plans[0]["review"], "overdue",
            "reviewed a year after approval: {plans}"
        );
        let (_, inbox) = school.get_json("/api/v1/inbox").await;
        assert_eq!(task(&inbox, "应急预案逾期未修订"), Some(1), "{inbox}");
        let anquan = app.login("anquanke").await;
        let (_, inbox) = anquan.get_json("/api/v1/inbox").await;
        assert_eq!(task(&inbox, "应急预案逾期未修订"), Some(1), "{inbox}");
        let (_, overdue) = anquan.get_json("/api/v1/safety/plans?overdue=true").await;
        assert_eq!(overdue.as_array().map(Vec::len), Some(1));

        let (s, v) = school
            .post_json("/api/v1/safety/plans", &plan(in_days(0), &in_days(20)))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let (_, plans) = anquan
            .get_json(&format!("/api/v1/safety/plans?institution_id={own}"))
            .await;
        assert_eq!(plans.as_array().map(Vec::len), Some(1), "{plans}");
        assert_eq!(
            (plans[0]["version"].as_i64(), plans[0]["review"].as_str()),
            (Some(2), Some("due_soon"))
        );
        let (_, inbox) = school.get_json("/api/v1/inbox").await;
        assert_eq!(task(&inbox, "应急预案逾期未修订"), None, "{inbox}");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM safety_plans").await, 2);

        let (s, v) = school
            .post_json("/api/v1/safety/plans", &plan(in_days(0), &in_days(0)))
            .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "review not after approval: {v}"
        );
        let r = school
            .post_form(
                "/safety/plans",
                &[("plan_type", "quake"), ("title", ""), ("approved_on", "")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.unwrap();
        assert!(html.contains("请填写预案名称"), "{html}");
        let r = school
            .post_form(
                "/safety/plans",
                &[
                    ("plan_type", "earthquake"),
                    ("title", "地震应急预案"),
                    ("approved_on", &in_days(-1)),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, html) = school.get_text("/safety/plans").await;
        assert!(
            html.contains("地震应急预案") && html.contains("火灾事故应急预案"),
            "{html}"
        );
        let row: (i64,) = app
            .db
            .fetch_one(
                Sql::new("SELECT COUNT(*) FROM safety_plans WHERE institution_id = ").bind(own),
            )
            .await
            .unwrap();
        assert_eq!(row.0, 3);
    }
);
