//! Fitness reports, report cards, indicators and the inbox, on a fixture
//! of known tests at two demo schools (the demo's own tests removed), and
//! the demo's tests themselves.

mod demo;
mod pages;
mod scoping;

use platform::db::Sql;

use crate::common::TestApp;

/// The fixture's current school year (the demo enrols for 2026—2027).
pub const YEAR: i64 = 2026;

/// The known tests: four pupils of one class at `school003`'s school and
/// one at `school001`'s.
pub struct Fixture {
    /// school003's institution and pupils a1…a4.
    pub school: i64,
    pub pupils: Vec<i64>,
    /// school001's institution and its pupil.
    pub other: i64,
    pub other_pupil: i64,
}

async fn enrolled_pupils(app: &TestApp, school: i64, n: i64) -> Vec<i64> {
    let rows: Vec<(i64,)> = app
        .db
        .fetch_all(
            Sql::new("SELECT student_id FROM students_enrolments WHERE status <> 'left' AND grade BETWEEN 1 AND 12 AND institution_id = ")
                .bind(school)
                .push(" ORDER BY student_id LIMIT ")
                .bind(n),
        )
        .await
        .expect("pupils");
    assert_eq!(rows.len() as i64, n, "school {school} has {n} pupils");
    rows.into_iter().map(|(id,)| id).collect()
}

/// One scored test: 学年总分 in tenths and its band, the 肺活量 score and
/// the BMI category.
#[allow(clippy::too_many_arguments)]
pub async fn insert_test(
    app: &TestApp,
    student: i64,
    school: i64,
    year: i64,
    grade: i64,
    total: i64,
    level: &str,
    vital_capacity_score: i64,
    bmi_category: &str,
) {
    let now = chrono::Utc::now();
    app.db
        .execute(
            Sql::new("INSERT INTO fitness_tests (student_id, institution_id, school_year, grade, class_name, sex, exempt, height, weight, vital_capacity, vital_capacity_score, bmi, bmi_category, bmi_score, standard_total, bonus, total, level, scored_at, created_at, updated_at) VALUES ($1, $2, $3, $4, '1班', 'male', FALSE, 1450, 380, 21000, $5, 181, $6, 100, $7, 0, $7, $8, $9, $9, $9)")
                .arg(student)
                .arg(school)
                .arg(year)
                .arg(grade)
                .arg(vital_capacity_score)
                .arg(bmi_category)
                .arg(total)
                .arg(level)
                .arg(now),
        )
        .await
        .expect("insert test");
}

/// The fixture on a fresh demo database: every demo test removed, then
/// (学年总分, band) in 2026 — a1 95.0 优秀, a2 82.0 良好, a3 70.0 及格,
/// a4 50.0 不及格 (肥胖), all in 六年级1班; in 2025 a1 85.0 良好 and a2
/// 55.0 不及格 in 五年级; at the other school one pupil 65.0 及格.
pub async fn fixture(app: &TestApp) -> Fixture {
    app.db
        .execute(Sql::new("DELETE FROM fitness_tests"))
        .await
        .expect("clear");
    let school = app.institution_of("school003").await;
    let other = app.institution_of("school001").await;
    let pupils = enrolled_pupils(app, school, 4).await;
    let other_pupil = enrolled_pupils(app, other, 1).await[0];
    let tests = [
        (0, 950, "excellent", 100, "正常"),
        (1, 820, "good", 80, "正常"),
        (2, 700, "pass", 60, "正常"),
        (3, 500, "fail", 40, "肥胖"),
    ];
    for (k, total, level, vc, bmi) in tests {
        insert_test(app, pupils[k], school, YEAR, 6, total, level, vc, bmi).await;
    }
    insert_test(app, pupils[0], school, YEAR - 1, 5, 850, "good", 90, "正常").await;
    insert_test(app, pupils[1], school, YEAR - 1, 5, 550, "fail", 50, "正常").await;
    insert_test(app, other_pupil, other, YEAR, 6, 650, "pass", 70, "超重").await;
    Fixture {
        school,
        pupils,
        other,
        other_pupil,
    }
}

/// Audit entries of `entity` with `action` by `username`.
pub async fn audited(app: &TestApp, username: &str, entity: &str) -> i64 {
    app.db
        .scalar(
            Sql::new("SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND username = ")
                .bind(username)
                .push(" AND entity = ")
                .bind(entity),
        )
        .await
        .expect("count")
}
