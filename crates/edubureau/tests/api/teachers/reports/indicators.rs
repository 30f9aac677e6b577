//! The area's indicators through the platform's contract, on the fixture.

use chrono::NaiveDate;
use platform::db::Sql;
use serde_json::json;

use super::{exec, four_teachers, other_school, primary_pupils, primary_school};
use crate::both_backends;
use crate::common::{Backend, Client};

async fn value(c: &Client, key: &str, query: &str) -> Vec<f64> {
    let (s, v) = c
        .get_json(&format!("/api/v1/indicators/{key}?by=institution{query}"))
        .await;
    assert_eq!(s, 200, "{key}: {v}");
    v.as_array()
        .expect("values")
        .iter()
        .map(|x| x["value"].as_f64().expect("value"))
        .collect()
}

/// Hours of one session credited to a teacher on a day.
async fn attend(app: &crate::common::TestApp, session: i64, staff: i64, on: &str, hours: i64) {
    let on = NaiveDate::parse_from_str(on, "%Y-%m-%d").expect("date");
    exec(
        app,
        Sql::new("INSERT INTO teachers_training_attendance (session_id, staff_id, attended_on, hours, recorded_at) VALUES ($1, $2, $3, $4, $5)")
            .arg(session)
            .arg(staff)
            .arg(on)
            .arg(hours)
            .arg(chrono::Utc::now()),
    )
    .await;
}

async fn session(app: &crate::common::TestApp, year: i32) -> i64 {
    let project = app
        .db
        .scalar(
            Sql::new("INSERT INTO teachers_training_projects (name, level, year, created_at) VALUES ($1, 'district', $2, $3) RETURNING id")
                .arg(format!("{year}年培训"))
                .arg(i64::from(year))
                .arg(chrono::Utc::now()),
        )
        .await
        .expect("project");
    let day = NaiveDate::from_ymd_opt(year, 3, 1).expect("date");
    app.db
        .scalar(
            Sql::new("INSERT INTO teachers_training_sessions (project_id, title, starts_on, ends_on, hours) VALUES ($1, '集中培训', $2, $2, 400) RETURNING id")
                .arg(project)
                .arg(day),
        )
        .await
        .expect("session")
}

both_backends!(indicators_count_the_fixture, |b: Backend| async move {
    let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
    let (school, account) = primary_school(&app).await;
    let t = four_teachers(&app, school).await;
    let own = app.login(&account).await;

    assert_eq!(value(&own, "teachers.full_time", "").await, [4.0]);
    assert_eq!(value(&own, "teachers.senior_title_share", "").await, [50.0]);
    let pupils: i64 = app
        .db
        .scalar(Sql::new("SELECT COUNT(*) FROM students_enrolments WHERE status <> 'left' AND institution_id = ").bind(school))
        .await
        .expect("pupils");
    assert!(pupils >= primary_pupils(&app, school).await);
    assert_eq!(
        value(&own, "teachers.student_teacher_ratio", "").await,
        [pupils as f64 / 4.0]
    );

    // The cycle from 2022: by 2026 the whole 360 hours are due. One teacher
    // has them within the cycle, one too few, one earned them before it.
    let (before, within) = (session(&app, 2021).await, session(&app, 2023).await);
    attend(&app, within, t[0], "2023-03-01", 360).await;
    attend(&app, within, t[1], "2023-03-01", 200).await;
    attend(&app, before, t[2], "2021-03-01", 400).await;
    assert_eq!(
        value(&own, "teachers.ce_compliance", "&on=2026-12-31").await,
        [25.0]
    );
    // In 2023 only two years' share (144 hours) is due: 360 and 200 both pass.
    assert_eq!(
        value(&own, "teachers.ce_compliance", "&on=2023-12-31").await,
        [50.0]
    );

    let mut admin = app.login("admin").await;
    let (_, post) =
        crate::teachers::recruitment::plan_with_post(&mut admin, "2025年招聘", school, 1).await;
    let a = crate::teachers::recruitment::applicant(&mut admin, post, "甲", "19990101", 11).await;
    crate::teachers::recruitment::scores(&mut admin, a, "90", "90").await;
    let hires = format!("/api/v1/teachers/recruitment/posts/{post}/hires");
    let (s, body) = admin
        .post_json(
            &hires,
            &json!({"applicant_ids": [a], "hired_on": "2025-08-01"}),
        )
        .await;
    assert_eq!(s, 201, "{body}");
    assert_eq!(
        value(&own, "teachers.recruited", "&from=2025-01-01&on=2025-12-31").await,
        [1.0]
    );
    assert!(
        value(&own, "teachers.recruited", "&from=2024-01-01&on=2024-12-31")
            .await
            .is_empty()
    );
    // The hire is on staff from August 2025.
    assert_eq!(
        value(&own, "teachers.full_time", "&on=2025-09-01").await,
        [5.0]
    );

    let other = app.login(&other_school(&app, school).await).await;
    assert!(value(&other, "teachers.full_time", "")
        .await
        .iter()
        .all(|v| *v == 0.0));
});
