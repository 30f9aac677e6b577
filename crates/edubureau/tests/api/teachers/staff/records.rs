//! Creating and changing records as the bureau: applied at once, audited,
//! kept in the record's history; bad input refused with nothing changed.

use reqwest::StatusCode;
use serde_json::json;

use super::{at, count, created, record};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    bureau_records_apply_at_once_with_history,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let mut renshi = app.login("renshi").await;
        let id = created(&app, &mut renshi, "school003", "周明", 1).await;

        let (status, v) = renshi
            .get_json(&format!("/api/v1/teachers/staff/{id}"))
            .await;
        assert_eq!(status, StatusCode::OK, "{v}");
        let r = &v["record"];
        assert_eq!(r["institution_id"], app.institution_of("school003").await);
        assert_eq!(r["ethnicity"], "01");
        assert_eq!(r["politics"], "01");
        assert_eq!(r["education"], "21");
        assert_eq!(r["title_level"], "first");
        assert_eq!(r["backbone_level"], "rising");
        assert_eq!(r["certificate_type"], "primary");
        assert_eq!(v["postings"][0]["kind"], "appointment");
        assert_eq!(v["postings"][0]["ends_on"], serde_json::Value::Null);
        let version = r["version"].as_i64().unwrap();

        let mut change = record("周明", "19860512", 1);
        change["title_level"] = json!("高级");
        change["title_obtained_on"] = json!("2023-09-01");
        change["title_appointed_on"] = json!("2023-12-01");
        change["version"] = json!(version);
        let (status, saved) = renshi
            .put_json(&format!("/api/v1/teachers/staff/{id}"), &change)
            .await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        assert_eq!(saved["outcome"], "applied");
        // The same version again: someone saved since.
        let (status, _) = renshi
            .put_json(&format!("/api/v1/teachers/staff/{id}"), &change)
            .await;
        assert_eq!(status, StatusCode::CONFLICT);

        let (_, page) = renshi.get_text(&format!("/teachers/staff/{id}")).await;
        assert!(page.contains("小学高级"), "the change shows");
        assert!(page.contains("职称等级：一级 → 高级"), "history diff");
        assert!(page.contains("教坛新秀"));
        let views = app
        .db
        .scalar(platform::db::Sql::new(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND entity = 'teachers_staff' AND entity_id = ",
        ).bind(id))
        .await
        .unwrap();
        assert_eq!(views, 2, "each view of the record is audited");
        let updates = app
        .db
        .scalar(platform::db::Sql::new(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND entity = 'teachers_staff' AND entity_id = ",
        ).bind(id))
        .await
        .unwrap();
        assert_eq!(updates, 1);
    }
);

both_backends!(
    bad_records_are_refused_naming_the_field,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let mut renshi = app.login("renshi").await;
        let before = count(&app, "teachers_staff").await;

        let mut bad = at(&app, "school003", record("李华", "19900101", 7)).await;
        let id = bad["national_id"].as_str().unwrap().to_string();
        let last = id.chars().last().unwrap();
        let wrong = if last == '0' { '1' } else { '0' };
        bad["national_id"] = json!(format!("{}{wrong}", &id[..17]));
        let (status, body) = renshi.post_json("/api/v1/teachers/staff", &bad).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let fields = body["fields"].as_array().unwrap();
        assert_eq!(fields.len(), 1, "{body}");
        assert_eq!(fields[0]["field"], "national_id");
        let message = fields[0]["message"].as_str().unwrap();
        assert!(message.starts_with("身份证件号："), "{message}");
        assert!(message.contains("校验"), "{message}");

        let mut unknown = at(&app, "school003", record("李华", "19900101", 7)).await;
        unknown["education"] = json!("幼儿园毕业");
        unknown["institution"] = json!("不存在的学校");
        let (status, body) = renshi.post_json("/api/v1/teachers/staff", &unknown).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let named: Vec<&str> = body["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap())
            .collect();
        assert_eq!(named, ["institution", "education"]);

        // The form comes back with the message beside what was typed.
        let form: Vec<(&str, String)> = vec![
            ("name", "李华".into()),
            ("national_id", bad["national_id"].as_str().unwrap().into()),
        ];
        let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = renshi.post_form("/teachers/staff", &fields).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.unwrap();
        assert!(html.contains("校验"), "{html}");
        assert!(html.contains("李华"));
        assert_eq!(
            count(&app, "teachers_staff").await,
            before,
            "nothing changed"
        );

        // A national ID already on record.
        created(&app, &mut renshi, "school003", "王芳", 8).await;
        let again = at(&app, "school004", record("王芳", "19860512", 8)).await;
        let (status, body) = renshi.post_json("/api/v1/teachers/staff", &again).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            body["fields"][0]["message"],
            "该身份证件号已有教职工记录，请勿重复录入"
        );
        assert_eq!(count(&app, "teachers_staff").await, before + 1);

        let (status, _) = renshi.get_text("/teachers/staff/new").await;
        assert_eq!(status, StatusCode::OK);
    }
);
