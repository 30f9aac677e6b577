//! Preparing the load: a round open now, with schools and a catchment,
//! made through the bureau's API as an administrator would.

use chrono::{FixedOffset, Utc};
use serde_json::{json, Value};

use super::Args;

fn cst(t: chrono::DateTime<Utc>) -> String {
    t.with_timezone(&FixedOffset::east_opt(8 * 3600).expect("offset"))
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

async fn ok_json(r: reqwest::Response, what: &str) -> Value {
    let status = r.status();
    let text = r.text().await.unwrap_or_default();
    assert!(status.is_success(), "{what}: {status} {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Logs in, creates an open round with two primary schools; returns (round, school code).
pub async fn setup(c: &reqwest::Client, a: &Args) -> (i64, String) {
    let r = c
        .post(format!("{}/api/v1/session", a.base))
        .json(&json!({"username": a.user, "password": a.password}))
        .send()
        .await
        .expect("login");
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("edb_session="))
        .map(|v| v.split(';').next().unwrap_or("").to_string())
        .expect("edb_session cookie");
    let login = ok_json(r, "login").await;
    let csrf = login["csrf_token"]
        .as_str()
        .expect("csrf_token")
        .to_string();
    let get = |p: &str| c.get(format!("{}{p}", a.base)).header("cookie", &cookie);
    let post = |p: &str, body: Value| {
        c.post(format!("{}{p}", a.base))
            .header("cookie", &cookie)
            .header("x-csrf-token", &csrf)
            .json(&body)
    };
    let inst = ok_json(
        get("/api/v1/institutions?category=primary&per_page=100")
            .send()
            .await
            .expect("institutions"),
        "institutions",
    )
    .await;
    let codes: Vec<String> = inst["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["code"].as_str().map(String::from))
        .take(2)
        .collect();
    assert_eq!(codes.len(), 2, "need two primary schools with codes");
    let now = Utc::now();
    let round = ok_json(
        post(
            "/api/v1/admissions/rounds",
            json!({
                "name": format!("压力测试 {}", cst(now)),
                "stage": "primary1",
                "school_year": 2027,
                "apply_from": cst(now - chrono::Duration::hours(1)),
                "apply_until": cst(now + chrono::Duration::hours(2)),
                "seed_publish_at": cst(now + chrono::Duration::hours(3)),
                "max_choices": 3
            }),
        )
        .send()
        .await
        .expect("round"),
        "create round",
    )
    .await["id"]
        .as_i64()
        .expect("round id");
    ok_json(
        post(
            &format!("/api/v1/admissions/rounds/{round}/schools"),
            json!({"text": format!("{},200\n{},200\n", codes[0], codes[1])}),
        )
        .send()
        .await
        .expect("schools"),
        "schools",
    )
    .await;
    ok_json(
        post(
            &format!("/api/v1/admissions/rounds/{round}/catchments"),
            json!({"text": format!("{},东迁社区、旧馆社区\n", codes[0])}),
        )
        .send()
        .await
        .expect("catchments"),
        "catchments",
    )
    .await;
    (round, codes[0].clone())
}
