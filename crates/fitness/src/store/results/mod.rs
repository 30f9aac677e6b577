//! 体测成绩 rows: a class's pupils with their tests, one test, the pupils
//! of a year for an import, the rows of an export; writes of one test, a
//! bulk load ([`bulk`]) and batched rescoring ([`rescore`]).

pub mod bulk;
mod columns;
pub mod export;
pub mod rescore;

use chrono::{DateTime, NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use platform::vocab::Sex;
use platform::InstitutionId;
use serde::Serialize;

pub use columns::{Raw, Scores, RAW_COLUMNS, SCORE_COLUMNS};

/// The stored sex of `fitness_tests` (`male`, `female`).
pub fn sex_key(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => "male",
        Sex::Female => "female",
    }
}

/// The sex of a stored key or a GB/T 2261.1 code.
pub fn sex_of(key: &str) -> Sex {
    if key == "female" || key == "2" {
        Sex::Female
    } else {
        Sex::Male
    }
}

/// One test with its pupil's name and ID number.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct TestRow {
    pub id: i64,
    pub student_id: i64,
    pub institution_id: i64,
    pub school_year: i64,
    pub grade: i64,
    pub class_name: String,
    /// male, female.
    pub sex: String,
    pub exempt: bool,
    pub student_name: String,
    pub id_number: String,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub raw: Raw,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub scores: Scores,
}

/// A class of a school year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClassOf<'a> {
    pub institution: InstitutionId,
    pub year: i64,
    pub grade: i64,
    pub class_name: &'a str,
}

/// A pupil of the class with their test of the year, if any.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct RosterRow {
    pub student_id: i64,
    pub student_name: String,
    pub id_number: String,
    /// GB/T 2261.1: 1 男, 2 女.
    pub sex_code: String,
    pub test_id: Option<i64>,
    pub exempt: Option<bool>,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub raw: Raw,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub scores: Scores,
}

/// Enrolments of the school year: current ones and those that ended with
/// the year (promoted, graduated).
const OF_THE_YEAR: &str = " AND (e.status <> 'left' OR e.left_reason IN ('promoted', 'graduated'))";

pub(crate) fn test_columns(prefix: &str) -> String {
    RAW_COLUMNS
        .iter()
        .chain(SCORE_COLUMNS.iter())
        .map(|c| format!("{prefix}{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The pupils of a class, by name, each with the year's test.
pub async fn roster(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    class: ClassOf<'_>,
) -> Result<Vec<RosterRow>, DbError> {
    let q = Sql::new(format!(
        "SELECT e.student_id, s.name AS student_name, s.id_number, s.sex AS sex_code, \
         t.id AS test_id, t.exempt, {} FROM students_enrolments e \
         JOIN students s ON s.id = e.student_id \
         LEFT JOIN fitness_tests t ON t.student_id = e.student_id AND t.school_year = e.school_year \
         WHERE e.institution_id = ",
        test_columns("t.")
    ))
    .bind(class.institution)
    .push(" AND e.school_year = ")
    .bind(class.year)
    .push(" AND e.grade = ")
    .bind(class.grade)
    .push(" AND e.class_name = ")
    .bind(class.class_name)
    .push(OF_THE_YEAR);
    let q = scope.restrict(q, "e.institution_id");
    ex.into()
        .fetch_all(q.push(" ORDER BY s.name, e.student_id"))
        .await
}

/// A class of an institution's year with its pupils and tests counted.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ClassCount {
    pub grade: i64,
    pub class_name: String,
    pub pupils: i64,
    pub tested: i64,
}

/// The classes of grades 1–12 of an institution's year.
pub async fn classes(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    institution: InstitutionId,
    year: i64,
) -> Result<Vec<ClassCount>, DbError> {
    let q = Sql::new(
        "SELECT e.grade, e.class_name, COUNT(*) AS pupils, COUNT(t.id) AS tested \
         FROM students_enrolments e LEFT JOIN fitness_tests t \
         ON t.student_id = e.student_id AND t.school_year = e.school_year \
         WHERE e.grade BETWEEN 1 AND 12 AND e.institution_id = ",
    )
    .bind(institution)
    .push(" AND e.school_year = ")
    .bind(year)
    .push(OF_THE_YEAR);
    let q = scope.restrict(q, "e.institution_id");
    ex.into()
        .fetch_all(q.push(" GROUP BY e.grade, e.class_name ORDER BY e.grade, e.class_name"))
        .await
}

/// One test, if in scope.
pub async fn test(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    id: i64,
) -> Result<Option<TestRow>, DbError> {
    let q = Sql::new(format!(
        "SELECT t.id, t.student_id, t.institution_id, t.school_year, t.grade, t.class_name, \
         t.sex, t.exempt, s.name AS student_name, s.id_number, {} \
         FROM fitness_tests t JOIN students s ON s.id = t.student_id WHERE t.id = ",
        test_columns("t.")
    ))
    .bind(id);
    ex.into()
        .fetch_optional(scope.restrict(q, "t.institution_id"))
        .await
}

/// A pupil as enrolled in a school year (for recording and importing).
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct PupilRow {
    pub student_id: i64,
    pub institution_id: i64,
    pub grade: i64,
    pub class_name: String,
    /// 1 男, 2 女.
    pub sex_code: String,
    pub name: String,
    pub id_number: String,
    pub test_id: Option<i64>,
}

fn pupils_query(year: i64) -> Sql {
    Sql::new(
        "SELECT e.student_id, e.institution_id, e.grade, e.class_name, s.sex AS sex_code, \
         s.name, s.id_number, t.id AS test_id FROM students_enrolments e \
         JOIN students s ON s.id = e.student_id \
         LEFT JOIN fitness_tests t ON t.student_id = e.student_id AND t.school_year = e.school_year \
         WHERE e.grade BETWEEN 1 AND 12 AND e.school_year = ",
    )
    .bind(year)
    .push(OF_THE_YEAR)
}

/// A student's enrolment in the year, if in scope.
pub async fn pupil(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    student: i64,
    year: i64,
) -> Result<Option<PupilRow>, DbError> {
    let q = pupils_query(year)
        .push(" AND e.student_id = ")
        .bind(student);
    let q = scope.restrict(q, "e.institution_id");
    ex.into()
        .fetch_optional(q.push(" ORDER BY e.id DESC LIMIT 1"))
        .await
}

/// The pupils of the year of one institution (or of all), in enrolment
/// order (a later enrolment of the same pupil comes later).
pub async fn pupils_of_year(
    ex: impl Into<Ex<'_>>,
    institution: Option<InstitutionId>,
    year: i64,
) -> Result<Vec<PupilRow>, DbError> {
    let mut q = pupils_query(year);
    if let Some(i) = institution {
        q = q.push(" AND e.institution_id = ").bind(i);
    }
    ex.into().fetch_all(q.push(" ORDER BY e.id")).await
}

/// What a new or changed test stores.
pub struct Write<'a> {
    pub exempt: bool,
    pub tested_on: Option<NaiveDate>,
    pub raw: &'a Raw,
    pub scores: &'a Scores,
    pub at: DateTime<Utc>,
}

fn bind_raw(mut q: Sql, raw: &Raw) -> Sql {
    for (k, v) in raw.values().into_iter().enumerate() {
        q = if k > 0 { q.push(", ") } else { q };
        q = q.bind(v);
    }
    q
}

/// Stores a pupil's first test of the year.
pub async fn insert(
    tx: &mut Tx,
    pupil: &PupilRow,
    year: i64,
    w: &Write<'_>,
) -> Result<i64, DbError> {
    let q = Sql::new(format!(
        "INSERT INTO fitness_tests (student_id, institution_id, school_year, grade, class_name, \
         sex, tested_on, exempt, {}, scored_at, created_at, updated_at) VALUES (",
        test_columns("")
    ))
    .bind(pupil.student_id)
    .push(", ")
    .bind(pupil.institution_id)
    .push(", ")
    .bind(year)
    .push(", ")
    .bind(pupil.grade)
    .push(", ")
    .bind(pupil.class_name.as_str())
    .push(", ")
    .bind(sex_key(sex_of(&pupil.sex_code)))
    .push(", ")
    .bind(w.tested_on)
    .push(", ")
    .bind(w.exempt)
    .push(", ");
    let q = w.scores.bind(bind_raw(q, w.raw), |_| ", ".to_string());
    let q = q
        .push(", ")
        .bind(w.scores.total.map(|_| w.at))
        .push(", ")
        .bind(w.at)
        .push(", ")
        .bind(w.at)
        .push(") RETURNING id");
    tx.scalar(q).await
}

/// Changes a stored test's results and scores.
pub async fn update(tx: &mut Tx, id: i64, w: &Write<'_>) -> Result<u64, DbError> {
    let mut q = Sql::new("UPDATE fitness_tests SET exempt = ")
        .bind(w.exempt)
        .push(", tested_on = ")
        .bind(w.tested_on);
    for (column, v) in RAW_COLUMNS.iter().zip(w.raw.values()) {
        q = q.push(&format!(", {column} = ")).bind(v);
    }
    let q = w
        .scores
        .bind(q, |column| format!(", {column} = "))
        .push(", scored_at = ")
        .bind(w.scores.total.map(|_| w.at))
        .push(", updated_at = ")
        .bind(w.at)
        .push(" WHERE id = ")
        .bind(id);
    tx.execute(q).await
}
