//! Admissions: a round from set-up to published results, with the bad
//! inputs the issue lists.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::students::code_of;
use crate::both_backends;
use crate::common::{spawn_app, Backend, Client, TestApp};

mod portal;
mod portal_privacy;
mod rounds;
mod setup_forms;

/// A valid ID for a child born on `birth` (YYYYMMDD) in county 330502.
pub(super) fn child_id(birth: &str, seq: u32) -> String {
    super::students::id_in("330502", birth, seq)
}

fn cst(offset_minutes: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::minutes(offset_minutes) + chrono::Duration::hours(8))
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

async fn sql(app: &TestApp, q: platform::db::Sql) {
    app.db.execute(q).await.expect("sql");
}

/// Ends the application window a minute ago; the seed is due at once.
pub(super) async fn close_window(app: &TestApp, round: i64) {
    let past = chrono::Utc::now() - chrono::Duration::minutes(1);
    sql(
        app,
        platform::db::Sql::new(
            "UPDATE admissions_rounds SET apply_until = $1, seed_publish_at = $1 WHERE id = $2",
        )
        .arg(past)
        .arg(round),
    )
    .await;
}

/// A primary round open now, without schools yet.
pub(super) async fn new_round(bureau: &mut Client) -> i64 {
    let school_year = students::service::school_year_of(students::service::today()) + 1;
    let (s, r) = bureau.post_json("/api/v1/admissions/rounds", &json!({"name": "测试小学招生", "stage": "primary1", "school_year": school_year, "apply_from": cst(-60), "apply_until": cst(60), "seed_publish_at": cst(120), "max_choices": 3})).await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    r["id"].as_i64().expect("id")
}

/// A round open now, with three schools: two public (seats 2 and 1) and a
/// private one admitting by lottery (seats 1).
pub(super) async fn open_round(app: &TestApp, bureau: &mut Client) -> (i64, [String; 3]) {
    let id = new_round(bureau).await;
    let codes = [
        code_of(app, "school001").await,
        code_of(app, "school002").await,
        code_of(app, "school003").await,
    ];
    let (s, e) = bureau
        .post_json(
            &format!("/api/v1/admissions/rounds/{id}/schools"),
            &json!({"text": format!("{},0\n", codes[0])}),
        )
        .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "zero seats refused: {e}"
    );
    let text = format!(
        "{},2\n{},1\n{},1,0,民办摇号\n",
        codes[0], codes[1], codes[2]
    );
    let (s, e) = on_round(bureau, id, "schools", json!({"text": text})).await;
    assert_eq!(s, StatusCode::OK, "{e}");
    let catch = format!("{},东迁社区、旧馆社区\n{},双林社区\n", codes[0], codes[1]);
    let (s, e) = on_round(bureau, id, "catchments", json!({"text": catch})).await;
    assert_eq!(s, StatusCode::OK, "{e}");
    (id, codes)
}

/// Posts `body` to the action `action` of round `round` (seed, run, verify, …).
async fn on_round(c: &mut Client, round: i64, action: &str, body: Value) -> (StatusCode, Value) {
    c.post_json(
        &format!("/api/v1/admissions/rounds/{round}/{action}"),
        &body,
    )
    .await
}

pub(super) fn application(
    name: &str,
    id: &str,
    community: &str,
    hukou: bool,
    home: bool,
    choices: &[&str],
) -> Value {
    json!({"child_name": name, "child_id_number": id, "guardian_name": "家长", "guardian_phone": "13800001111", "community": community, "hukou_local": hukou, "owns_home": home, "residence_permit": !hukou, "choices": choices})
}

/// The portal's form token: the value of the `edb_form_csrf` cookie a
/// portal page sets.
pub(super) fn form_token_of(page: &reqwest::Response) -> String {
    let cookie = crate::common::set_cookie_header(page, "edb_form_csrf").expect("form cookie");
    cookie
        .split(';')
        .next()
        .and_then(|p| p.split_once('='))
        .map(|(_, v)| v.to_string())
        .expect("token")
}

/// The reference number a portal page shows (`id="ref-no"`).
pub(super) fn ref_no_in(html: &str) -> String {
    html.split("id=\"ref-no\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("reference number")
        .to_string()
}

/// An application through the public API, as a parent's browser sends it.
pub(super) async fn submit(app: &TestApp, round: i64, body: &Value) -> (StatusCode, Value) {
    let r = app
        .client()
        .http
        .post(app.url(&format!("/api/v1/public/rounds/{round}/applications")))
        .json(body)
        .send()
        .await
        .expect("send");
    let s = r.status();
    (s, r.json::<Value>().await.unwrap_or(Value::Null))
}
