//! Student aid: the seed figures reproduced from records, the run → approve
//! → pay flow with an immutable ledger and reversing corrections,
//! incompatible combinations, no double payment, approval rights, bad
//! program definitions and scoping.

mod applications;
mod batches;
pub mod county;
mod never_twice;
mod ownership;
mod pages;
mod presets;
mod programs;
mod reader;
mod review;
mod vocational;

use reqwest::StatusCode;
use serde_json::{json, Value};

use platform::db::Sql;

use crate::both_backends;
use crate::common::{Backend, Client};

fn term() -> Value {
    json!({"school_year": 2025, "half": 1, "starts_on": "2025-09-01", "weeks": 20, "school_days": 100})
}

async fn program(c: &mut Client, body: Value) -> i64 {
    let (s, p) = c.post_json("/api/v1/aid/programs", &body).await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    p["id"].as_i64().expect("id")
}

async fn tuition(c: &mut Client) -> i64 {
    program(c, json!({"name": "城区义务教育免学杂费", "funding_source": "中央和地方财政", "period": "year",
        "stages": ["junior", "primary"], "amounts": [{"stage": "junior", "amount": 320}, {"stage": "primary", "amount": "240"}],
        "conditions": [{"kind": "urban_rural", "values": ["urban"]}]})).await
}

async fn textbooks(c: &mut Client) -> i64 {
    program(
        c,
        json!({"name": "免费教科书", "period": "year", "stages": ["junior", "primary"],
        "amounts": [{"stage": "junior", "amount": "156"}, {"stage": "primary", "amount": 71}]}),
    )
    .await
}

async fn run(c: &mut Client, programs: &[i64]) -> (StatusCode, Value) {
    let mut body = term();
    body["programs"] = json!(programs);
    c.post_json("/api/v1/aid/runs", &body).await
}

async fn approve_and_pay(c: &mut Client, batch: i64) {
    let (s, b) = c
        .post_json(&format!("/api/v1/aid/runs/{batch}/approve"), &json!({}))
        .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    let (s, b) = c
        .post_json(&format!("/api/v1/aid/runs/{batch}/pay"), &json!({}))
        .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    assert_eq!(b["status"], "paid");
}
