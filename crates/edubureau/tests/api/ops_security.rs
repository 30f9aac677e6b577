//! The security-event log: sign-ins, failed sign-ins and refusals are
//! recorded apart from the audit of records, and leadership exports them.

use reqwest::StatusCode;
use serde_json::Value;

use crate::both_backends;
use crate::common::{spawn_app, Backend};

fn has(events: &Value, kind: &str, username: &str, path: &str) -> bool {
    events.as_array().is_some_and(|list| {
        list.iter()
            .any(|e| e["kind"] == kind && e["username"] == username && e["path"] == path)
    })
}

both_backends!(
    security_events_are_logged_and_exported,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut stranger = app.client();
        let r = stranger.api_login("jijiao", "wrong password 1").await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let section = app.login("jijiao").await;
        let (s, _) = section.get_text("/ops/settings").await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, _) = section.get_json("/api/v1/ops/security-events").await;
        assert_eq!(s, StatusCode::FORBIDDEN, "leadership only");

        let admin = app.login("admin").await;
        let (s, events) = admin.get_json("/api/v1/ops/security-events").await;
        assert_eq!(s, StatusCode::OK, "{events}");
        assert!(
            has(&events, "login_failed", "jijiao", "/api/v1/session"),
            "{events}"
        );
        assert!(
            has(&events, "login", "jijiao", "/api/v1/session"),
            "{events}"
        );
        assert!(
            has(&events, "refused", "jijiao", "/ops/settings"),
            "{events}"
        );
        assert!(
            !events.to_string().contains("wrong password"),
            "passwords are never logged"
        );
        let (s, later) = admin
            .get_json("/api/v1/ops/security-events?since=2999-01-01T00:00:00Z")
            .await;
        assert_eq!((s, later), (StatusCode::OK, serde_json::json!([])));
        // Each export of the log is itself in the audit log.
        let (s, audit) = admin
            .get_json("/api/v1/audit?entity=security_event&action=export")
            .await;
        assert_eq!(s, StatusCode::OK, "{audit}");
        let exports = audit.as_array().expect("entries");
        assert_eq!(exports.len(), 2, "{audit}");
        assert!(exports.iter().all(|e| e["username"] == "admin"), "{audit}");
    }
);

both_backends!(
    leadership_reads_and_exports_the_log_on_its_page,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut stranger = app.client();
        let r = stranger.api_login("zizhu", "wrong password 2").await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let section = app.login("jijiao").await;
        for path in ["/ops/security-events", "/ops/security-events.xlsx"] {
            assert_eq!(section.get(path).await.status(), StatusCode::FORBIDDEN);
        }

        let admin = app.login("admin").await;
        let (s, page) = admin
            .get_text("/ops/security-events?kind=login_failed&username=ziz")
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("安全事件日志") && page.contains("登录失败"));
        assert!(page.contains("zizhu"), "the failed sign-in is listed");
        assert!(page.contains("共 1 条"), "only the filtered kind and name");
        assert!(
            !page.contains("wrong password"),
            "passwords are never logged"
        );

        let r = admin
            .get("/ops/security-events.xlsx?kind=login_failed&username=zizhu")
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let bytes = r.bytes().await.expect("bytes");
        let table = platform::excel::read_table(&bytes, "log.xlsx", None).expect("readable");
        assert_eq!(table.rows.len(), 1, "{:?}", table.rows);
        let row = &table.rows[0].cells;
        assert_eq!((row[1].as_str(), row[2].as_str()), ("登录失败", "zizhu"));
        let (_, audit) = admin
            .get_json("/api/v1/audit?entity=security_event&action=export")
            .await;
        assert_eq!(audit.as_array().map(Vec::len), Some(1), "{audit}");
    }
);
