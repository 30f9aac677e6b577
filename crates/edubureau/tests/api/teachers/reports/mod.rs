//! 统计报表 and the area's indicators, on a small fixture of teachers at
//! one school of the demo district.

mod indicators;
mod tables;

use platform::db::Sql;

use super::fixtures::{insert_staff, Staff};
use crate::common::TestApp;

/// Four full-time primary teachers at `school` (titles 高级, 正高级, 一级,
/// 二级; one 骨干教师), one part-time and one who has left the school,
/// neither counted; returns the four counted.
pub async fn four_teachers(app: &TestApp, school: i64) -> Vec<i64> {
    let mut ids = vec![];
    for (seq, level, education) in [
        (31, "senior", "本科"),
        (32, "professor", "硕士研究生"),
        (33, "first", "专科"),
        (34, "second", "中专"),
    ] {
        let staff = Staff {
            institution_id: school,
            seq,
            title_level: level,
            birth: "19800101",
            ..Default::default()
        };
        let id = insert_staff(app, staff).await;
        exec(
            app,
            Sql::new("UPDATE teachers_staff SET education = ")
                .bind(education)
                .push(" WHERE id = ")
                .bind(id),
        )
        .await;
        ids.push(id);
    }
    exec(
        app,
        Sql::new("UPDATE teachers_staff SET backbone_level = 'backbone' WHERE id = ").bind(ids[0]),
    )
    .await;
    let part_time = insert_staff(
        app,
        Staff {
            institution_id: school,
            seq: 35,
            title_level: "senior",
            ..Default::default()
        },
    )
    .await;
    exec(
        app,
        Sql::new("UPDATE teachers_staff SET full_time = FALSE WHERE id = ").bind(part_time),
    )
    .await;
    let gone = insert_staff(
        app,
        Staff {
            institution_id: school,
            seq: 36,
            ..Default::default()
        },
    )
    .await;
    let ended = chrono::NaiveDate::from_ymd_opt(2020, 7, 31).expect("date");
    exec(
        app,
        Sql::new("UPDATE teachers_postings SET ends_on = ")
            .bind(ended)
            .push(" WHERE staff_id = ")
            .bind(gone),
    )
    .await;
    ids
}

pub async fn exec(app: &TestApp, q: Sql) {
    app.db.execute(q).await.expect("fixture");
}

/// Primary pupils of `school` now (grades 1–6, not left).
pub async fn primary_pupils(app: &TestApp, school: i64) -> i64 {
    app.db
        .scalar(
            Sql::new("SELECT COUNT(*) FROM students_enrolments WHERE status <> 'left' AND grade BETWEEN 1 AND 6 AND institution_id = ")
                .bind(school),
        )
        .await
        .expect("count")
}

/// The demo school with most primary pupils, and its account.
pub async fn primary_school(app: &TestApp) -> (i64, String) {
    let id = app
        .db
        .scalar(Sql::new(
            "SELECT institution_id FROM students_enrolments WHERE status <> 'left' AND grade BETWEEN 1 AND 6 \
             GROUP BY institution_id ORDER BY COUNT(*) DESC, institution_id LIMIT 1",
        ))
        .await
        .expect("a primary school");
    (id, account(app, "institution_id = ", id).await)
}

/// The first institution account matching `condition` on `id`.
async fn account(app: &TestApp, condition: &str, id: i64) -> String {
    let (name,): (String,) = app
        .db
        .fetch_one(
            Sql::new("SELECT MIN(username) FROM users WHERE institution_id IS NOT NULL AND ")
                .push(condition)
                .bind(id),
        )
        .await
        .expect("an account");
    name
}

/// An account of another institution than `school`.
pub async fn other_school(app: &TestApp, school: i64) -> String {
    account(app, "institution_id <> ", school).await
}
