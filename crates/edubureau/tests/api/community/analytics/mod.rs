//! Analytics over the shared tables: participation by street, age band and
//! course type, the monthly report as .xlsx, the start page's figures, the
//! indicators, and what a school sees.

mod participation;

use chrono::{NaiveDate, TimeZone};
use platform::db::Sql;

use crate::common::{empty_tables, Backend, TestApp};
use crate::community::network::fixtures;

/// A demo app with none of the area's records.
async fn spawn(b: Backend) -> TestApp {
    let app = fixtures::spawn(b).await;
    empty_tables(&app, crate::common::COMMUNITY_TABLES).await;
    app
}

async fn id(app: &TestApp, q: Sql) -> i64 {
    app.db.scalar(q).await.expect("insert")
}

/// Noon (China time) of a day.
fn noon(day: &str) -> chrono::DateTime<chrono::Utc> {
    let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
    platform::time::beijing()
        .from_local_datetime(&d.and_hms_opt(12, 0, 0).unwrap())
        .unwrap()
        .with_timezone(&chrono::Utc)
}

/// A course of `kind` with one session at `institution`: the session's id.
async fn session(app: &TestApp, institution: i64, kind: &str) -> i64 {
    let now = platform::time::now();
    let course = id(
        app,
        Sql::new(
            "INSERT INTO community_courses (institution_id, title, kind, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .arg(institution)
        .arg(format!("{kind} 课程"))
        .arg(kind)
        .arg(now)
        .arg(now),
    )
    .await;
    id(
        app,
        Sql::new(
            "INSERT INTO community_sessions (course_id, institution_id, title, first_day, last_day, \
             capacity, created_at, updated_at) VALUES ($1, $2, '春季班', $3, $4, 30, $5, $6) RETURNING id",
        )
        .arg(course)
        .arg(institution)
        .arg(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap())
        .arg(NaiveDate::from_ymd_opt(2030, 12, 31).unwrap())
        .arg(now)
        .arg(now),
    )
    .await
}

/// A learning card of someone born on `born` living in `township`.
async fn card(app: &TestApp, n: i64, born: &str, township: i64) -> i64 {
    let now = platform::time::now();
    id(
        app,
        Sql::new(
            "INSERT INTO community_cards (card_no, id_number, name, sex, birth_date, phone, \
             township_id, registered_via, created_at, updated_at) \
             VALUES ($1, $2, '学员', 'f', $3, '13800000000', $4, 'desk', $5, $6) RETURNING id",
        )
        .arg(format!("NX{n:08}"))
        .arg(format!("ID{n:016}"))
        .arg(NaiveDate::parse_from_str(born, "%Y-%m-%d").unwrap())
        .arg(township)
        .arg(now)
        .arg(now),
    )
    .await
}

/// A card's attendance of `minutes` at a meeting of `session` on `day`.
async fn attend(app: &TestApp, session: i64, card: i64, day: &str, minutes: i64) {
    let at = noon(day);
    let meeting = id(
        app,
        Sql::new(
            "INSERT INTO community_meetings (session_id, starts_at, ends_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .arg(session)
        .arg(at)
        .arg(at + chrono::Duration::minutes(minutes)),
    )
    .await;
    id(
        app,
        Sql::new(
            "INSERT INTO community_attendance (meeting_id, session_id, card_id, minutes, attended_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .arg(meeting)
        .arg(session)
        .arg(card)
        .arg(minutes)
        .arg(at),
    )
    .await;
}
