//! Accounts and records the estate tests share.

use platform::auth::users::{self, NewUser};
use platform::auth::{password, Role, Section};
use serde_json::{json, Value};

use crate::common::{Client, TestApp};

/// Signs in as a 计财科 (Finance) account, made for the test: the demo has
/// no account of the sections that write the area.
pub async fn finance(app: &TestApp) -> Client {
    let hash = password::hash(edubureau::demo::DEMO_PASSWORD.into())
        .await
        .expect("hash");
    let mut tx = app.db.begin().await.expect("tx");
    users::create(
        &mut tx,
        NewUser {
            username: "jicai",
            display_name: "计财科 测试",
            password_hash: &hash,
            role: Role::Section(Section::Finance),
            institution: None,
            must_change_password: false,
        },
    )
    .await
    .expect("user");
    tx.commit().await.expect("commit");
    app.login("jicai").await
}

/// A building's JSON with `name`, `floor_area` and `grade` (null: not
/// appraised) for institution `institution`.
pub fn building(institution: i64, name: &str, floor_area: i64, grade: Option<&str>) -> Value {
    json!({
        "institution_id": institution,
        "name": name,
        "floor_area": floor_area,
        "year_built": 1985,
        "structure": "brick_concrete",
        "floors": 3,
        "purpose": "teaching",
        "grade": grade,
        "appraised_on": grade.map(|_| "2026-03-01"),
        "certificate": "held",
        "certificate_no": "浙(2004)南浔区房权证第001234号",
    })
}

/// Creates a building through the API; its id.
pub async fn add_building(
    c: &mut Client,
    institution: i64,
    name: &str,
    area: i64,
    grade: Option<&str>,
) -> i64 {
    let (s, b) = c
        .post_json(
            "/api/v1/construction/buildings",
            &building(institution, name, area, grade),
        )
        .await;
    assert_eq!(s, reqwest::StatusCode::CREATED, "{b}");
    b["id"].as_i64().expect("id")
}

pub fn asset(institution: i64, name: &str, quantity: i64, value: i64) -> Value {
    json!({"institution_id": institution, "category": "computer", "name": name,
        "quantity": quantity, "value": value, "acquired_on": "2024-09-01"})
}

pub fn purchase(institution: i64, name: &str, delivered_on: &str) -> Value {
    json!({"institution_id": institution, "name": name, "category": "multimedia",
        "amount": 186000, "supplier": "湖州智慧教育科技有限公司", "delivered_on": delivered_on})
}

/// `days` days before today, as the API writes dates.
pub fn days_ago(days: i64) -> String {
    (platform::time::today() - chrono::Duration::days(days)).to_string()
}
