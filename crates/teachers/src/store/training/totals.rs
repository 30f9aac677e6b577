//! Training totals from the records (项目数, 人次 per year), for the
//! training page and for the area's reports.

use platform::db::{Db, DbError, Sql};
use serde::Serialize;

/// One year's training: projects held and attendances credited (人次).
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct YearTotal {
    pub year: i64,
    pub projects: i64,
    pub person_times: i64,
}

const TOTALS: &str =
    "SELECT p.year, COUNT(DISTINCT p.id) AS projects, COUNT(a.staff_id) AS person_times \
     FROM teachers_training_projects p \
     LEFT JOIN teachers_training_sessions s ON s.project_id = p.id \
     LEFT JOIN teachers_training_attendance a ON a.session_id = s.id WHERE 1=1";

/// Every year with projects, latest first.
pub async fn by_year(db: &Db) -> Result<Vec<YearTotal>, DbError> {
    db.fetch_all(Sql::new(TOTALS).push(" GROUP BY p.year ORDER BY p.year DESC"))
        .await
}

/// One year (zeros when it had no projects).
pub async fn of_year(db: &Db, year: i64) -> Result<YearTotal, DbError> {
    let row: Option<YearTotal> = db
        .fetch_optional(
            Sql::new(TOTALS)
                .push(" AND p.year = ")
                .bind(year)
                .push(" GROUP BY p.year"),
        )
        .await?;
    Ok(row.unwrap_or(YearTotal {
        year,
        projects: 0,
        person_times: 0,
    }))
}
