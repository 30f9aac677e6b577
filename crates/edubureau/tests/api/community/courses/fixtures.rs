//! What the courses tests share: community school accounts, learning
//! cards made by SQL (the cards part makes them in the program), a course
//! and session opened through the API.

use chrono::{Datelike, Duration, NaiveDate};
use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{Client, TestApp};

/// The first two community schools' (account, institution id, township id).
pub async fn schools(app: &TestApp) -> Vec<(String, i64, i64)> {
    let rows: Vec<(String, i64, i64)> = app
        .db
        .fetch_all(Sql::new(
            "SELECT u.username, i.id, i.township_id FROM users u JOIN institutions i ON i.id = u.institution_id \
             WHERE i.school_type = '932' AND i.name LIKE '%社区学校' ORDER BY i.id",
        ))
        .await
        .expect("community schools");
    assert!(rows.len() >= 2, "the demo has community schools");
    rows.into_iter().take(2).collect()
}

/// Makes `n` cards numbered `{prefix}0001`…; every other one registered
/// online and not yet verified. Returns their ids.
pub async fn cards(app: &TestApp, prefix: &str, n: usize, township: i64) -> Vec<i64> {
    let now = platform::time::now();
    let mut ids = Vec::new();
    for k in 1..=n {
        let online = k % 2 == 0;
        let q = Sql::new(
            "INSERT INTO community_cards (card_no, id_number, name, sex, birth_date, phone, township_id, \
             registered_via, verified_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .arg(format!("{prefix}{k:04}"))
        .arg(format!("{prefix}-ID-{k:06}"))
        .arg(format!("学员{k}"))
        .arg(if k % 3 == 0 { "m" } else { "f" })
        .arg(NaiveDate::from_ymd_opt(1960 + (k % 40) as i32, 1, 1).unwrap())
        .arg(format!("139{k:08}"))
        .arg(township)
        .arg(if online { "online" } else { "desk" })
        .arg(if online { None } else { Some(platform::time::today()) })
        .arg(now)
        .arg(now);
        ids.push(app.db.scalar(q).await.expect("card"));
    }
    ids
}

/// A day `n` days from today.
pub fn day(n: i64) -> NaiveDate {
    platform::time::today() + Duration::days(n)
}

/// Opens a course at `institution` and a session of it meeting weekly from
/// `first` (its weekday, 14:00–16:00) to `last`; returns the session's id.
pub async fn open_session(
    c: &mut Client,
    institution: i64,
    first: NaiveDate,
    last: NaiveDate,
    capacity: &str,
) -> i64 {
    let (s, course) = c
        .post_json(
            "/api/v1/community/courses",
            &json!({"institution_id": institution, "title": "智能手机应用", "kind": "digital", "hours_per_session": "2"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{course}");
    let (s, session) = c
        .post_json(
            "/api/v1/community/sessions",
            &json!({"course_id": course, "title": "手机班", "place": "电脑教室", "first_day": first, "last_day": last,
                    "capacity": capacity, "enrol_open": true,
                    "weekday": first.weekday().number_from_monday().to_string(), "starts": "14:00", "ends": "16:00"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{session}");
    session.as_i64().unwrap()
}

/// The session's detail through the API.
pub async fn detail(c: &Client, id: i64) -> Value {
    let (s, v) = c
        .get_json(&format!("/api/v1/community/sessions/{id}"))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v
}

/// Enrols a card number at the desk.
pub async fn enrol(c: &mut Client, session: i64, card_no: &str) -> (StatusCode, Value) {
    c.post_json(
        &format!("/api/v1/community/sessions/{session}/enrolments"),
        &json!({"card_no": card_no}),
    )
    .await
}

/// The first field an error body names.
pub fn field(v: &Value) -> &str {
    v["fields"][0]["field"].as_str().unwrap_or("")
}

pub async fn count(app: &TestApp, sql: &str) -> i64 {
    app.db.scalar(Sql::new(sql)).await.expect("count")
}
