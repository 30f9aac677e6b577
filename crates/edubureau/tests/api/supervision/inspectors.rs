//! Responsible inspectors (责任督学挂牌督导): assignments with their history,
//! visits with evidence and the orders their findings become, the views
//! of institutions not visited this month or term, the inbox, and scoping.
//! Tests start from emptied supervision tables and count their own rows.

mod assignments;
mod coverage;
mod scoping;
mod visits;

use chrono::Duration;

use crate::common::{empty_tables, spawn_app, Backend, Client, TestApp};

/// A test app whose assignments and visits are empty (the demo fills them).
pub async fn spawn_without_visits(backend: Backend) -> TestApp {
    let app = spawn_app(backend).await;
    empty_tables(&app, &["supervision_visits", "supervision_assignments"]).await;
    app
}

/// A day `n` days from today, as text.
pub fn day(n: i64) -> String {
    (platform::time::today() + Duration::days(n)).to_string()
}

/// Assigns an external inspector to `institution` from `starts_on`.
pub async fn assign(
    c: &mut Client,
    institution: i64,
    name: &str,
    starts_on: &str,
) -> (reqwest::StatusCode, serde_json::Value) {
    let body = serde_json::json!({ "inspector_name": name, "phone": "13957200001", "starts_on": starts_on });
    c.post_json(
        &format!("/api/v1/supervision/institutions/{institution}/assignments"),
        &body,
    )
    .await
}

/// Records a visit through the API.
pub async fn visit(
    c: &mut Client,
    body: serde_json::Value,
) -> (reqwest::StatusCode, serde_json::Value) {
    c.post_json("/api/v1/supervision/visits", &body).await
}

/// How many rows `table` has.
pub async fn count(app: &TestApp, table: &str) -> i64 {
    app.db
        .scalar(platform::db::Sql::new(format!(
            "SELECT COUNT(*) FROM {table}"
        )))
        .await
        .expect("count")
}
