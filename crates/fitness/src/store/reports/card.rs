//! A pupil's tests for the report card (成绩单): every school year, if the
//! pupil's latest test was at an institution of the caller's scope (a
//! school sees the earlier years a pupil brought along, never a pupil who
//! has moved on).

use platform::auth::Scope;
use platform::db::{Db, DbError, Sql};

use super::{score_column, Wide};
use crate::domain::reports::GradeTotal;
use crate::domain::{Item, Measure, Tenths};

/// The pupil and one school year's test, apart from the results.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Head {
    pub name: String,
    pub school_year: i64,
    pub grade: i64,
    pub institution_id: i64,
    pub institution: String,
    pub class_name: String,
    pub sex: String,
    pub exempt: bool,
    pub bmi_category: Option<String>,
    pub level: Option<String>,
}

/// One school year's test: results, scores and totals.
#[derive(Clone, Debug)]
pub struct Test {
    pub head: Head,
    pub height: Option<Measure>,
    pub weight: Option<Measure>,
    /// (item, result, score) of each item but the BMI; for the BMI the
    /// result is the BMI in tenths.
    pub items: Vec<(Item, Option<Measure>, Option<i64>)>,
    pub standard_total: Option<Tenths>,
    pub bonus: Option<i64>,
    pub total: Option<Tenths>,
}

impl Test {
    pub fn grade_total(&self) -> Option<GradeTotal> {
        Some(GradeTotal {
            grade: self.head.grade,
            total: self.total?,
        })
    }
}

/// The numeric columns, in the order [`Test`] reads them.
fn numbers() -> String {
    let mut cols = vec!["f.height".to_string(), "f.weight".to_string()];
    for item in Item::ALL {
        let result = if *item == Item::Bmi {
            "bmi"
        } else {
            item.as_str()
        };
        cols.push(format!("f.{result}"));
        cols.push(format!("f.{}", score_column(*item)));
    }
    cols.extend(["f.standard_total", "f.bonus", "f.total"].map(String::from));
    cols.join(", ")
}

fn of_pupil(select: &str, scope: &Scope, student: i64) -> Sql {
    let sql = Sql::new(format!("SELECT {select} FROM fitness_tests f JOIN students s ON s.id = f.student_id JOIN institutions i ON i.id = f.institution_id WHERE f.student_id = "))
        .bind(student);
    let sql = match scope.institution() {
        None => sql,
        Some(own) => sql
            .push(" AND (SELECT g.institution_id FROM fitness_tests g WHERE g.student_id = f.student_id ORDER BY g.school_year DESC LIMIT 1) = ")
            .bind(own.0),
    };
    sql.push(" ORDER BY f.school_year")
}

/// The pupil's tests, oldest first; empty if none or not in the scope.
pub async fn tests(db: &Db, scope: &Scope, student: i64) -> Result<Vec<Test>, DbError> {
    let heads: Vec<Head> = db
        .fetch_all(of_pupil(
            "s.name, f.school_year, f.grade, f.institution_id, i.name AS institution, f.class_name, f.sex, f.exempt, f.bmi_category, f.level",
            scope,
            student,
        ))
        .await?;
    let numbers: Vec<Wide> = db.fetch_all(of_pupil(&numbers(), scope, student)).await?;
    Ok(heads
        .into_iter()
        .zip(numbers)
        .map(|(head, Wide(n))| {
            let at = |k: usize| n.get(k).copied().flatten();
            let items = Item::ALL
                .iter()
                .enumerate()
                .map(|(k, item)| (*item, at(2 + 2 * k).map(Measure), at(3 + 2 * k)))
                .collect();
            let last = 2 + 2 * Item::ALL.len();
            Test {
                head,
                height: at(0).map(Measure),
                weight: at(1).map(Measure),
                items,
                standard_total: at(last).map(Tenths),
                bonus: at(last + 1),
                total: at(last + 2).map(Tenths),
            }
        })
        .collect())
}
