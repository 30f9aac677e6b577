//! The rows of an export in the national template: each stored test with
//! its pupil's 学生信息表 details.

use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql};
use platform::InstitutionId;

use super::{test_columns, Raw};

/// Which tests an export holds: a school's year, a grade or one class.
#[derive(Clone, Debug)]
pub struct ExportFilter {
    pub institution: InstitutionId,
    pub year: i64,
    pub grade: Option<i64>,
    pub class_name: Option<String>,
}

/// A stored test with its pupil.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ExportRow {
    pub grade: i64,
    pub class_name: String,
    pub sex: String,
    pub exempt: bool,
    pub name: String,
    pub id_number: String,
    pub ethnicity: String,
    pub birth_date: chrono::NaiveDate,
    pub address: String,
    #[sqlx(flatten)]
    pub raw: Raw,
    #[sqlx(flatten)]
    pub scores: super::Scores,
}

/// The tests of `filter`, by grade, class and name.
pub async fn rows(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    f: &ExportFilter,
) -> Result<Vec<ExportRow>, DbError> {
    let mut q = Sql::new(format!(
        "SELECT t.grade, t.class_name, t.sex, t.exempt, s.name, s.id_number, s.ethnicity, \
         s.birth_date, s.address, {} FROM fitness_tests t JOIN students s ON s.id = t.student_id \
         WHERE t.institution_id = ",
        test_columns("t.")
    ))
    .bind(f.institution)
    .push(" AND t.school_year = ")
    .bind(f.year);
    if let Some(g) = f.grade {
        q = q.push(" AND t.grade = ").bind(g);
    }
    if let Some(c) = &f.class_name {
        q = q.push(" AND t.class_name = ").bind(c.as_str());
    }
    let q = scope.restrict(q, "t.institution_id");
    ex.into()
        .fetch_all(q.push(" ORDER BY t.grade, t.class_name, s.name, t.id"))
        .await
}
