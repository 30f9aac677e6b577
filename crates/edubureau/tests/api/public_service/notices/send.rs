//! The bureau sends; the recipients read; the sender follows the receipts.

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::json;

use super::{ids, send, township_of};
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    a_township_reads_and_the_unread_list_shrinks,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = app.institution_of("school003").await;
        let town = township_of(&app, school).await;
        let expected = app
            .db
            .scalar(
                Sql::new(
                    "SELECT COUNT(*) FROM institutions WHERE status = 'active' AND township_id = ",
                )
                .bind(town),
            )
            .await
            .unwrap();
        let mut office = app.login("bangongshi").await;
        let (id, recipients) = send(
            &mut office,
            "township",
            &town.to_string(),
            "关于冬季安全的通知",
        )
        .await;
        assert_eq!(recipients, expected);
        let rows = app
            .db
            .scalar(
                Sql::new("SELECT COUNT(*) FROM public_notice_receipts WHERE notice_id = ").bind(id),
            )
            .await
            .unwrap();
        assert_eq!(rows, expected, "one receipt per recipient");

        let unread_path = format!("/api/v1/public/notices/{id}/receipts?unread=true");
        let (_, before) = office.get_json(&unread_path).await;
        assert!(ids(&before, "institution_id").contains(&school));

        let mut reader = app.login("school003").await;
        let (s, inbox) = reader.get_json("/api/v1/public/notices/inbox").await;
        assert_eq!(s, StatusCode::OK);
        let mine = inbox
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .expect("in the inbox")
            .clone();
        assert!(mine["read_at"].is_null());
        let (_, tasks) = reader.get_json("/api/v1/inbox").await;
        assert!(
            tasks
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t["label"] == "待阅读的通知公告"),
            "{tasks}"
        );

        let (s, v) = reader
            .post_json(&format!("/api/v1/public/notices/{id}/read"), &json!({}))
            .await;
        assert_eq!((s, v), (StatusCode::OK, json!(true)));
        let (s, v) = reader
            .post_json(&format!("/api/v1/public/notices/{id}/read"), &json!({}))
            .await;
        assert_eq!(
            (s, v),
            (StatusCode::OK, json!(false)),
            "the first receipt stands"
        );

        let (_, after) = office.get_json(&unread_path).await;
        let after = ids(&after, "institution_id");
        assert!(!after.contains(&school));
        assert_eq!(after.len() as i64, expected - 1);
        let (_, all) = office
            .get_json(&format!("/api/v1/public/notices/{id}/receipts"))
            .await;
        let read = all
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["institution_id"] == school)
            .unwrap()
            .clone();
        assert!(read["read_at"].is_string());
        assert!(read["reader"].is_string());
        let (_, view) = office
            .get_json(&format!("/api/v1/public/notices/{id}"))
            .await;
        assert_eq!(view["stats"]["read"], 1);

        let (s, reminded) = office
            .post_json(&format!("/api/v1/public/notices/{id}/remind"), &json!({}))
            .await;
        assert_eq!((s, reminded), (StatusCode::OK, json!(expected - 1)));
        let (_, sent) = office.get_json("/api/v1/public/notices").await;
        let row = sent
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .unwrap()
            .clone();
        assert_eq!(
            (row["read"].clone(), row["reminders"].clone()),
            (json!(1), json!(1))
        );
        let audited = app
        .db
        .scalar(
            Sql::new("SELECT COUNT(*) FROM audit_log WHERE entity IN ('public_notice', 'public_notice_receipt') AND entity_id = ")
                .bind(id),
        )
        .await
        .unwrap();
        assert_eq!(audited, 3, "sent, read, reminded");
    }
);

both_backends!(
    audiences_reach_what_the_rule_names,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let rows: Vec<(i64, String, i64)> = app
            .db
            .fetch_all(Sql::new(
                "SELECT id, school_type, township_id FROM institutions WHERE status = 'active'",
            ))
            .await
            .unwrap();
        let mut office = app.login("bangongshi").await;
        let chosen = format!("{},{}", rows[0].0, rows[1].0);
        for (audience, value) in [
            ("all", ""),
            ("category", "primary"),
            ("category", "kindergarten"),
            ("chosen", chosen.as_str()),
        ] {
            let rule = public_service::domain::notices::Audience::parse(audience, value).unwrap();
            let expected: Vec<i64> = rows
                .iter()
                .filter(|r| {
                    rule.matches(&public_service::domain::notices::Facts {
                        id: r.0,
                        school_type: &r.1,
                        township_id: r.2,
                    })
                })
                .map(|r| r.0)
                .collect();
            let (id, n) = send(&mut office, audience, value, "范围测试").await;
            assert_eq!(n, expected.len() as i64, "{audience} {value}");
            let (_, receipts) = office
                .get_json(&format!("/api/v1/public/notices/{id}/receipts"))
                .await;
            let mut got = ids(&receipts, "institution_id");
            got.sort_unstable();
            let mut want = expected.clone();
            want.sort_unstable();
            assert_eq!(got, want, "{audience} {value}");
        }
    }
);

both_backends!(bad_notices_change_nothing, |b: Backend| async move {
    let app = spawn_app(b).await;
    let count = || async {
        app.db
            .scalar(Sql::new("SELECT COUNT(*) FROM public_notices"))
            .await
            .unwrap()
    };
    let before = count().await;
    let mut office = app.login("bangongshi").await;
    let (s, v) = office
        .post_json(
            "/api/v1/public/notices",
            &json!({"title": "", "body": "", "audience": ""}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (s, v) = office
        .post_json(
            "/api/v1/public/notices",
            &json!({"title": "通知", "body": "正文", "audience": "chosen", "audience_value": "1,99999999"}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(v.to_string().contains("不存在"), "{v}");
    // An attachment that is not what its name claims refuses the notice.
    let png = vec![
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H', b'D', b'R',
    ];
    let r = office
        .upload_response(
            "/public/notices",
            "通知.pdf",
            png,
            &[
                ("title", "带附件的通知"),
                ("body", "见附件"),
                ("audience", "all"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("与内容不符"));
    assert_eq!(count().await, before, "nothing stored");
    // Only bureau accounts send to institutions; an inspector reads only.
    let mut inspector = app.login("duxue").await;
    let (s, _) = inspector
        .post_json(
            "/api/v1/public/notices",
            &json!({"title": "t", "body": "b", "audience": "all"}),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let mut school = app.login("school003").await;
    let (s, _) = school
        .post_json(
            "/api/v1/public/notices",
            &json!({"title": "t", "body": "b", "audience": "all"}),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(count().await, before);
});

both_backends!(
    a_section_follows_its_own_notices_with_files,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut safety = app.login("anquanke").await;
        let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".to_vec();
        let r = safety
            .upload_response(
                "/public/notices",
                "检查表.pdf",
                pdf.clone(),
                &[
                    ("title", "安全检查通知"),
                    ("body", "见附件"),
                    ("audience", "category"),
                    ("category", "primary"),
                ],
            )
            .await;
        assert_eq!(
            r.status(),
            StatusCode::SEE_OTHER,
            "{}",
            r.text().await.unwrap_or_default()
        );
        let (_, mine) = safety.get_json("/api/v1/public/notices").await;
        let mine = mine.as_array().unwrap().clone();
        assert_eq!(mine.len(), 1, "a section sees its own notices only");
        let id = mine[0]["id"].as_i64().unwrap();
        let (_, office_sent) = app
            .login("bangongshi")
            .await
            .get_json("/api/v1/public/notices")
            .await;
        assert!(
            ids(&office_sent, "id").contains(&id),
            "the 办公室 sees every bureau notice"
        );
        let (_, view) = safety
            .get_json(&format!("/api/v1/public/notices/{id}"))
            .await;
        let file = view["files"][0]["id"].as_i64().expect("the file");
        let (_, receipts) = safety
            .get_json(&format!("/api/v1/public/notices/{id}/receipts"))
            .await;
        let recipient = receipts[0]["institution_id"].as_i64().unwrap();
        let (username,): (String,) = app
            .db
            .fetch_one(
                Sql::new("SELECT username FROM users WHERE institution_id = ")
                    .bind(recipient)
                    .push(" ORDER BY id LIMIT 1"),
            )
            .await
            .unwrap();
        let reader = app.login(&username).await;
        let r = reader
            .get(&format!("/public/notices/{id}/files/{file}"))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.bytes().await.unwrap().to_vec(), pdf);
        let (s, page) = reader.get_text(&format!("/public/notices/{id}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("确认已读") && page.contains("检查表.pdf"),
            "{page}"
        );
    }
);
