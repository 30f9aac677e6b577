//! The demo's fitness tests: every pupil of grades 1–12 over three school
//! years, scored, with a realistic band mix, reported on the start page.

use platform::db::Sql;
use reqwest::StatusCode;

use super::YEAR;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

async fn count(app: &crate::common::TestApp, sql: &str) -> i64 {
    app.db.scalar(Sql::new(sql)).await.expect(sql)
}

both_backends!(
    the_demo_tests_its_pupils_over_three_years,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let years: Vec<(i64,)> = app
            .db
            .fetch_all(Sql::new(
                "SELECT DISTINCT school_year FROM fitness_tests ORDER BY school_year",
            ))
            .await
            .expect("years");
        assert_eq!(years, [(YEAR - 2,), (YEAR - 1,), (YEAR,)]);
        let enrolled = count(&app, "SELECT COUNT(*) FROM students_enrolments WHERE status <> 'left' AND grade BETWEEN 1 AND 12").await;
        let now = count(
            &app,
            &format!("SELECT COUNT(*) FROM fitness_tests WHERE school_year = {YEAR}"),
        )
        .await;
        // A few wait for this year's test.
        assert!(
            now * 100 >= enrolled * 93 && now < enrolled,
            "{now} of {enrolled}"
        );
        let unscored = count(&app, "SELECT COUNT(*) FROM fitness_tests WHERE exempt = FALSE AND (total IS NULL OR level IS NULL OR bmi_category IS NULL)").await;
        assert_eq!(unscored, 0);
        let scored = count(&app, &format!("SELECT COUNT(*) FROM fitness_tests WHERE total IS NOT NULL AND school_year = {YEAR}")).await;
        let failed = count(
            &app,
            &format!(
                "SELECT COUNT(*) FROM fitness_tests WHERE level = 'fail' AND school_year = {YEAR}"
            ),
        )
        .await;
        let good = count(&app, &format!("SELECT COUNT(*) FROM fitness_tests WHERE level IN ('excellent', 'good') AND school_year = {YEAR}")).await;
        let pass = (scored - failed) * 100 / scored;
        let good = good * 100 / scored;
        assert!((85..=95).contains(&pass), "合格率 {pass}%");
        assert!((14..=28).contains(&good), "优良率 {good}%");

        let admin = app.login("admin").await;
        let (s, html) = admin.get_text("/fitness").await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            html.contains("合格率") && html.contains("2026—2027学年"),
            "{html}"
        );
    }
);
