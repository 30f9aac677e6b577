//! Incoming documents: registration checked, routed step by step with its
//! history, the wrong person or order refused, overdue ones in the
//! handling section's inbox.

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::json;

use super::spawn_without_documents;
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    incoming_documents_are_routed_to_done,
    |b: Backend| async move {
        let app = spawn_without_documents(b).await;
        let mut office = app.login("bangongshi").await;
        let tomorrow = (platform::time::today() + chrono::Duration::days(1)).to_string();
        let (s, v) = office
            .post_json(
                "/api/v1/public/incoming",
                &json!({ "sender": "", "title": "", "received_on": tomorrow }),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        for field in ["sender", "title", "received_on"] {
            assert!(v.to_string().contains(field), "{field}: {v}");
        }
        let mut jijiao = app.login("jijiao").await;
        let ok = json!({ "sender": "浙江省教育厅", "their_number": "浙教〔2026〕8号", "title": "关于开展督查的通知",
        "received_on": platform::time::today().to_string(), "urgency": "urgent" });
        assert_eq!(
            jijiao.post_json("/api/v1/public/incoming", &ok).await.0,
            StatusCode::FORBIDDEN
        );
        // The page form registers too.
        let r = office
            .post_form(
                "/public/documents/incoming",
                &[
                    ("sender", "浙江省教育厅"),
                    ("their_number", "浙教〔2026〕8号"),
                    ("title", "关于开展督查的通知"),
                    ("received_on", &platform::time::today().to_string()),
                    ("urgency", "urgent"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, list) = office
            .get_json("/api/v1/public/incoming?status=registered")
            .await;
        let id = list[0]["id"].as_i64().unwrap();
        assert_eq!(list[0]["urgency"], "urgent");

        let mut admin = app.login("admin").await;
        let past = (platform::time::today() - chrono::Duration::days(1)).to_string();
        let soon = (platform::time::today() + chrono::Duration::days(3)).to_string();
        let (s, _) = admin
            .post_json(
                &format!("/api/v1/public/incoming/{id}/instruct"),
                &json!({ "text": "同意", "section": "safety", "deadline": soon }),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "not proposed yet");
        let (s, v) = office
            .post_json(
                &format!("/api/v1/public/incoming/{id}/propose"),
                &json!({ "text": "拟请安全科办理", "section": "nowhere", "deadline": past }),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            v.to_string().contains("section") && v.to_string().contains("deadline"),
            "{v}"
        );
        let (s, _) = office
            .post_json(
                &format!("/api/v1/public/incoming/{id}/propose"),
                &json!({ "text": "拟请安全科办理", "section": "safety", "deadline": soon }),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let (s, _) = office
            .post_json(
                &format!("/api/v1/public/incoming/{id}/instruct"),
                &json!({ "text": "同意", "section": "safety", "deadline": soon }),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, v) = admin
            .post_json(
                &format!("/api/v1/public/incoming/{id}/instruct"),
                &json!({ "text": "请安全科抓紧办理", "section": "safety", "deadline": soon }),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["incoming"]["status"], "handling");
        assert_eq!(v["incoming"]["section"], "safety");

        // Past its deadline it waits in the 安全科's inbox.
        app.db
            .execute(
                Sql::new("UPDATE public_incoming SET deadline = ")
                    .bind(platform::time::today() - chrono::Duration::days(2)),
            )
            .await
            .unwrap();
        let mut anquan = app.login("anquanke").await;
        let (_, inbox) = anquan.get_json("/api/v1/inbox").await;
        assert!(inbox.to_string().contains("承办收文已逾期"), "{inbox}");
        let (_, late) = anquan
            .get_json("/api/v1/public/incoming?overdue=true")
            .await;
        assert_eq!(late.as_array().unwrap().len(), 1);
        let (s, v) = anquan
            .post_json(
                &format!("/api/v1/public/incoming/{id}/finish"),
                &json!({ "text": "已完成督查" }),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let steps = crate::public_service::documents::steps_of(&v);
        assert_eq!(steps, ["register", "propose", "instruct", "finish"]);
        assert_eq!(
            v["incoming"]["done_on"],
            platform::time::today().to_string()
        );
        let days = crate::public_service::documents::demo::indicator(
            &app.db,
            "public.incoming_handling_days",
        )
        .await;
        assert_eq!(days, Some(0.0));
    }
);
