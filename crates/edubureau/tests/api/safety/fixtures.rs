//! What the tests of the incidents and buses parts share.

use chrono::Duration;
use reqwest::StatusCode;
use serde_json::Value;

use crate::common::{empty_tables, spawn_app, Backend, Client, TestApp};

/// A test app whose `tables` (children first) hold none of the demo's rows.
pub async fn spawn_emptied(backend: Backend, tables: &[&str]) -> TestApp {
    let app = spawn_app(backend).await;
    empty_tables(&app, tables).await;
    app
}

/// The date `days` days from today.
pub fn day(days: i64) -> String {
    (platform::time::today() + Duration::days(days)).to_string()
}

/// Posts `body` to `path`, expecting 201, and gives the new record's id.
pub async fn created(c: &mut Client, path: &str, body: &Value) -> i64 {
    let (s, v) = c.post_json(path, body).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v["id"].as_i64().expect("id")
}

/// The count of the inbox task `label`, if it is there.
pub fn task(inbox: &Value, label: &str) -> Option<i64> {
    inbox
        .as_array()?
        .iter()
        .find(|t| t["label"] == label)
        .and_then(|t| t["count"].as_i64())
}
