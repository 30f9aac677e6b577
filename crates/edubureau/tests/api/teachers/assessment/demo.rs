//! The inbox reminder of last year's grades, and the demo's assessments.

use platform::auth::Role;
use platform::db::Sql;
use reqwest::StatusCode;

use super::{batch, last_year, school_with_staff};
use crate::both_backends;
use crate::common::{Backend, TestApp};

both_backends!(
    a_school_is_reminded_of_last_years_grades,
    |backend: Backend| async move {
        let (app, school, ids) = school_with_staff(backend, 2).await;
        let tasks = |app: &TestApp| {
            let db = app.db.clone();
            async move {
                let caller = platform::auth::Caller {
                    who: platform::audit::Who::system("test"),
                    role: Role::Institution,
                    scope: platform::auth::Scope::Institution(platform::InstitutionId(school)),
                };
                teachers::service::pending::tasks(&db, &caller)
                    .await
                    .expect("tasks")
            }
        };
        let found = tasks(&app).await;
        let ungraded: Vec<_> = found
            .iter()
            .filter(|t| t.label.contains("年度考核结果未录入"))
            .collect();
        assert_eq!(ungraded.len(), 1, "{found:?}");
        assert_eq!(ungraded[0].count, 2);
        let mut c = app.login("school003").await;
        let (s, _) = c
            .post_json(
                "/api/v1/teachers/assessments",
                &batch(last_year(), &[(ids[0], "合格"), (ids[1], "合格")]),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let left = tasks(&app).await;
        assert!(
            !left.iter().any(|t| t.label.contains("年度考核结果未录入")),
            "{left:?}"
        );
    }
);

both_backends!(
    the_demo_grades_three_years_within_each_quota,
    |backend: Backend| async move {
        let (app, _, _) = school_with_staff(backend, 30).await;
        let size = platform::area::DemoSize::Small;
        let made = teachers::service::assessment::fill_demo(&app.db, size)
            .await
            .expect("demo");
        assert_eq!(made, 30 * 4);
        for year in last_year() - 2..=last_year() {
            let excellent: i64 = app
                .db
                .scalar(
                    Sql::new("SELECT COUNT(*) FROM teachers_assessments WHERE year = $1 AND grade = 'excellent'")
                        .arg(year),
                )
                .await
                .expect("count");
            assert_eq!(excellent, 5, "17 % of 30 within the quota of 6");
        }
    }
);
