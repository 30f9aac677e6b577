//! Tests of the teachers area: staff_list — the start page, the list and
//! its API and export, the scope of a school, and the demo staff.

mod demo;
mod list;
mod scope;

use crate::both_backends;
use crate::common::{spawn_app, Backend};

use super::fixtures::{insert_staff, Staff};

both_backends!(
    a_fixture_teacher_is_stored_with_one_open_posting,
    |backend: Backend| async move {
        let app = spawn_app(backend).await;
        let school = app.institution_of("school003").await;
        let id = insert_staff(
            &app,
            Staff {
                institution_id: school,
                ..Staff::default()
            },
        )
        .await;
        let open: i64 = app
        .db
        .scalar(
            platform::db::Sql::new(
                "SELECT COUNT(*) FROM teachers_postings WHERE staff_id = $1 AND ends_on IS NULL",
            )
            .arg(id),
        )
        .await
        .expect("count");
        assert_eq!(open, 1);
        let second = app
            .db
            .execute(
                platform::db::Sql::new(
                    "INSERT INTO teachers_postings (staff_id, kind, institution_id, starts_on, created_at) \
                     VALUES ($1, 'transfer', $2, $3, $4)",
                )
                .arg(id)
                .arg(school)
                .arg(chrono::NaiveDate::from_ymd_opt(2024, 9, 1))
                .arg(chrono::Utc::now()),
            )
            .await;
        assert!(
            second.is_err(),
            "a second open posting is refused by the database"
        );
    }
);

/// One number the database gives.
pub async fn count(app: &crate::common::TestApp, sql: platform::db::Sql) -> i64 {
    app.db.scalar(sql).await.expect("count")
}
