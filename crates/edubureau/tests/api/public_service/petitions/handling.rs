//! Handling a case: registration by the 办公室 (来信/来访/来电, 局长接待日),
//! assignment to a section with its deadline, the reply drafted in the
//! section and approved by another person, one extension, refusal,
//! publication without personal data, statistics and the inbox.

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::{json, Value};

use super::{count, id_of, write_letter};
use crate::both_backends;
use crate::common::{spawn_app, Backend, Client, TestApp};

/// A visit registered by the 办公室 on the reception day; its id.
pub(super) async fn register(office: &mut Client, topic: &str) -> (i64, String) {
    let (s, v) = office
        .post_json(
            "/api/v1/public/petitions",
            &json!({
                "channel": "reception", "received_by": "陈局长", "name": "李四光",
                "phone": "13712345678", "id_number": "", "topic": topic,
                "subject": "孩子入学问题", "content": "李四光（13712345678）反映孩子入学划片问题。"
            }),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    (
        v["id"].as_i64().unwrap(),
        v["ref_no"].as_str().unwrap().to_string(),
    )
}

/// The case's reply deadline as the API shows it.
async fn reply_by(c: &Client, id: i64) -> Value {
    let (_, v) = c.get_json(&format!("/api/v1/public/petitions/{id}")).await;
    v["petition"]["reply_by"].clone()
}

async fn step(c: &mut Client, id: i64, step: &str, body: Value) -> (StatusCode, Value) {
    c.post_json(&format!("/api/v1/public/petitions/{id}/{step}"), &body)
        .await
}

/// Assigns case `id` to the 基教科, drafts `reply` there and has the
/// 办公室 approve it.
pub(super) async fn answer(app: &TestApp, id: i64, reply: &str) {
    let mut office = app.login("bangongshi").await;
    let mut section = app.login("jijiao").await;
    let (s, v) = step(
        &mut office,
        id,
        "assign",
        json!({"section": "basic_education"}),
    )
    .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::OK, Some("accepted")),
        "{v}"
    );
    let (s, v) = step(&mut section, id, "draft", json!({"text": reply})).await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::OK, Some("drafted")),
        "{v}"
    );
    let (s, v) = step(&mut office, id, "approve", json!({})).await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::OK, Some("replied")),
        "{v}"
    );
}

both_backends!(
    a_case_goes_from_registration_to_a_published_reply,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::PETITION_TABLES).await;
        let mut office = app.login("bangongshi").await;
        let mut section = app.login("jijiao").await;
        let (id, ref_no) = register(&mut office, "admission").await;
        let (s, v) = office
            .get_json(&format!("/api/v1/public/petitions/{id}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        let today = platform::time::today();
        assert_eq!(
            v["petition"]["accept_by"],
            json!(today + chrono::Duration::days(15))
        );
        assert_eq!(v["petition"]["received_by"], "陈局长");
        let (s, _) = step(&mut section, id, "draft", json!({"text": "答复"})).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "not yet the section's case");
        let (s, v) = step(
            &mut office,
            id,
            "assign",
            json!({"section": "basic_education"}),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(
            reply_by(&office, id).await,
            json!(today + chrono::Duration::days(60))
        );
        let (s, v) = step(&mut section, id, "draft", json!({"text": "  "})).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        let reply = "李四光家长：经核实，您家所在小区属实验小学学区，联系电话 13712345678。";
        let (s, _) = step(&mut section, id, "draft", json!({"text": reply})).await;
        assert_eq!(s, StatusCode::OK);
        // The author cannot approve their own reply.
        let (s, v) = step(&mut section, id, "approve", json!({})).await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(v.to_string().contains("不能审核自己起草的答复"), "{v}");
        let (s, _) = step(&mut office, id, "publish", json!({})).await;
        assert_eq!(s, StatusCode::CONFLICT, "not answered yet");
        let (s, v) = step(&mut office, id, "approve", json!({})).await;
        assert_eq!(
            (s, v["status"].as_str()),
            (StatusCode::OK, Some("replied")),
            "{v}"
        );
        let (s, _) = step(&mut office, id, "approve", json!({})).await;
        assert_eq!(s, StatusCode::CONFLICT, "approved once");
        let (s, _) = step(&mut section, id, "publish", json!({})).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "the 办公室 publishes");
        let (s, v) = step(
            &mut office,
            id,
            "publish",
            json!({"subject": "关于入学划片的答复"}),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let (_, spec) = office.get_json("/api/openapi.json").await;
        for path in [
            "/api/v1/public/petitions/{id}/approve",
            "/api/v1/public/petitions/stats",
        ] {
            assert!(spec["paths"][path].is_object(), "{path} documented");
        }
        for schema in ["CaseView", "StepReason", "CaseAssignment", "PetitionStats"] {
            assert!(
                spec["components"]["schemas"][schema].is_object(),
                "{schema}"
            );
        }
        let (s, page) = app.client().get_text("/mailbox/replies").await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("关于入学划片的答复") && page.contains(&ref_no),
            "{page}"
        );
        assert!(page.contains("实验小学学区"), "{page}");
        for personal in ["李四光", "13712345678"] {
            assert!(!page.contains(personal), "{personal} in {page}");
        }
        let replied = count(&app, "SELECT COUNT(*) FROM public_petitions WHERE status = 'replied' AND replied_on IS NOT NULL AND reply_approver IS NOT NULL").await;
        assert_eq!(replied, 1);
    }
);

both_backends!(
    a_deadline_is_extended_once_and_a_case_may_be_refused,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::PETITION_TABLES).await;
        let mut office = app.login("bangongshi").await;
        let mut section = app.login("anquanke").await;
        let (id, _) = register(&mut office, "safety").await;
        step(&mut office, id, "assign", json!({"section": "safety"})).await;
        let (s, _) = step(&mut section, id, "extend", json!({"reason": ""})).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let (s, v) = step(
            &mut section,
            id,
            "extend",
            json!({"reason": "需会同交警部门现场调查"}),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let today = platform::time::today();
        assert_eq!(
            reply_by(&section, id).await,
            json!(today + chrono::Duration::days(90))
        );
        let (s, v) = step(&mut section, id, "extend", json!({"reason": "再延"})).await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(v.to_string().contains("只能延长一次"), "{v}");
        let (other, _) = register(&mut office, "other").await;
        let (s, _) = step(&mut office, other, "reject", json!({"reason": ""})).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let (s, v) = step(
            &mut office,
            other,
            "reject",
            json!({"reason": "不属于教育部门职责"}),
        )
        .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (StatusCode::OK, Some("rejected"))
        );
        let (s, _) = step(&mut office, other, "assign", json!({"section": "safety"})).await;
        assert_eq!(s, StatusCode::CONFLICT);
        let (s, _) = step(&mut office, other, "assign", json!({"section": "nowhere"})).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    }
);

both_backends!(
    statistics_the_export_and_the_inbox_count_the_cases,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::PETITION_TABLES).await;
        let mut office = app.login("bangongshi").await;
        let letter = write_letter(&app, "13800009999").await;
        let first = id_of(&app, &letter.ref_no).await;
        answer(&app, first, "已处理。").await;
        let (late, _) = register(&mut office, "admission").await;
        step(
            &mut office,
            late,
            "assign",
            json!({"section": "basic_education"}),
        )
        .await;
        let (waiting, _) = register(&mut office, "fees").await;
        // One case answered late, one past its deadline, one waiting.
        let past = platform::time::today() - chrono::Duration::days(3);
        app.db
            .execute(
                Sql::new("UPDATE public_petitions SET reply_by = $1 WHERE id IN ($2, $3)")
                    .arg(past)
                    .arg(first)
                    .arg(late),
            )
            .await
            .unwrap();
        app.db
            .execute(
                Sql::new("UPDATE public_petitions SET replied_on = $1 WHERE id = $2")
                    .arg(platform::time::today())
                    .arg(first),
            )
            .await
            .unwrap();
        let (s, v) = office.get_json("/api/v1/public/petitions/stats").await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let total = &v["total"];
        assert_eq!(
            (
                total["received"].as_i64(),
                total["open"].as_i64(),
                total["overdue"].as_i64()
            ),
            (Some(3), Some(2), Some(1)),
            "{v}"
        );
        assert_eq!(
            (total["answered"].as_i64(), total["on_time"].as_i64()),
            (Some(1), Some(0)),
            "{v}"
        );
        let fees = v["by_topic"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["label"] == "收费")
            .unwrap();
        assert_eq!(fees["received"].as_i64(), Some(2), "{v}");
        let jijiao = v["by_section"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["label"] == "基教科")
            .unwrap();
        assert_eq!(jijiao["received"].as_i64(), Some(2), "{v}");
        let r = office.get("/public/petitions/stats.xlsx").await;
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.bytes().await.unwrap().starts_with(b"PK"));
        let (_, inbox) = office.get_json("/api/v1/inbox").await;
        let label = |v: &Value, l: &str| {
            v.as_array()
                .unwrap()
                .iter()
                .find(|t| t["label"] == l)
                .and_then(|t| t["count"].as_i64())
        };
        assert_eq!(label(&inbox, "信访件逾期未办结"), Some(1), "{inbox}");
        assert_eq!(label(&inbox, "信访件待受理"), Some(1), "{inbox}");
        let (_, inbox) = app.login("jijiao").await.get_json("/api/v1/inbox").await;
        assert_eq!(label(&inbox, "信访件逾期未办结"), Some(1), "{inbox}");
        assert_eq!(label(&inbox, "信访件待受理"), None, "{inbox}");
        let (_, inbox) = app.login("anquanke").await.get_json("/api/v1/inbox").await;
        assert_eq!(label(&inbox, "信访件逾期未办结"), None, "{inbox}");
        let _ = waiting;
    }
);
