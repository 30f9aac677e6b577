//! Staff rows written straight into the database, for tests of the parts
//! that read staff records without creating them through the staff pages.

#![allow(dead_code)]

use platform::db::Sql;

use super::super::students::id_for;
use crate::common::TestApp;

/// What a test needs to say about a member of staff; the rest is plain.
pub struct Staff<'a> {
    pub institution_id: i64,
    pub name: &'a str,
    /// YYYYMMDD; also makes the national ID.
    pub birth: &'a str,
    pub seq: u32,
    pub title_series: Option<&'a str>,
    pub title_level: &'a str,
    pub title_obtained_on: Option<&'a str>,
    pub stage: Option<&'a str>,
    pub subjects: &'a str,
}

impl Default for Staff<'_> {
    fn default() -> Self {
        Staff {
            institution_id: 0,
            name: "测试教师",
            birth: "19850301",
            seq: 1,
            title_series: Some("primary"),
            title_level: "second",
            title_obtained_on: Some("2018-09-01"),
            stage: Some("primary"),
            subjects: "语文",
        }
    }
}

fn date(text: Option<&str>) -> Option<chrono::NaiveDate> {
    text.map(|t| chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").expect("date"))
}

/// Inserts a full-time, in-quota teacher with an open appointment at the
/// institution; returns the staff id.
pub async fn insert_staff(app: &TestApp, s: Staff<'_>) -> i64 {
    let now = chrono::Utc::now();
    let national_id = id_for(s.birth, s.seq);
    let birth = chrono::NaiveDate::parse_from_str(s.birth, "%Y%m%d").expect("birth");
    let sex = if s.seq % 2 == 1 { "male" } else { "female" };
    let id: i64 = app
        .db
        .scalar(
            Sql::new(
                "INSERT INTO teachers_staff (institution_id, national_id, name, sex, birth_date, \
                 post_category, establishment, subjects, stage, title_series, title_level, \
                 title_obtained_on, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, 'technical', 'in_quota', $6, $7, $8, $9, $10, $11, $11) \
                 RETURNING id",
            )
            .arg(s.institution_id)
            .arg(national_id)
            .arg(s.name)
            .arg(sex)
            .arg(birth)
            .arg(s.subjects)
            .arg(s.stage)
            .arg(s.title_series)
            .arg(s.title_level)
            .arg(date(s.title_obtained_on))
            .arg(now),
        )
        .await
        .expect("staff");
    app.db
        .execute(
            Sql::new(
                "INSERT INTO teachers_postings (staff_id, kind, institution_id, starts_on, created_at) \
                 VALUES ($1, 'appointment', $2, $3, $4)",
            )
            .arg(id)
            .arg(s.institution_id)
            .arg(date(Some("2010-09-01")))
            .arg(now),
        )
        .await
        .expect("posting");
    id
}

/// Empties every table of the teachers area, children first: for tests
/// that count what they make themselves, on the demo district's accounts
/// and institutions but without its staff.
pub async fn without_demo_staff(app: &TestApp) {
    const TABLES: &[&str] = &[
        "teachers_title_applications",
        "teachers_title_quotas",
        "teachers_title_rounds",
        "teachers_recruitment_applicants",
        "teachers_recruitment_posts",
        "teachers_recruitment_plans",
        "teachers_studio_activities",
        "teachers_studio_members",
        "teachers_studios",
        "teachers_training_attendance",
        "teachers_training_sessions",
        "teachers_training_projects",
        "teachers_assessments",
        "teachers_staff_changes",
        "teachers_honours",
        "teachers_postings",
        "teachers_staff",
    ];
    for table in TABLES {
        app.db
            .execute(Sql::new(format!("DELETE FROM {table}")))
            .await
            .expect("empty a teachers table");
    }
}

/// A server on the demo district whose teachers tables are empty.
pub async fn spawn_without_demo_staff(backend: crate::common::Backend) -> TestApp {
    let app = crate::common::spawn_app(backend).await;
    without_demo_staff(&app).await;
    app
}
