//! 发放批次: a run's or a correction's batch and its status.

use chrono::{DateTime, NaiveDate, Utc};
use platform::auth::{Bureau, BureauEx};
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::{BatchId, BatchKind, BatchStatus, ProgramId, Term};

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct BatchRow {
    pub id: BatchId,
    pub kind: BatchKind,
    /// 20251 = 2025—2026学年第一学期.
    pub term: i64,
    pub starts_on: NaiveDate,
    /// 统计基准日 (the 30th day of term).
    pub census_date: NaiveDate,
    pub weeks: i64,
    pub school_days: i64,
    pub status: BatchStatus,
    pub students_scanned: i64,
    pub row_count: i64,
    /// Fen.
    pub total: i64,
    pub conflict_count: i64,
    pub note: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub approved_by: Option<String>,
    pub approved_at: Option<DateTime<Utc>>,
    pub paid_by: Option<String>,
    pub paid_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, kind, term, starts_on, census_date, weeks, school_days, status, students_scanned, row_count, total, conflict_count, note, created_by, created_at, approved_by, approved_at, paid_by, paid_at";

pub async fn get(ex: impl BureauEx<'_>, id: BatchId) -> Result<BatchRow, DbError> {
    ex.into()
        .fetch_one(Sql::new(format!("SELECT {COLUMNS} FROM aid_batches WHERE id = ")).bind(id))
        .await
}

pub async fn list(bureau: &Bureau<'_>) -> Result<Vec<BatchRow>, DbError> {
    bureau
        .db()
        .fetch_all(Sql::new(format!(
        "SELECT {COLUMNS} FROM aid_batches WHERE status <> 'discarded' ORDER BY id DESC LIMIT 200"
    )))
        .await
}

pub async fn programs_of(ex: impl Into<Ex<'_>>, batch: BatchId) -> Result<Vec<ProgramId>, DbError> {
    let rows: Vec<(ProgramId,)> = ex
        .into()
        .fetch_all(
            Sql::new("SELECT program_id FROM aid_batch_programs WHERE batch_id = ")
                .bind(batch)
                .push(" ORDER BY program_id"),
        )
        .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

pub async fn insert(
    tx: &mut Tx,
    kind: BatchKind,
    term: &Term,
    note: &str,
    by: &str,
) -> Result<BatchId, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO aid_batches (kind, term, starts_on, census_date, weeks, school_days, status, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8, $9) RETURNING id")
            .arg(kind)
            .arg(term.key())
            .arg(term.starts_on)
            .arg(term.census_date())
            .arg(term.weeks)
            .arg(term.school_days)
            .arg(note)
            .arg(by)
            .arg(Utc::now()),
    )
    .await
    .map(BatchId)
}

pub async fn add_programs(
    tx: &mut Tx,
    batch: BatchId,
    programs: &[ProgramId],
) -> Result<(), DbError> {
    for p in programs {
        tx.execute(
            Sql::new("INSERT INTO aid_batch_programs (batch_id, program_id) VALUES ($1, $2)")
                .arg(batch)
                .arg(*p),
        )
        .await?;
    }
    Ok(())
}

/// (program id, batch id, status) of approved or paid run batches of `term`
/// that cover any of `programs`.
pub async fn settled_for(
    tx: &mut Tx,
    term: i64,
    programs: &[ProgramId],
) -> Result<Vec<(ProgramId, BatchId, BatchStatus)>, DbError> {
    if programs.is_empty() {
        return Ok(vec![]);
    }
    tx.fetch_all(
        Sql::new("SELECT bp.program_id, b.id, b.status FROM aid_batches b JOIN aid_batch_programs bp ON bp.batch_id = b.id WHERE b.kind = 'run' AND b.status IN ('approved', 'paid') AND b.term = ")
            .bind(term)
            .push(" AND bp.program_id IN (")
            .bind_list(programs.iter().copied())
            .push(") ORDER BY b.id"),
    )
    .await
}

/// Draft run batches of `term` covering any of `programs`.
pub async fn drafts_for(
    tx: &mut Tx,
    term: i64,
    programs: &[ProgramId],
) -> Result<Vec<BatchId>, DbError> {
    if programs.is_empty() {
        return Ok(vec![]);
    }
    let rows: Vec<(BatchId,)> = tx
        .fetch_all(
            Sql::new("SELECT DISTINCT b.id FROM aid_batches b JOIN aid_batch_programs bp ON bp.batch_id = b.id WHERE b.kind = 'run' AND b.status = 'draft' AND b.term = ")
                .bind(term)
                .push(" AND bp.program_id IN (")
                .bind_list(programs.iter().copied())
                .push(")"),
        )
        .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Throws a draft away: its ledger rows go (the database allows deleting
/// only a draft's rows), the batch stays as 'discarded'.
pub async fn discard(tx: &mut Tx, batch: BatchId) -> Result<(), DbError> {
    tx.execute(Sql::new("DELETE FROM aid_ledger WHERE batch_id = ").bind(batch))
        .await?;
    tx.execute(Sql::new("DELETE FROM aid_conflicts WHERE batch_id = ").bind(batch))
        .await?;
    tx.execute(Sql::new("UPDATE aid_batches SET status = 'discarded' WHERE id = ").bind(batch))
        .await?;
    Ok(())
}

pub async fn set_totals(
    tx: &mut Tx,
    batch: BatchId,
    scanned: i64,
    rows: i64,
    total: i64,
    conflicts: i64,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new("UPDATE aid_batches SET students_scanned = $1, row_count = $2, total = $3, conflict_count = $4 WHERE id = $5")
            .arg(scanned)
            .arg(rows)
            .arg(total)
            .arg(conflicts)
            .arg(batch),
    )
    .await?;
    Ok(())
}

/// Moves `from` → `to`; false if the batch was not in `from`.
pub async fn advance(
    tx: &mut Tx,
    batch: BatchId,
    from: BatchStatus,
    to: BatchStatus,
    by: &str,
) -> Result<bool, DbError> {
    let (who, at) = match to {
        BatchStatus::Approved => ("approved_by", "approved_at"),
        _ => ("paid_by", "paid_at"),
    };
    let n = tx
        .execute(
            Sql::new(format!("UPDATE aid_batches SET status = $1, {who} = $2, {at} = $3 WHERE id = $4 AND status = $5"))
                .arg(to)
                .arg(by)
                .arg(Utc::now())
                .arg(batch)
                .arg(from),
        )
        .await?;
    Ok(n == 1)
}

/// Per program of a batch: (program id, amount in fen) — for budget checks.
pub async fn totals_by_program(
    tx: &mut Tx,
    batch: BatchId,
) -> Result<Vec<(ProgramId, i64)>, DbError> {
    tx.fetch_all(
        Sql::new(
            "SELECT program_id, CAST(SUM(amount) AS BIGINT) FROM aid_ledger WHERE batch_id = ",
        )
        .bind(batch)
        .push(" GROUP BY program_id"),
    )
    .await
}

/// Amount of `program` in approved or paid batches of terms of `school_year`.
pub async fn used_in_year(
    tx: &mut Tx,
    program: ProgramId,
    school_year: i64,
) -> Result<i64, DbError> {
    tx.scalar(
        Sql::new("SELECT CAST(COALESCE(SUM(l.amount), 0) AS BIGINT) FROM aid_ledger l JOIN aid_batches b ON b.id = l.batch_id WHERE b.status IN ('approved', 'paid') AND l.program_id = ")
            .bind(program)
            .push(" AND l.term BETWEEN ")
            .bind(school_year * 10)
            .push(" AND ")
            .bind(school_year * 10 + 9),
    )
    .await
}
