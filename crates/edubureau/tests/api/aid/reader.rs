//! Aid applications (资助申请) read through the aid reader: masked for a
//! role without full view (计财科), each view audited, and another school's
//! application not found on every route.

use reqwest::StatusCode;
use serde_json::json;

use super::county;
use crate::both_backends;
use crate::common::{Backend, TestApp};

async fn views(app: &TestApp, username: &str) -> i64 {
    app.db
        .scalar(
            platform::db::Sql::new(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND entity = 'aid_application' AND username = ",
            )
            .bind(username),
        )
        .await
        .expect("count")
}

both_backends!(
    applications_are_masked_and_every_view_audited,
    |b: Backend| async move {
        let county = county::build(b).await;
        let app = &county.app;
        let mut zizhu = app.login("zizhu").await;
        let (s, grant) = zizhu.post_json("/api/v1/aid/programs", &json!({"name": "帮困助学金", "period": "term", "stages": ["junior"],
            "amounts": [{"stage": "junior", "amount": 800}], "needs_application": true, "documents": ["申请表"]})).await;
        assert_eq!(s, StatusCode::CREATED, "{grant}");
        let mut school = app.login("school_urban").await;
        let body = json!({"program_id": grant["id"], "student_id": county.first_student,
            "school_year": 2025, "half": 1, "statement": "父亲病重，家庭无收入", "documents": ["申请表"]});
        let (s, a) = school.post_json("/api/v1/aid/applications", &body).await;
        assert_eq!(s, StatusCode::CREATED, "{a}");
        let id = a["id"].as_i64().expect("id");

        // 计财科 reads aid but not personal details: the family's account is hidden.
        let jicai = app.login("jicai").await;
        let before = views(app, "jicai").await;
        let (s, list) = jicai.get_json("/api/v1/aid/applications").await;
        assert_eq!(s, StatusCode::OK, "{list}");
        assert_eq!(list[0]["id"], id, "{list}");
        assert_eq!(list[0]["statement"], "（已隐去）", "{list}");
        let (s, one) = jicai
            .get_json(&format!("/api/v1/aid/applications/{id}"))
            .await;
        assert_eq!(s, StatusCode::OK, "{one}");
        assert_eq!(one["statement"], "（已隐去）");
        let (s, html) = jicai.get_text("/aid/applications").await;
        assert_eq!(s, StatusCode::OK);
        assert!(!html.contains("父亲病重") && html.contains("（已隐去）"));
        assert!(html.contains("共 1 条"), "the kit pager: {html}");
        assert_eq!(
            views(app, "jicai").await - before,
            3,
            "the list, the record and the page: one audited view each"
        );

        // Full view is unchanged, and audited as well.
        let (_, full) = zizhu
            .get_json(&format!("/api/v1/aid/applications/{id}"))
            .await;
        assert_eq!(full["statement"], "父亲病重，家庭无收入");
        assert_eq!(views(app, "zizhu").await, 1);

        // Another school: not found, on every route alike.
        let mut rural = app.login("school_rural").await;
        let (s, list) = rural.get_json("/api/v1/aid/applications").await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(list, json!([]));
        let (s, _) = rural
            .get_json(&format!("/api/v1/aid/applications/{id}"))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = rural
            .post_json(
                &format!("/api/v1/aid/applications/{id}/decision"),
                &json!({"approve": true}),
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
    }
);
