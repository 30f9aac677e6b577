//! What the records say about an applicant: the title held, the hours of
//! continuing education, the annual assessments and the 师德 vetoes.

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql};
use platform::InstitutionId;
use serde::Serialize;

use crate::domain::{AssessmentGrade, StaffStatus, TitleLevel, TitleSeries};

/// The title part of a staff record.
#[derive(Clone, Debug, Serialize, sqlx::FromRow)]
pub struct TitleHolder {
    pub id: i64,
    pub name: String,
    pub institution_id: InstitutionId,
    pub status: StaffStatus,
    pub title_series: Option<TitleSeries>,
    pub title_level: TitleLevel,
    pub title_obtained_on: Option<NaiveDate>,
}

/// A member of staff in the caller's scope.
pub async fn holder(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    staff: i64,
) -> Result<TitleHolder, DbError> {
    let q = Sql::new(
        "SELECT id, name, institution_id, status, title_series, title_level, title_obtained_on \
         FROM teachers_staff WHERE id = ",
    )
    .bind(staff);
    ex.into()
        .fetch_one(scope.restrict(q, "institution_id"))
        .await
}

/// Hours credited between two dates, both included.
pub async fn training_hours(
    ex: impl Into<Ex<'_>>,
    staff: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<i64, DbError> {
    ex.into()
        .scalar(
            Sql::new("SELECT CAST(COALESCE(SUM(hours), 0) AS BIGINT) FROM teachers_training_attendance WHERE staff_id = $1 AND attended_on >= $2 AND attended_on <= $3")
                .arg(staff)
                .arg(from)
                .arg(to),
        )
        .await
}

/// Annual assessments (year, grade).
pub async fn assessments(
    ex: impl Into<Ex<'_>>,
    staff: i64,
) -> Result<Vec<(i64, AssessmentGrade)>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new("SELECT year, grade FROM teachers_assessments WHERE staff_id = ")
                .bind(staff)
                .push(" ORDER BY year"),
        )
        .await
}

/// Years with a vetoing 师德 violation.
pub async fn veto_years(ex: impl Into<Ex<'_>>, staff: i64) -> Result<Vec<i64>, DbError> {
    let rows: Vec<(i64,)> = ex
        .into()
        .fetch_all(
            Sql::new("SELECT DISTINCT year FROM teachers_honours WHERE kind = 'ethics_violation' AND veto = TRUE AND staff_id = ")
                .bind(staff)
                .push(" ORDER BY year"),
        )
        .await?;
    Ok(rows.into_iter().map(|(y,)| y).collect())
}

/// An active member of staff as the demo reads them.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct DemoStaff {
    pub id: i64,
    pub institution_id: InstitutionId,
    pub stage: Option<String>,
    pub title_series: Option<TitleSeries>,
    pub title_level: TitleLevel,
    pub title_obtained_on: Option<NaiveDate>,
}

/// Every active member of staff, by institution.
pub async fn demo_staff(ex: impl Into<Ex<'_>>) -> Result<Vec<DemoStaff>, DbError> {
    ex.into()
        .fetch_all(Sql::new(
            "SELECT id, institution_id, stage, title_series, title_level, title_obtained_on \
             FROM teachers_staff WHERE status = 'active' ORDER BY institution_id, id",
        ))
        .await
}

/// Every vetoing 师德 violation (staff id, year).
pub async fn all_vetoes(ex: impl Into<Ex<'_>>) -> Result<Vec<(i64, i64)>, DbError> {
    ex.into()
        .fetch_all(Sql::new(
            "SELECT staff_id, year FROM teachers_honours WHERE kind = 'ethics_violation' AND veto = TRUE",
        ))
        .await
}
