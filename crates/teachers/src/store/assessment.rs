//! 年度考核 rows: an institution's roster for a year with the grades given,
//! the grades already recorded, and the counts per grade.

use chrono::Utc;
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use platform::InstitutionId;
use serde::Serialize;

use crate::domain::{AssessmentGrade, TitleLevel, TitleSeries};

/// One active member of staff of the institution, with the grade of the
/// year if one was given and how many vetoing 师德 violations they have in
/// that year.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct RosterRow {
    pub staff_id: i64,
    pub name: String,
    pub title_series: Option<TitleSeries>,
    pub title_level: TitleLevel,
    pub grade: Option<AssessmentGrade>,
    pub note: Option<String>,
    /// 师德一票否决 records of the year (any means only 不合格 may be given).
    pub vetoes: i64,
}

/// The active staff of `institution`, by name, each with the year's grade.
pub async fn roster(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    institution: InstitutionId,
    year: i64,
) -> Result<Vec<RosterRow>, DbError> {
    let q = Sql::new(
        "SELECT s.id AS staff_id, s.name, s.title_series, s.title_level, a.grade, a.note, \
         (SELECT COUNT(*) FROM teachers_honours h WHERE h.staff_id = s.id \
          AND h.kind = 'ethics_violation' AND h.veto = TRUE AND h.year = ",
    )
    .bind(year)
    .push(") AS vetoes FROM teachers_staff s LEFT JOIN teachers_assessments a ON a.staff_id = s.id AND a.year = ")
    .bind(year)
    .push(" WHERE s.status = 'active' AND s.institution_id = ")
    .bind(institution);
    ex.into()
        .fetch_all(
            scope
                .restrict(q, "s.institution_id")
                .push(" ORDER BY s.name, s.id"),
        )
        .await
}

/// The grades the institution has given in the year (staff id, grade).
pub async fn given(
    ex: impl Into<Ex<'_>>,
    institution: InstitutionId,
    year: i64,
) -> Result<Vec<(i64, AssessmentGrade)>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new("SELECT staff_id, grade FROM teachers_assessments WHERE institution_id = ")
                .bind(institution)
                .push(" AND year = ")
                .bind(year),
        )
        .await
}

/// Active staff of the institution: the base of its 优秀 quota.
pub async fn active_staff(
    ex: impl Into<Ex<'_>>,
    institution: InstitutionId,
) -> Result<i64, DbError> {
    ex.into()
        .scalar(
            Sql::new(
                "SELECT COUNT(*) FROM teachers_staff WHERE status = 'active' AND institution_id = ",
            )
            .bind(institution),
        )
        .await
}

/// Records (or replaces) one person's grade of the year.
pub async fn put(
    tx: &mut Tx,
    institution: InstitutionId,
    year: i64,
    staff: i64,
    grade: AssessmentGrade,
    note: &str,
    by: &str,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new(
            "INSERT INTO teachers_assessments (staff_id, year, institution_id, grade, note, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (staff_id, year) DO UPDATE SET \
             institution_id = excluded.institution_id, grade = excluded.grade, note = excluded.note, \
             recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
        )
        .arg(staff)
        .arg(year)
        .arg(institution)
        .arg(grade)
        .arg(note)
        .arg(by)
        .arg(Utc::now()),
    )
    .await?;
    Ok(())
}

/// The active staff of the institution by national ID (national ID, staff
/// id, name), to match the rows of an imported file.
pub async fn staff_by_national_id(
    ex: impl Into<Ex<'_>>,
    institution: InstitutionId,
) -> Result<Vec<(String, i64, String)>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new("SELECT national_id, id, name FROM teachers_staff WHERE status = 'active' AND institution_id = ")
                .bind(institution),
        )
        .await
}

/// One institution's counts per grade in a year.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct InstitutionResult {
    pub institution_id: InstitutionId,
    pub institution_name: String,
    /// Active staff now: the base of the 优秀 quota.
    pub staff: i64,
    pub excellent: i64,
    pub competent: i64,
    pub basic: i64,
    pub incompetent: i64,
}

/// Counts per grade of every institution (in scope) that graded anyone in
/// the year, by name.
pub async fn results(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    year: i64,
) -> Result<Vec<InstitutionResult>, DbError> {
    let q = Sql::new(
        "SELECT i.id AS institution_id, i.name AS institution_name, \
         (SELECT COUNT(*) FROM teachers_staff s WHERE s.institution_id = i.id AND s.status = 'active') AS staff, \
         COUNT(CASE WHEN a.grade = 'excellent' THEN 1 END) AS excellent, \
         COUNT(CASE WHEN a.grade = 'competent' THEN 1 END) AS competent, \
         COUNT(CASE WHEN a.grade = 'basic' THEN 1 END) AS basic, \
         COUNT(CASE WHEN a.grade = 'incompetent' THEN 1 END) AS incompetent \
         FROM teachers_assessments a JOIN institutions i ON i.id = a.institution_id WHERE a.year = ",
    )
    .bind(year);
    ex.into()
        .fetch_all(
            scope
                .restrict(q, "a.institution_id")
                .push(" GROUP BY i.id, i.name ORDER BY i.name, i.id"),
        )
        .await
}

/// Active staff (in scope) with no grade for the year.
pub async fn ungraded_staff(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    year: i64,
) -> Result<i64, DbError> {
    let q = Sql::new(
        "SELECT COUNT(*) FROM teachers_staff s WHERE s.status = 'active' \
         AND NOT EXISTS (SELECT 1 FROM teachers_assessments a WHERE a.staff_id = s.id AND a.year = ",
    )
    .bind(year)
    .push(")");
    ex.into()
        .scalar(scope.restrict(q, "s.institution_id"))
        .await
}
