//! The catalogue and requests for disclosure: deadlines computed at
//! registration from the limit in force, replies with reasons, one
//! extension, overdue ones in the inbox; bureau only.

use chrono::Days;
use platform::db::Sql;
use public_service::domain::limits::add_working_days;
use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    requests_get_deadlines_and_replies,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let today = platform::time::today();
        let mut office = app.login("bangongshi").await;
        let received = today - Days::new(3);
        let (s, id) = office
        .post_json(
            "/api/v1/public/disclosure-requests",
            &json!({"requester": "测试申请人", "contact": "13912345678", "content": "申请公开校服采购合同", "received_on": received}),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED, "{id}");
        let id = id.as_i64().unwrap();
        let path = format!("/api/v1/public/disclosure-requests/{id}");
        let (_, r) = office.get_json(&path).await;
        assert_eq!(r["due_on"], json!(add_working_days(received, 20)));
        assert_eq!(r["overdue"], false);
        let viewed = app
        .db
        .scalar(Sql::new("SELECT COUNT(*) FROM audit_log WHERE entity = 'public_disclosure_request' AND action = 'view' AND entity_id = ").bind(id))
        .await
        .unwrap();
        assert_eq!(
            viewed, 1,
            "the requester's contact is personal: the view is audited"
        );

        // The bureau's setting overrides the default limit.
        app.db
        .execute(Sql::new(
            "INSERT INTO public_time_limits (key, days, working_days, label) VALUES ('disclosure.reply', 5, TRUE, '依申请公开答复')",
        ))
        .await
        .unwrap();
        let (_, late) = office
        .post_json(
            "/api/v1/public/disclosure-requests",
            &json!({"requester": "逾期申请人", "contact": "信函", "content": "申请公开食堂承包合同", "received_on": today - Days::new(30)}),
        )
        .await;
        let late = late.as_i64().unwrap();
        let (_, l) = office
            .get_json(&format!("/api/v1/public/disclosure-requests/{late}"))
            .await;
        assert_eq!(
            l["due_on"],
            json!(add_working_days(today - Days::new(30), 5))
        );
        assert_eq!(l["overdue"], true);
        let (_, overdue) = office
            .get_json("/api/v1/public/disclosure-requests?overdue=true")
            .await;
        assert!(overdue.as_array().unwrap().iter().any(|r| r["id"] == late));
        assert!(overdue.as_array().unwrap().iter().all(|r| r["id"] != id));
        let (_, tasks) = office.get_json("/api/v1/inbox").await;
        assert!(
            tasks
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t["label"] == "依申请公开逾期未答复"),
            "{tasks}"
        );

        // Extension once, by 20 working days from the deadline.
        let (s, e) = office
            .post_json(&format!("{path}/extend"), &json!({}))
            .await;
        assert_eq!(s, StatusCode::OK, "{e}");
        assert_eq!(
            e["due_on"],
            json!(add_working_days(add_working_days(received, 20), 20))
        );
        let (s, _) = office
            .post_json(&format!("{path}/extend"), &json!({}))
            .await;
        assert_eq!(s, StatusCode::CONFLICT);

        // A refusal needs its reason; a reply is given once.
        let (s, v) = office
            .post_json(&format!("{path}/reply"), &json!({"outcome": "refused"}))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        let (s, _) = office
            .post_json(
                &format!("{path}/reply"),
                &json!({"outcome": "partly", "reason": "涉及商业秘密"}),
            )
            .await;
        assert_eq!(s, StatusCode::NO_CONTENT);
        let (s, _) = office
            .post_json(&format!("{path}/reply"), &json!({"outcome": "disclosed"}))
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        let (_, r) = office.get_json(&path).await;
        assert_eq!(
            (r["outcome"].clone(), r["reason"].clone()),
            (json!("partly"), json!("涉及商业秘密"))
        );

        // Bad input stores nothing; institutions neither see nor register.
        let before = app
            .db
            .scalar(Sql::new("SELECT COUNT(*) FROM public_disclosure_requests"))
            .await
            .unwrap();
        let (s, _) = office
        .post_json("/api/v1/public/disclosure-requests", &json!({"requester": "a", "contact": "b", "content": "c", "received_on": today + Days::new(1)}))
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let mut school = app.login("school003").await;
        let (s, _) = school
            .post_json(
                "/api/v1/public/disclosure-requests",
                &json!({"requester": "a", "contact": "b", "content": "c"}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        for p in [
            path.clone(),
            "/api/v1/public/disclosure-requests".to_string(),
            format!("/public/disclosure/requests/{id}"),
        ] {
            assert_eq!(school.get(&p).await.status(), StatusCode::FORBIDDEN, "{p}");
        }
        let after = app
            .db
            .scalar(Sql::new("SELECT COUNT(*) FROM public_disclosure_requests"))
            .await
            .unwrap();
        assert_eq!(after, before);
        let (s, page) = school.get_text("/public/disclosure").await;
        assert_eq!(s, StatusCode::OK);
        assert!(!page.contains("测试申请人") && !page.contains("13912345678"));
    }
);

both_backends!(the_catalogue_is_public, |b: Backend| async move {
    let app = spawn_app(b).await;
    let mut office = app.login("bangongshi").await;
    let (s, _) = office
        .post_json(
            "/api/v1/public/catalogue",
            &json!({"category": "政策文件", "title": "关于课后服务的实施办法", "body": "全文如下"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, v) = office
        .post_json(
            "/api/v1/public/catalogue",
            &json!({"category": "", "title": ""}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let mut school = app.login("school003").await;
    let (s, _) = school
        .post_json(
            "/api/v1/public/catalogue",
            &json!({"category": "c", "title": "t", "body": "b"}),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, html) = app.client().get_text("/open/bureau").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("关于课后服务的实施办法") && html.contains("主动公开目录"));
    let (_, figures) = office
        .get_json("/api/v1/indicators/public.disclosure_on_time_rate")
        .await;
    assert!(figures.to_string().contains("全区"), "{figures}");
    let (s, rate) = office
        .get_json("/api/v1/indicators/public.notice_read_rate?by=township")
        .await;
    assert_eq!(s, StatusCode::OK, "{rate}");
});
