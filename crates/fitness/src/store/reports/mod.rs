//! Storage of fitness reports: tested pupils counted per band, BMI
//! category and item for a class, school, township or the district, per
//! group below it or per school year; the pupils of a class; a pupil's
//! tests for the report card; pupils not yet tested. Every read takes the
//! caller's scope and filters in SQL.

pub mod card;
mod row;

pub use row::{CountsRow, Wide};

use platform::auth::Scope;
use platform::db::{Db, DbError, Sql};
use platform::{InstitutionId, TownshipId};

use crate::domain::reports::{Band, BmiCategory};
use crate::domain::Item;

/// Which pupils a report counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unit {
    District,
    Township(TownshipId),
    School(InstitutionId),
    /// A class: its school, grade and name.
    Class(InstitutionId, i64, String),
}

/// How the counted pupils are grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// One row for the whole unit.
    Whole,
    Township,
    School,
    /// Key `grade|class name`.
    Class,
    /// Key the school year (a trend).
    Year,
}

impl Group {
    /// (key, label) selected, GROUP BY and ORDER BY.
    fn sql(self) -> (&'static str, &'static str) {
        match self {
            Group::Whole => ("'' AS key, '' AS label", ""),
            Group::Township => (
                "CAST(t.id AS TEXT) AS key, t.name AS label",
                " GROUP BY t.id, t.name, t.code ORDER BY t.code",
            ),
            Group::School => (
                "CAST(i.id AS TEXT) AS key, i.name AS label",
                " GROUP BY i.id, i.name ORDER BY i.name",
            ),
            Group::Class => (
                "CAST(f.grade AS TEXT) || '|' || f.class_name AS key, f.class_name AS label",
                " GROUP BY f.grade, f.class_name ORDER BY f.grade, f.class_name",
            ),
            Group::Year => (
                "CAST(f.school_year AS TEXT) AS key, CAST(f.school_year AS TEXT) AS label",
                " GROUP BY f.school_year ORDER BY f.school_year",
            ),
        }
    }
}

/// A score column of an item.
pub(crate) fn score_column(item: Item) -> String {
    if item == Item::Bmi {
        "bmi_score".into()
    } else {
        format!("{}_score", item.as_str())
    }
}

fn sum(condition: &str) -> String {
    format!("CAST(COALESCE(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END), 0) AS BIGINT)")
}

/// The counted columns, in the order `Counts::from_values` reads them.
fn counted() -> String {
    let mut cols = vec!["CAST(COUNT(*) AS BIGINT)".to_string()];
    cols.extend(
        Band::ALL
            .iter()
            .map(|b| sum(&format!("f.level = '{}'", b.as_str()))),
    );
    cols.extend(BmiCategory::ALL.iter().map(|c| {
        sum(&format!(
            "f.bmi_category IN ('{}', '{}')",
            c.as_str(),
            c.label()
        ))
    }));
    for item in Item::ALL {
        let col = score_column(*item);
        cols.push(sum(&format!("f.{col} IS NOT NULL")));
        cols.push(sum(&format!(
            "f.{col} >= {}",
            crate::domain::reports::ITEM_PASS
        )));
    }
    cols.join(", ")
}

/// Scored tests (a total, not exempt) of the unit within the scope, with
/// their institution `i` and township `t` (and `join`ed tables).
fn tests_of(unit: &Unit, scope: &Scope, select: &str, join: &str) -> Sql {
    let sql = Sql::new(format!(
        "SELECT {select} FROM fitness_tests f JOIN institutions i ON i.id = f.institution_id JOIN townships t ON t.id = i.township_id{join} WHERE f.total IS NOT NULL AND f.exempt = FALSE"
    ));
    let sql = match unit {
        Unit::District => sql,
        Unit::Township(t) => sql.push(" AND i.township_id = ").bind(t.0),
        Unit::School(s) => sql.push(" AND f.institution_id = ").bind(s.0),
        Unit::Class(s, grade, class) => sql
            .push(" AND f.institution_id = ")
            .bind(s.0)
            .push(" AND f.grade = ")
            .bind(*grade)
            .push(" AND f.class_name = ")
            .bind(class.as_str()),
    };
    scope.restrict(sql, "f.institution_id")
}

/// The unit's counts in `year` (all years for [`Group::Year`]), grouped.
pub async fn counts(
    db: &Db,
    scope: &Scope,
    unit: &Unit,
    year: Option<i64>,
    group: Group,
) -> Result<Vec<CountsRow>, DbError> {
    let (key, tail) = group.sql();
    let mut sql = tests_of(unit, scope, &format!("{key}, {}", counted()), "");
    if let Some(year) = year {
        sql = sql.push(" AND f.school_year = ").bind(year);
    }
    db.fetch_all(sql.push(tail)).await
}

/// School years with scored tests in the scope, latest first.
pub async fn years(db: &Db, scope: &Scope) -> Result<Vec<i64>, DbError> {
    let sql = tests_of(&Unit::District, scope, "DISTINCT f.school_year", "")
        .push(" ORDER BY f.school_year DESC");
    let rows: Vec<(i64,)> = db.fetch_all(sql).await?;
    Ok(rows.into_iter().map(|(y,)| y).collect())
}

/// A pupil of a class list.
#[derive(Clone, Debug, sqlx::FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct Pupil {
    pub student_id: i64,
    pub name: String,
    pub sex: String,
    /// 学年总分 in tenths.
    pub total: i64,
    pub level: String,
}

/// The tested pupils of a class in `year`, by name.
pub async fn pupils(db: &Db, scope: &Scope, unit: &Unit, year: i64) -> Result<Vec<Pupil>, DbError> {
    let sql = tests_of(
        unit,
        scope,
        "f.student_id, s.name, f.sex, f.total, COALESCE(f.level, '') AS level",
        " JOIN students s ON s.id = f.student_id",
    )
    .push(" AND f.school_year = ")
    .bind(year)
    .push(" ORDER BY s.name, f.student_id");
    db.fetch_all(sql).await
}

/// The names a drill-down shows: a township's, or a school's with its
/// township, within the scope (none: not found or not the caller's).
pub async fn township_name(db: &Db, id: TownshipId) -> Result<Option<String>, DbError> {
    let row: Option<(String,)> = db
        .fetch_optional(Sql::new("SELECT name FROM townships WHERE id = ").bind(id.0))
        .await?;
    Ok(row.map(|(n,)| n))
}

pub async fn school(
    db: &Db,
    scope: &Scope,
    id: InstitutionId,
) -> Result<Option<(String, i64, String)>, DbError> {
    let sql = Sql::new("SELECT i.name, t.id, t.name FROM institutions i JOIN townships t ON t.id = i.township_id WHERE i.id = ")
        .bind(id.0);
    db.fetch_optional(scope.restrict(sql, "i.id")).await
}

/// Pupils of grades 1–12 enrolled now without a test in `year`, per
/// institution within the scope (institutions with none left out).
pub async fn untested(db: &Db, scope: &Scope, year: i64) -> Result<Vec<(i64, i64)>, DbError> {
    let sql = Sql::new("SELECT e.institution_id, CAST(COUNT(*) AS BIGINT) FROM students_enrolments e WHERE e.status <> 'left' AND e.grade BETWEEN 1 AND 12 AND NOT EXISTS (SELECT 1 FROM fitness_tests f WHERE f.student_id = e.student_id AND f.school_year = ")
        .bind(year)
        .push(")");
    let sql = scope
        .restrict(sql, "e.institution_id")
        .push(" GROUP BY e.institution_id");
    db.fetch_all(sql).await
}
