//! Versions of an exam's results: the open one takes imports; a published
//! one is frozen; a correction opens the next with its reason.

use chrono::{DateTime, Utc};
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Version {
    pub id: i64,
    pub exam_id: i64,
    pub version: i64,
    pub reason: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub published_by: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
}

impl Version {
    pub fn published(&self) -> bool {
        self.published_at.is_some()
    }
}

const VERSION: &str = "SELECT id, exam_id, version, reason, created_by, created_at, published_by, published_at FROM exams_versions";

/// Every version of the exam, the newest first.
pub async fn versions(ex: impl Into<Ex<'_>>, exam: i64) -> Result<Vec<Version>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(VERSION)
                .push(" WHERE exam_id = ")
                .bind(exam)
                .push(" ORDER BY version DESC"),
        )
        .await
}

pub async fn insert_version(
    tx: &mut Tx,
    exam: i64,
    version: i64,
    reason: &str,
    by: &str,
) -> Result<i64, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO exams_versions (exam_id, version, reason, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
            .arg(exam)
            .arg(version)
            .arg(reason)
            .arg(by)
            .arg(Utc::now()),
    )
    .await
}

pub async fn publish(tx: &mut Tx, version: i64, by: &str) -> Result<(), DbError> {
    tx.execute(
        Sql::new("UPDATE exams_versions SET published_by = $1, published_at = $2 WHERE published_at IS NULL AND id = $3")
            .arg(by)
            .arg(Utc::now())
            .arg(version),
    )
    .await?;
    Ok(())
}

/// Copies every row of version `from` into version `to` (a correction
/// starts from what was published).
pub async fn copy_rows(tx: &mut Tx, from: i64, to: i64) -> Result<(), DbError> {
    tx.execute(
        Sql::new("INSERT INTO exams_scores (version_id, institution_id, student_id, candidate_no, name, track, total, subjects) \
                  SELECT $1, institution_id, student_id, candidate_no, name, track, total, subjects FROM exams_scores WHERE version_id = $2")
            .arg(to)
            .arg(from),
    )
    .await?;
    tx.execute(
        Sql::new("INSERT INTO exams_school_results (version_id, institution_id, track, candidates, from_scores) \
                  SELECT $1, institution_id, track, candidates, from_scores FROM exams_school_results WHERE version_id = $2")
            .arg(to)
            .arg(from),
    )
    .await?;
    tx.execute(
        Sql::new("INSERT INTO exams_school_over (version_id, institution_id, track, line, reached) \
                  SELECT $1, institution_id, track, line, reached FROM exams_school_over WHERE version_id = $2")
            .arg(to)
            .arg(from),
    )
    .await?;
    Ok(())
}

/// Exams with an open version holding results (imported, not published).
pub async fn unpublished_with_results(ex: impl Into<Ex<'_>>) -> Result<i64, DbError> {
    ex.into()
        .scalar(Sql::new(
            "SELECT COUNT(*) FROM exams_versions v WHERE v.published_at IS NULL \
             AND EXISTS (SELECT 1 FROM exams_school_results r WHERE r.version_id = v.id)",
        ))
        .await
}
