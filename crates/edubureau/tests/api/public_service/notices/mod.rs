//! Notices (通知公告): sending to an audience with one receipt per
//! recipient, the inbox and the read receipt, the unread list and
//! reminders, notices to parents with the class page, bad input, scoping.

mod parents;
mod scoping;
mod send;

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{Client, TestApp};

/// The township of an institution.
pub async fn township_of(app: &TestApp, institution: i64) -> i64 {
    app.db
        .scalar(Sql::new("SELECT township_id FROM institutions WHERE id = ").bind(institution))
        .await
        .expect("township")
}

/// Sends a notice through the API; returns its id and recipients.
pub async fn send(c: &mut Client, audience: &str, value: &str, title: &str) -> (i64, i64) {
    let (s, v) = c
        .post_json(
            "/api/v1/public/notices",
            &json!({"title": title, "body": "请各单位按时完成。", "audience": audience, "audience_value": value}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    (v["id"].as_i64().unwrap(), v["recipients"].as_i64().unwrap())
}

/// The ids of a JSON list's rows.
pub fn ids(v: &Value, field: &str) -> Vec<i64> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|r| r[field].as_i64().expect("id"))
        .collect()
}
