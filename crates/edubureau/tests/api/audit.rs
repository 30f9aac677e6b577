use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::common::{spawn_app, Backend};

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
