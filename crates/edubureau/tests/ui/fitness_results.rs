//! End-to-end story of recording a pupil's fitness test in a real headless
//! Chromium: a school opens its classes, a class's results, enters one
//! pupil's results, sees them scored, and finds them in the class's list.

use crate::common::browser::with_browser;
use fitness::domain::results::{Field, Sheet};
use platform::db::Sql;
use platform::vocab::{SchoolYear, Sex};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_school_records_a_pupils_test_and_sees_it_scored() {
    with_browser(|b| async move {
        crate::common::empty_tables(&b.app, &["fitness_tests"]).await;
        let school = b.app.institution_of("school003").await;
        let (name, grade, class, sex): (String, i64, String, String) = b
            .app
            .db
            .fetch_one(
                Sql::new(
                    "SELECT s.name, e.grade, e.class_name, s.sex FROM students_enrolments e \
                     JOIN students s ON s.id = e.student_id WHERE e.status <> 'left' \
                     AND e.grade BETWEEN 1 AND 12 AND e.institution_id = ",
                )
                .bind(school)
                .push(" AND e.school_year = ")
                .bind(SchoolYear::current().0)
                .push(" ORDER BY e.grade, e.class_name, s.name, e.student_id LIMIT 1"),
            )
            .await
            .expect("a pupil");
        let sex = if sex == "2" { Sex::Female } else { Sex::Male };
        let values = [
            ("height", "140.0"),
            ("weight", "35.0"),
            ("vital_capacity", "2000"),
            ("sprint_50m", "9.5"),
            ("standing_long_jump", "180"),
            ("sit_and_reach", "8.0"),
            ("run_800m", "4'00"),
            ("run_1000m", "4'10"),
            ("sit_ups", "35"),
            ("pull_ups", "5"),
            ("rope_skipping", "120"),
            ("shuttle_8x50m", "1'50"),
        ];
        let taken = Field::taken_by(grade as u8, sex);
        let mut sheet = Sheet::default();

        b.login("school003").await;
        b.goto("/fitness/classes").await;
        let rows = b.rows("fitness-classes").await;
        assert!(
            rows.iter().any(|r| r[1] == class),
            "the class is listed: {rows:?}"
        );
        b.goto(&format!(
            "/fitness/classes?institution={school}&year={}&grade={grade}&class={class}",
            SchoolYear::current().0
        ))
        .await;
        b.follow_link("录入").await;
        assert!(b.body_text().await.contains(&name));
        for (column, v) in values {
            let f = Field::named(column).unwrap();
            if taken.contains(&f) {
                b.fill(column, v).await;
                sheet.set(f, f.parse(v));
            }
        }
        b.press("保存并评分").await;
        b.expect_status(200, "saved and scored").await;
        let total = sheet
            .score(grade as u8, sex)
            .expect("complete")
            .total
            .to_string();
        assert!(
            b.body_text().await.contains(&format!("学年总分 {total}")),
            "{total}"
        );
        b.follow_link("返回班级成绩").await;
        let roster = b.rows("fitness-roster").await;
        let row = roster
            .iter()
            .find(|r| r[0] == name)
            .expect("the pupil's row");
        assert!(row.contains(&total), "{row:?}");
        b.screenshot("fitness-class.png", None).await;
    })
    .await;
}
