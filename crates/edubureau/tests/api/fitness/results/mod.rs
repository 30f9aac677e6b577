//! Recording, import, export and rescoring of test results, with the
//! scoping of every id-taking route.

mod files;
mod record;
mod scoping;

use std::collections::HashMap;

use platform::db::Sql;
use platform::vocab::{SchoolYear, Sex};
use serde_json::{json, Value};

use crate::common::TestApp;
use fitness::domain::results::{Field, Sheet};

/// A pupil of the year as enrolled.
#[derive(Clone, Debug)]
pub struct Pupil {
    pub student_id: i64,
    pub grade: i64,
    pub class_name: String,
    pub sex: Sex,
    pub id_number: String,
    pub name: String,
}

pub fn year() -> i64 {
    SchoolYear::current().0
}

/// The pupils (grades 1–12) of an account's school this year, by grade,
/// class and id.
pub async fn pupils(app: &TestApp, username: &str) -> Vec<Pupil> {
    let school = app.institution_of(username).await;
    let rows: Vec<(i64, i64, String, String, String, String)> = app
        .db
        .fetch_all(
            Sql::new(
                "SELECT e.student_id, e.grade, e.class_name, s.sex, s.id_number, s.name \
                 FROM students_enrolments e JOIN students s ON s.id = e.student_id \
                 WHERE e.status <> 'left' AND e.grade BETWEEN 1 AND 12 AND e.institution_id = ",
            )
            .bind(school)
            .push(" AND e.school_year = ")
            .bind(year())
            .push(" ORDER BY e.grade, e.class_name, e.student_id"),
        )
        .await
        .expect("pupils");
    rows.into_iter()
        .map(
            |(student_id, grade, class_name, sex, id_number, name)| Pupil {
                student_id,
                grade,
                class_name,
                sex: if sex == "2" { Sex::Female } else { Sex::Male },
                id_number,
                name,
            },
        )
        .collect()
}

/// The pupils of the first class with at least `n` of them.
pub async fn class_of(app: &TestApp, username: &str, n: usize) -> Vec<Pupil> {
    let all = pupils(app, username).await;
    let mut by_class: Vec<Vec<Pupil>> = Vec::new();
    for p in all {
        match by_class.last_mut() {
            Some(c) if c[0].grade == p.grade && c[0].class_name == p.class_name => c.push(p),
            _ => by_class.push(vec![p]),
        }
    }
    by_class
        .into_iter()
        .find(|c| c.len() >= n)
        .expect("a class with enough pupils")
}

/// A result for every field the pupil's grade takes, as typed.
pub fn full_results(p: &Pupil) -> HashMap<&'static str, &'static str> {
    Field::taken_by(p.grade as u8, p.sex)
        .into_iter()
        .map(|f| {
            let v = match f.column() {
                "height" => "140.0",
                "weight" => "35.0",
                "vital_capacity" => "2000",
                "sprint_50m" => "9.5",
                "standing_long_jump" => "180",
                "sit_and_reach" => "8.0",
                "run_800m" => "4'00",
                "run_1000m" => "4'10",
                "sit_ups" => "35",
                "pull_ups" => "5",
                "rope_skipping" => "120",
                _ => "1'50",
            };
            (f.column(), v)
        })
        .collect()
}

/// The total (tenths) the standard gives those results.
pub fn expected_total(p: &Pupil) -> i64 {
    let mut sheet = Sheet::default();
    for (column, text) in full_results(p) {
        let f = Field::named(column).unwrap();
        sheet.set(f, f.parse(text));
    }
    sheet.score(p.grade as u8, p.sex).expect("complete").total.0
}

pub fn body(p: &Pupil, results: &HashMap<&str, &str>) -> Value {
    json!({ "student_id": p.student_id, "school_year": year(), "results": results })
}

/// Records the full results of a pupil; the test's id.
pub async fn record(c: &mut crate::common::Client, p: &Pupil) -> i64 {
    let (s, v) = c
        .post_json("/api/v1/fitness/tests", &body(p, &full_results(p)))
        .await;
    assert_eq!(s, reqwest::StatusCode::OK, "{v}");
    v["id"].as_i64().expect("id")
}

pub async fn count_tests(app: &TestApp) -> i64 {
    app.db
        .scalar(Sql::new("SELECT COUNT(*) FROM fitness_tests"))
        .await
        .expect("count")
}
