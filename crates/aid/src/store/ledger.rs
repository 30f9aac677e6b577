//! 资助台账: bulk writing of a run's rows, reversing corrections and the
//! reads of one student's benefits.

use chrono::{DateTime, Utc};
use platform::auth::Bureau;
use platform::db::{BulkTable, DbError, Ex, Sql, Tx, Value};
use platform::InstitutionId;
use serde::Serialize;
use students::reader::Found;
use students::store::students::StudentId;

use crate::domain::{BatchId, BatchStatus, LedgerKind, LedgerLineId, ProgramId};

/// Columns of a run's payment rows, all integers (kind defaults to payment).
pub const PAYMENT_COLUMNS: &[&str] = &[
    "batch_id",
    "program_id",
    "student_id",
    "term",
    "institution_id",
    "grade",
    "units",
    "amount",
    "reason_id",
];

pub const CONFLICT_COLUMNS: &[&str] = &[
    "batch_id",
    "student_id",
    "kept_program_id",
    "dropped_program_id",
];

/// Inserts rows of integers, `values` holding `columns.len()` per row,
/// through the platform's bulk writer.
pub async fn insert_ints(
    tx: &mut Tx,
    table: &str,
    columns: &[&str],
    values: &[i64],
) -> Result<(), DbError> {
    let width = columns.len();
    if values.is_empty() || width == 0 {
        return Ok(());
    }
    let table = BulkTable {
        name: table,
        columns,
    };
    tx.bulk_insert(&[table], |w| {
        let per_write = (INTS_PER_WRITE / width).max(1) * width;
        let mut rows = Vec::with_capacity(per_write);
        for chunk in values.chunks(per_write) {
            rows.clear();
            rows.extend(chunk.iter().map(|v| Value::Int(*v)));
            w.rows(0, &rows)?;
        }
        Ok(())
    })
    .await?;
    Ok(())
}

/// Values handed to the bulk writer at a time.
const INTS_PER_WRITE: usize = 4096;

/// The id of a reason text, adding it if new.
pub async fn reason_id(tx: &mut Tx, text: &str) -> Result<i64, DbError> {
    tx.execute(
        Sql::new("INSERT INTO aid_reasons (text) VALUES ($1) ON CONFLICT (text) DO NOTHING")
            .arg(text),
    )
    .await?;
    tx.scalar(Sql::new("SELECT id FROM aid_reasons WHERE text = ").bind(text))
        .await
}

/// A ledger row as people read it.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct LedgerLine {
    pub id: LedgerLineId,
    pub batch_id: BatchId,
    pub batch_status: BatchStatus,
    pub program_id: ProgramId,
    pub program_name: String,
    pub student_id: StudentId,
    pub term: i64,
    pub kind: LedgerKind,
    pub occurrence: i64,
    pub reverses_id: Option<LedgerLineId>,
    pub institution_id: InstitutionId,
    pub institution_name: String,
    pub grade: i64,
    pub units: i64,
    /// Fen; negative for a reversal.
    pub amount: i64,
    /// 享受原因: stage and the conditions satisfied.
    pub reason: String,
    pub created_at: DateTime<Utc>,
    pub approved_at: Option<DateTime<Utc>>,
    pub paid_at: Option<DateTime<Utc>>,
}

const LINE: &str = "SELECT l.id, l.batch_id, b.status AS batch_status, l.program_id, p.name AS program_name, l.student_id, l.term, l.kind, l.occurrence, l.reverses_id, l.institution_id, i.name AS institution_name, l.grade, l.units, l.amount, r.text AS reason, b.created_at, b.approved_at, b.paid_at FROM aid_ledger l JOIN aid_batches b ON b.id = l.batch_id JOIN aid_programs p ON p.id = l.program_id JOIN institutions i ON i.id = l.institution_id JOIN aid_reasons r ON r.id = l.reason_id";

/// Every row of one student, newest term first; only for a student found
/// through the caller's scope.
pub async fn of_student(
    db: &platform::db::Db,
    student: &Found,
) -> Result<Vec<LedgerLine>, DbError> {
    db.fetch_all(
        Sql::new(LINE)
            .push(" WHERE l.student_id = ")
            .bind(student.id().0)
            .push(" ORDER BY l.term DESC, l.id"),
    )
    .await
}

/// A page of one batch's rows.
pub async fn of_batch(
    bureau: &Bureau<'_>,
    batch: BatchId,
    limit: i64,
) -> Result<Vec<LedgerLine>, DbError> {
    bureau
        .db()
        .fetch_all(
            Sql::new(LINE)
                .push(" WHERE l.batch_id = ")
                .bind(batch)
                .push(" ORDER BY l.id LIMIT ")
                .bind(limit),
        )
        .await
}

pub async fn line(ex: impl Into<Ex<'_>>, id: LedgerLineId) -> Result<LedgerLine, DbError> {
    ex.into()
        .fetch_one(Sql::new(LINE).push(" WHERE l.id = ").bind(id))
        .await
}

pub async fn is_reversed(tx: &mut Tx, id: LedgerLineId) -> Result<bool, DbError> {
    Ok(tx
        .scalar(
            Sql::new("SELECT COUNT(*) FROM aid_ledger WHERE kind = 'reversal' AND reverses_id = ")
                .bind(id),
        )
        .await?
        > 0)
}

/// Writes the reversal of `orig` into `batch`, and, when `reissue` is set,
/// a new payment of that amount (the next occurrence).
pub async fn reverse(
    tx: &mut Tx,
    batch: BatchId,
    orig: &LedgerLine,
    reason_id: i64,
    reissue: Option<i64>,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new("INSERT INTO aid_ledger (batch_id, program_id, student_id, term, kind, occurrence, reverses_id, institution_id, grade, units, amount, reason_id) VALUES ($1, $2, $3, $4, 'reversal', $5, $6, $7, $8, $9, $10, $11)")
            .arg(batch)
            .arg(orig.program_id)
            .arg(orig.student_id)
            .arg(orig.term)
            .arg(orig.occurrence)
            .arg(orig.id)
            .arg(orig.institution_id)
            .arg(orig.grade)
            .arg(orig.units)
            .arg(-orig.amount)
            .arg(reason_id),
    )
    .await?;
    if let Some(amount) = reissue {
        tx.execute(
            Sql::new("INSERT INTO aid_ledger (batch_id, program_id, student_id, term, kind, occurrence, institution_id, grade, units, amount, reason_id) VALUES ($1, $2, $3, $4, 'payment', $5, $6, $7, $8, $9, $10)")
                .arg(batch)
                .arg(orig.program_id)
                .arg(orig.student_id)
                .arg(orig.term)
                .arg(orig.occurrence + 1)
                .arg(orig.institution_id)
                .arg(orig.grade)
                .arg(orig.units)
                .arg(amount)
                .arg(reason_id),
        )
        .await?;
    }
    Ok(())
}

/// Conflicts of a batch: (student id, student name, kept, dropped program names).
pub async fn conflicts(
    bureau: &Bureau<'_>,
    batch: BatchId,
    limit: i64,
) -> Result<Vec<ConflictLine>, DbError> {
    bureau.db().fetch_all(
        Sql::new("SELECT c.student_id, s.name AS student_name, k.name AS kept, d.name AS dropped, c.paid_batch_id AS paid_batch FROM aid_conflicts c JOIN students s ON s.id = c.student_id JOIN aid_programs k ON k.id = c.kept_program_id JOIN aid_programs d ON d.id = c.dropped_program_id WHERE c.batch_id = ")
            .bind(batch)
            .push(" ORDER BY c.student_id LIMIT ")
            .bind(limit),
    )
    .await
}

/// A student who qualified for two programs that cannot be combined, or
/// whom the ledger pays already.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ConflictLine {
    pub student_id: StudentId,
    pub student_name: String,
    /// The program paid (in this batch, or already by `paid_batch`).
    pub kept: String,
    /// The program withheld.
    pub dropped: String,
    /// The approved or paid batch that already paid `kept`; none for a
    /// clash inside this batch.
    pub paid_batch: Option<BatchId>,
}
