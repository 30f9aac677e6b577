//! Closing a case on a version someone has since saved over gets the one
//! stale-version answer, naming both versions, over the API and on the
//! page (with what was typed kept).

use reqwest::StatusCode;
use serde_json::json;

use super::*;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    closing_a_stale_case_names_both_versions,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = app.institution_of("school001").await;
        let birth = born(10, 7, 3);
        let full = national_id(birth, 51);
        let (sid, e) = enrolled(&app, &new_student(&full, "过期版本生", birth, 0), school, 4).await;
        leave(&app, e, "dropped_out").await;
        let case = case_for(&app, sid, school, 5).await;
        let mut c = app.login("school001").await;
        let path = format!("/api/v1/dropout/cases/{case}");
        let (s, saved) = c
            .put_json(
                &path,
                &json!({"version": 1, "cause": "厌学", "responsible": "李老师"}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{saved}");

        let close = format!("{path}/close");
        let today = today().to_string();
        let (s, stale) = c
            .post_json(
                &close,
                &json!({"version": 1, "status": "已复学", "date": today, "outcome": "已返校"}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{stale}");
        let msg = stale["message"].as_str().unwrap_or_default();
        assert!(msg.contains("第 1 版，当前为第 2 版"), "{stale}");

        let r = c
            .post_form(
                &format!("/dropout/cases/{case}/close"),
                &[
                    ("version", "1"),
                    ("status", "returned"),
                    ("date", &today),
                    ("outcome", "家访后返校"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::CONFLICT);
        let page = r.text().await.expect("page");
        assert!(page.contains("第 1 版，当前为第 2 版"), "{page}");
        assert!(page.contains("家访后返校"), "what was typed stays");
        let (_, still) = c.get_json(&path).await;
        assert_eq!(still["status"], "open");
    }
);
