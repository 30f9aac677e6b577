//! What the area's tests share: an app without the demo's safety records,
//! a hazard reported through the API, a picture's bytes.

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{spawn_app, Backend, Client, TestApp};

/// A test app whose safety records (and the safety orders and files of the
/// inspection mechanism) are gone, for the tests that count their own.
pub async fn spawn_without_demo(backend: Backend) -> TestApp {
    let app = spawn_app(backend).await;
    for sql in [
        "DELETE FROM safety_hazards",
        "DELETE FROM safety_drills",
        "DELETE FROM safety_plans",
        "DELETE FROM inspection_evidence WHERE owner = 'safety'",
        "DELETE FROM inspection_order_events WHERE order_id IN \
         (SELECT id FROM inspection_orders WHERE owner = 'safety')",
        "DELETE FROM inspection_orders WHERE owner = 'safety'",
    ] {
        app.db
            .execute(Sql::new(sql))
            .await
            .expect("empty safety rows");
    }
    app
}

/// A PNG's first bytes: enough for the content check.
pub fn png() -> Vec<u8> {
    let mut v = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    v.extend_from_slice(&[
        0, 0, 0, 0x0D, b'I', b'H', b'D', b'R', 0, 0, 0, 1, 0, 0, 0, 1,
    ]);
    v
}

/// The day `n` days from today, as the API takes it.
pub fn in_days(n: i64) -> String {
    (platform::time::today() + chrono::Duration::days(n)).to_string()
}

/// Reports a hazard as `client` (for `institution` when a bureau user);
/// returns the hazard's JSON.
pub async fn report(
    client: &mut Client,
    institution: Option<i64>,
    location: &str,
    level: &str,
) -> Value {
    let (s, v) = client
        .post_json(
            "/api/v1/safety/hazards",
            &json!({
                "institution_id": institution,
                "category": "fire",
                "risk_level": level,
                "location": location,
                "description": "灭火器过期",
            }),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v
}

/// Orders hazard `id` fixed by `deadline`; the status and body.
pub async fn order(client: &mut Client, id: i64, deadline: &str) -> (StatusCode, Value) {
    client
        .post_json(
            &format!("/api/v1/safety/hazards/{id}/order"),
            &json!({"requirement": "一周内更换", "responsible_person": "王校长", "deadline": deadline}),
        )
        .await
}

/// How many rows `sql` counts.
pub async fn count(app: &TestApp, sql: &str) -> i64 {
    app.db.scalar(Sql::new(sql)).await.expect("count")
}

/// The fields an API refusal names, in order.
pub fn refused_fields(v: &Value) -> Vec<&str> {
    v["fields"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["field"].as_str()).collect())
        .unwrap_or_default()
}

/// The count of the inbox task whose label contains `label`.
pub fn task(inbox: &Value, label: &str) -> Option<i64> {
    inbox
        .as_array()?
        .iter()
        .find(|t| t["label"].as_str().is_some_and(|l| l.contains(label)))
        .and_then(|t| t["count"].as_i64())
}
