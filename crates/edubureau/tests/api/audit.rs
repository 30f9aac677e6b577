use reqwest::StatusCode;
use serde_json::json;

use platform::db::Sql;

use crate::both_backends;
use crate::common::{spawn_app, Backend, TestApp};

both_backends!(
    changes_are_audited_with_before_and_after,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("jijiao").await;
        let id = app.institution_of("school003").await;
        let (_, cur) = c.get_json(&format!("/api/v1/institutions/{id}")).await;
        let mut body = cur.clone();
        body["phone"] = json!("0572-7654321");
        body["township"] = json!(cur["township_id"].to_string());
        let (_, towns) = c.get_json("/api/v1/townships").await;
        body["township"] = towns
            .as_array()
            .expect("towns")
            .iter()
            .find(|t| t["id"] == cur["township_id"])
            .expect("town")["code"]
            .clone();
        let (s, _) = c
            .put_json(&format!("/api/v1/institutions/{id}"), &body)
            .await;
        assert_eq!(s, StatusCode::OK);

        let admin = app.login("admin").await;
        let (s, log) = admin
            .get_json(&format!("/api/v1/audit?entity=institution&entity_id={id}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        let entry = &log.as_array().expect("entries")[0];
        assert_eq!(entry["username"], "jijiao");
        assert_eq!(entry["action"], "update");
        let before: serde_json::Value =
            serde_json::from_str(entry["before_json"].as_str().expect("before")).expect("json");
        let after: serde_json::Value =
            serde_json::from_str(entry["after_json"].as_str().expect("after")).expect("json");
        assert_eq!(before["phone"], cur["phone"]);
        assert_eq!(after["phone"], "0572-7654321");
        assert!(entry["ip"]
            .as_str()
            .is_some_and(|ip| ip.starts_with("127.")));
        let (s, page) = admin.get_text("/audit?entity=institution").await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("0572-7654321"));
        // Logins are audited too.
        let (_, logins) = admin
            .get_json("/api/v1/audit?action=login&username=jijiao")
            .await;
        assert!(!logins.as_array().expect("entries").is_empty());
    }
);

both_backends!(
    only_leadership_reads_the_audit_log,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        for user in ["jijiao", "duxue", "school001"] {
            let c = app.login(user).await;
            assert_eq!(
                c.get_json("/api/v1/audit").await.0,
                StatusCode::FORBIDDEN,
                "{user}"
            );
            assert_eq!(
                c.get("/audit").await.status(),
                StatusCode::FORBIDDEN,
                "{user}"
            );
        }
    }
);

both_backends!(
    the_database_refuses_to_change_the_audit_log,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let n = app
            .db
            .scalar(platform::db::Sql::new("SELECT COUNT(*) FROM audit_log"))
            .await
            .expect("count");
        assert!(n > 0);
        let upd = app
            .db
            .execute(platform::db::Sql::new(
                "UPDATE audit_log SET summary = 'tampered'",
            ))
            .await;
        assert!(upd.is_err(), "UPDATE must be refused");
        let del = app
            .db
            .execute(platform::db::Sql::new("DELETE FROM audit_log"))
            .await;
        assert!(del.is_err(), "DELETE must be refused");
        assert_eq!(
            app.db
                .scalar(platform::db::Sql::new("SELECT COUNT(*) FROM audit_log"))
                .await
                .expect("count"),
            n
        );
        let tampered = app
            .db
            .scalar(platform::db::Sql::new(
                "SELECT COUNT(*) FROM audit_log WHERE summary = 'tampered'",
            ))
            .await
            .expect("count");
        assert_eq!(tampered, 0);
    }
);

/// Edits school003 as 基教科: its status, township and phone. Returns the
/// institution's id and the names of its old and new township.
async fn edit_status_township_and_phone(app: &TestApp) -> (i64, String, String) {
    let mut c = app.login("jijiao").await;
    let id = app.institution_of("school003").await;
    let (_, cur) = c.get_json(&format!("/api/v1/institutions/{id}")).await;
    let (_, towns) = c.get_json("/api/v1/townships").await;
    let towns = towns.as_array().expect("townships");
    let old = towns
        .iter()
        .find(|t| t["id"] == cur["township_id"])
        .expect("old");
    let new = towns
        .iter()
        .find(|t| t["id"] != cur["township_id"])
        .expect("new");
    let mut body = cur.clone();
    body["status"] = json!("suspended");
    body["phone"] = json!("0572-7654321");
    body["township"] = new["code"].clone();
    let (s, e) = c
        .put_json(&format!("/api/v1/institutions/{id}"), &body)
        .await;
    assert_eq!(s, StatusCode::OK, "{e}");
    // A view of personal data, which belongs on the other tab.
    assert_eq!(
        c.get("/students/export.xlsx").await.status(),
        StatusCode::OK
    );
    let name = |t: &serde_json::Value| t["name"].as_str().expect("name").to_string();
    (id, name(old), name(new))
}

both_backends!(
    the_log_reads_in_chinese_with_filters_and_an_export,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        // An older change to the same institution by the same user.
        let jijiao = platform::auth::users::find_by_username(&app.db, "jijiao")
            .await
            .expect("query")
            .expect("jijiao");
        let school = app.institution_of("school003").await;
        let long_ago: chrono::DateTime<chrono::Utc> = "2020-03-01T02:00:00Z".parse().expect("time");
        app.db
            .execute(
                Sql::new("INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, institution_id, summary) VALUES ($1, $2, 'jijiao', 'update', 'institution', $3, $3, '很久以前的修改')")
                    .arg(long_ago)
                    .arg(jijiao.id.0)
                    .arg(school),
            )
            .await
            .expect("insert an old entry");
        let (id, old_town, new_town) = edit_status_township_and_phone(&app).await;
        let admin = app.login("admin").await;
        let today = platform::time::today().to_string();
        let filter = format!(
            "entity=institution&action=update&user=%E5%91%A8%E8%80%81%E5%B8%88&institution_id={id}&from={today}&to={today}"
        );

        // The API: the same filters, labelled fields and a total.
        let r = admin.get(&format!("/api/v1/audit?{filter}")).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()["x-total-count"], "1");
        let entries: serde_json::Value = r.json().await.expect("json");
        let entry = &entries[0];
        assert_eq!(entry["username"], "jijiao", "the old fields stay");
        assert_eq!(entry["entity_label"], "机构");
        assert_eq!(entry["action_label"], "修改");
        assert_eq!(entry["actor"], "基教科 周老师（jijiao）");
        let at: chrono::DateTime<chrono::Utc> =
            entry["at"].as_str().expect("at").parse().expect("time");
        let beijing = platform::time::show_second(at);
        assert_eq!(entry["time"], beijing.as_str());
        assert_ne!(beijing, at.format("%Y-%m-%d %H:%M:%S").to_string());
        let changes: Vec<&str> = entry["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .filter_map(|c| c.as_str())
            .collect();
        let expected = [
            "办学状态：正常办学 → 停办".to_string(),
            format!("所在乡镇（街道）：{old_town} → {new_town}"),
        ];
        assert_eq!(changes[..2], expected, "only what changed, decoded");
        assert!(changes[2].starts_with("联系电话：") && changes[2].ends_with(" → 0572-7654321"));
        assert_eq!(changes.len(), 3, "{changes:?}");

        // The page: Chinese labels, Beijing time, the actor's name.
        let (s, page) = admin.get_text(&format!("/audit?{filter}")).await;
        assert_eq!(s, StatusCode::OK);
        for text in [
            &beijing,
            "<td>机构</td>",
            "基教科 周老师（jijiao）",
            &expected[0],
            &expected[1],
            "共 1 条记录",
        ] {
            assert!(page.contains(text), "{text} missing");
        }
        assert!(
            !page.contains("很久以前的修改"),
            "the date range leaves older entries out"
        );
        let (_, wider) = admin
            .get_text(&format!(
                "/audit?entity=institution&institution_id={id}&from=2020-03-01"
            ))
            .await;
        assert!(wider.contains("很久以前的修改") && wider.contains("共 2 条记录"));
        let (_, before_2020) = admin.get_text("/audit?to=2020-02-29").await;
        assert!(before_2020.contains("没有符合条件的记录"));

        // Views and exports have their own tab.
        let (_, changes_tab) = admin.get_text("/audit?user=jijiao").await;
        assert!(changes_tab.contains("修改机构") && !changes_tab.contains("导出学生名单"));
        let (_, views_tab) = admin.get_text("/audit?kind=views&user=jijiao").await;
        assert!(views_tab.contains("导出学生名单") && !views_tab.contains("修改机构"));

        // The export holds the same rows as the page, and is itself audited.
        let r = admin.get(&format!("/audit/export.xlsx?{filter}")).await;
        assert_eq!(r.status(), StatusCode::OK);
        let bytes = r.bytes().await.expect("body");
        let table = platform::excel::read_table(&bytes, "audit.xlsx", None).expect("xlsx");
        assert_eq!(table.rows.len(), 1);
        let row = &table.rows[0];
        assert_eq!(table.headers[0], "时间（北京时间）");
        assert_eq!(row.get(0), beijing);
        assert_eq!(row.get(1), "基教科 周老师（jijiao）");
        assert_eq!(row.get(3), "机构");
        assert_eq!(row.get(6).lines().collect::<Vec<_>>(), changes);
        let (_, exports) = admin
            .get_json("/api/v1/audit?entity=audit_log&action=export&username=admin")
            .await;
        let exports = exports.as_array().expect("entries");
        assert_eq!(exports.len(), 1);
        assert!(exports[0]["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .any(|c| c == &json!(format!("起始日期：{today}"))));
    }
);
