//! Orders issued through the API, steps sent as the forms send them
//! (multipart with any number of files), and small files of each type.

use chrono::{Datelike, Duration, NaiveDate};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{Client, TestApp};

pub fn today() -> NaiveDate {
    platform::time::today()
}

pub fn in_days(n: i64) -> String {
    (today() + Duration::days(n)).to_string()
}

/// The number the `n`th order of an owner gets this year.
pub fn number(prefix: &str, n: i64) -> String {
    format!("{prefix}〔{}〕{n}号", today().year())
}

/// Issues an order of `owner` to `institution` due in `days` days.
pub async fn issue(
    c: &mut Client,
    owner: &str,
    institution: i64,
    finding: &str,
    days: i64,
) -> (StatusCode, Value) {
    let body = json!({
        "owner": owner, "institution_id": institution, "source": "check",
        "finding": finding, "requirement": "立即整改并报送佐证材料",
        "responsible_person": "王校长", "deadline": in_days(days),
    });
    c.post_json("/api/v1/inspection/orders", &body).await
}

/// Issues an order that must be accepted; its id.
pub async fn issued(c: &mut Client, owner: &str, institution: i64, finding: &str) -> i64 {
    let (s, v) = issue(c, owner, institution, finding, 10).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v["order"]["id"].as_i64().expect("an id")
}

/// A step (respond or recheck) with its fields and files, as the API takes it.
pub async fn step(
    c: &mut Client,
    id: i64,
    what: &str,
    fields: &[(&str, String)],
    files: &[(&str, Vec<u8>)],
) -> (StatusCode, Value) {
    if c.csrf.is_none() {
        c.refresh_csrf().await;
    }
    let mut form = reqwest::multipart::Form::new();
    for (k, v) in fields {
        form = form.text(k.to_string(), v.clone());
    }
    for (name, bytes) in files {
        let part = reqwest::multipart::Part::bytes(bytes.clone()).file_name(name.to_string());
        form = form.part("file", part);
    }
    let r = c
        .http
        .post(format!("{}/api/v1/inspection/orders/{id}/{what}", c.base))
        .header(
            "cookie",
            format!("edb_session={}", c.session.clone().unwrap_or_default()),
        )
        .header("x-csrf-token", c.csrf.clone().unwrap_or_default())
        .multipart(form)
        .send()
        .await
        .expect("request");
    let s = r.status();
    (s, r.json().await.unwrap_or(Value::Null))
}

/// The order as the API shows it to `c`.
pub async fn order(c: &Client, id: i64) -> Value {
    let (s, v) = c.get_json(&format!("/api/v1/inspection/orders/{id}")).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v
}

/// The first refusal's message.
pub fn message(v: &Value) -> String {
    v["fields"][0]["message"]
        .as_str()
        .or(v["message"].as_str())
        .unwrap_or_default()
        .to_string()
}

pub fn png() -> Vec<u8> {
    let mut b =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89".to_vec();
    b.extend_from_slice(b"\0\0\0\nIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4\0\0\0\0IEND\xaeB`\x82");
    b
}

pub fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec()
}

/// Moves an order's deadline, as if it had been set long ago.
pub async fn set_deadline(app: &TestApp, id: i64, deadline: NaiveDate) {
    app.db
        .execute(
            platform::db::Sql::new("UPDATE inspection_orders SET deadline = ")
                .bind(deadline)
                .push(" WHERE id = ")
                .bind(id),
        )
        .await
        .expect("move the deadline");
}

/// Rows of `table` where `column` = `id`.
pub async fn rows(app: &TestApp, table: &str, column: &str, id: i64) -> i64 {
    app.db
        .scalar(
            platform::db::Sql::new(format!("SELECT COUNT(*) FROM {table} WHERE {column} = "))
                .bind(id),
        )
        .await
        .expect("count")
}
