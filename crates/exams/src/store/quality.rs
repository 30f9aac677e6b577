//! 质量监测 rounds and each school's results per subject.

use chrono::{DateTime, Utc};
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Round {
    pub id: i64,
    pub year: i64,
    pub grade: i64,
    pub name: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// A school's result in a subject: students tested, mean (tenths), 达标.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ResultRow {
    pub institution_id: i64,
    pub institution_name: String,
    pub subject: String,
    pub tested: i64,
    pub mean: i64,
    pub passed: i64,
}

const ROUND: &str =
    "SELECT id, year, grade, name, created_by, created_at FROM exams_quality_rounds";

pub async fn rounds(ex: impl Into<Ex<'_>>) -> Result<Vec<Round>, DbError> {
    ex.into()
        .fetch_all(Sql::new(ROUND).push(" ORDER BY year DESC, grade, name"))
        .await
}

pub async fn round(ex: impl Into<Ex<'_>>, id: i64) -> Result<Round, DbError> {
    ex.into()
        .fetch_one(Sql::new(ROUND).push(" WHERE id = ").bind(id))
        .await
}

pub async fn insert_round(
    tx: &mut Tx,
    year: i64,
    grade: i64,
    name: &str,
    by: &str,
) -> Result<i64, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO exams_quality_rounds (year, grade, name, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
            .arg(year)
            .arg(grade)
            .arg(name)
            .arg(by)
            .arg(Utc::now()),
    )
    .await
}

/// Every school's results of the round (the district's figures and ranks
/// need them all; the service hands a school only its own).
pub async fn results(ex: impl Into<Ex<'_>>, round: i64) -> Result<Vec<ResultRow>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(
                "SELECT r.institution_id, i.name AS institution_name, r.subject, r.tested, r.mean, r.passed \
                 FROM exams_quality_results r JOIN institutions i ON i.id = r.institution_id WHERE r.round_id = ",
            )
            .bind(round)
            .push(" ORDER BY r.subject, i.name"),
        )
        .await
}

/// Whether the school has results in the round, within the caller's scope.
pub async fn has_school(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    round: i64,
    institution: i64,
) -> Result<bool, DbError> {
    let q = Sql::new("SELECT COUNT(*) FROM exams_quality_results WHERE round_id = ")
        .bind(round)
        .push(" AND institution_id = ")
        .bind(institution);
    Ok(ex
        .into()
        .scalar(scope.restrict(q, "institution_id"))
        .await?
        > 0)
}

pub async fn replace_results(tx: &mut Tx, round: i64, rows: &[ResultRow]) -> Result<(), DbError> {
    tx.execute(Sql::new("DELETE FROM exams_quality_results WHERE round_id = ").bind(round))
        .await?;
    for r in rows {
        tx.execute(
            Sql::new("INSERT INTO exams_quality_results (round_id, institution_id, subject, tested, mean, passed) VALUES ($1, $2, $3, $4, $5, $6)")
                .arg(round)
                .arg(r.institution_id)
                .arg(r.subject.as_str())
                .arg(r.tested)
                .arg(r.mean)
                .arg(r.passed),
        )
        .await?;
    }
    Ok(())
}
