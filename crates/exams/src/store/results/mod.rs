//! Exams, their papers and score lines.

mod counts;
mod scores;
mod versions;

pub use counts::*;
pub use scores::*;
pub use versions::*;

use chrono::{DateTime, Utc};
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::ExamKind;

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Exam {
    pub id: i64,
    pub year: i64,
    pub kind: ExamKind,
    pub name: String,
    pub report: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// 科目: a paper and its full mark (tenths).
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Paper {
    pub id: i64,
    pub subject: String,
    pub max_score: i64,
}

/// 分数线: a line of a track (科类) and its score (tenths).
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Line {
    pub id: i64,
    pub track: String,
    pub name: String,
    pub score: i64,
}

const EXAM: &str = "SELECT id, year, kind, name, report, created_by, created_at FROM exams_exams";

pub async fn exams(ex: impl Into<Ex<'_>>) -> Result<Vec<Exam>, DbError> {
    ex.into()
        .fetch_all(Sql::new(EXAM).push(" ORDER BY year DESC, kind, name"))
        .await
}

pub async fn exam(ex: impl Into<Ex<'_>>, id: i64) -> Result<Exam, DbError> {
    ex.into()
        .fetch_one(Sql::new(EXAM).push(" WHERE id = ").bind(id))
        .await
}

/// The exam of the same kind and name a year before, if any (the base of
/// every change on last year).
pub async fn last_years(ex: impl Into<Ex<'_>>, e: &Exam) -> Result<Option<Exam>, DbError> {
    ex.into()
        .fetch_optional(
            Sql::new(EXAM)
                .push(" WHERE kind = ")
                .bind(e.kind.as_str())
                .push(" AND year = ")
                .bind(e.year - 1)
                .push(" ORDER BY (CASE WHEN name = ")
                .bind(e.name.as_str())
                .push(" THEN 0 ELSE 1 END), id LIMIT 1"),
        )
        .await
}

pub async fn insert_exam(
    tx: &mut Tx,
    year: i64,
    kind: ExamKind,
    name: &str,
    by: &str,
) -> Result<i64, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO exams_exams (year, kind, name, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
            .arg(year)
            .arg(kind.as_str())
            .arg(name)
            .arg(by)
            .arg(Utc::now()),
    )
    .await
}

pub async fn set_report(tx: &mut Tx, exam: i64, text: &str) -> Result<(), DbError> {
    tx.execute(
        Sql::new("UPDATE exams_exams SET report = ")
            .bind(text)
            .push(" WHERE id = ")
            .bind(exam),
    )
    .await?;
    Ok(())
}

pub async fn papers(ex: impl Into<Ex<'_>>, exam: i64) -> Result<Vec<Paper>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new("SELECT id, subject, max_score FROM exams_papers WHERE exam_id = ")
                .bind(exam)
                .push(" ORDER BY id"),
        )
        .await
}

pub async fn put_paper(tx: &mut Tx, exam: i64, subject: &str, max: i64) -> Result<(), DbError> {
    tx.execute(
        Sql::new(
            "INSERT INTO exams_papers (exam_id, subject, max_score) VALUES ($1, $2, $3) \
                  ON CONFLICT (exam_id, subject) DO UPDATE SET max_score = excluded.max_score",
        )
        .arg(exam)
        .arg(subject)
        .arg(max),
    )
    .await?;
    Ok(())
}

pub async fn lines(ex: impl Into<Ex<'_>>, exam: i64) -> Result<Vec<Line>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new("SELECT id, track, name, score FROM exams_lines WHERE exam_id = ")
                .bind(exam)
                .push(" ORDER BY track, score DESC, name"),
        )
        .await
}

pub async fn put_line(
    tx: &mut Tx,
    exam: i64,
    track: &str,
    name: &str,
    score: i64,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new(
            "INSERT INTO exams_lines (exam_id, track, name, score) VALUES ($1, $2, $3, $4) \
                  ON CONFLICT (exam_id, track, name) DO UPDATE SET score = excluded.score",
        )
        .arg(exam)
        .arg(track)
        .arg(name)
        .arg(score),
    )
    .await?;
    Ok(())
}
