//! 不重复享受: the ledger check that keeps a student from being paid twice
//! across runs, batches and programs.
//!
//! A line is paid already when the ledger holds, for the same student and
//! term, a payment of the same program or of one declared 不可同时享受 with
//! it, in an approved or paid batch, and not reversed by an approved or
//! paid reversal (or one in the batch being checked). A reversal still in a
//! draft does not count: the correction may yet be discarded.

use platform::db::{DbError, Sql, Tx};
use serde::Serialize;
use students::store::students::StudentId;

use crate::domain::{BatchId, ProgramId};
use crate::store::Program;

/// Per program of a batch, the programs whose payment in the same term
/// withholds it: itself and those declared 不可同时享受 either way.
pub type Exclusions = Vec<(ProgramId, Vec<ProgramId>)>;

/// The exclusions of `wanted` among every program there is.
pub fn exclusions(all: &[Program], wanted: &[ProgramId]) -> Exclusions {
    wanted
        .iter()
        .map(|&p| {
            let mut with = vec![p];
            for q in all {
                let declared = all
                    .iter()
                    .find(|x| x.id == p)
                    .is_some_and(|x| x.def.incompatible_with.contains(&q.id.0));
                if q.id != p && (declared || q.def.incompatible_with.contains(&p.0)) {
                    with.push(q.id);
                }
            }
            (p, with)
        })
        .collect()
}

/// Every program an exclusion list names.
fn named(ex: &Exclusions) -> Vec<ProgramId> {
    let mut v: Vec<ProgramId> = ex.iter().flat_map(|(_, w)| w.iter().copied()).collect();
    v.sort_by_key(|p| p.0);
    v.dedup();
    v
}

/// A line withheld because the ledger pays the student already.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct AlreadyPaid {
    pub student_id: StudentId,
    pub student_name: String,
    /// The program already paid.
    pub paid_program: String,
    /// The batch that paid it.
    pub paid_batch: BatchId,
    /// The program withheld.
    pub withheld_program: String,
}

/// `select` continued with `FROM … WHERE …` pairing the lines of `source`
/// (aliased `n`, with `student_id` and `program_id`) with the live payments
/// `o` they clash with; `batch` is the batch checked, whose own reversals
/// count. `joins` come after `o`'s.
fn clash_sql(
    select: Sql,
    source: &str,
    joins: &str,
    term: i64,
    batch: BatchId,
    ex: &Exclusions,
) -> Sql {
    let mut sql = select
        .push(&format!(
            " FROM {source} JOIN aid_ledger o ON o.student_id = n.student_id AND o.kind = 'payment' AND o.term = "
        ))
        .bind(term)
        .push(" JOIN aid_batches ob ON ob.id = o.batch_id AND ob.status IN ('approved', 'paid')")
        .push(joins)
        .push(" WHERE (");
    for (i, (p, with)) in ex.iter().enumerate() {
        if i > 0 {
            sql = sql.push(" OR ");
        }
        sql = sql
            .push("(n.program_id = ")
            .bind(*p)
            .push(" AND o.program_id IN (")
            .bind_list(with.iter().copied())
            .push("))");
    }
    sql.push(") AND NOT EXISTS (SELECT 1 FROM aid_ledger r JOIN aid_batches rb ON rb.id = r.batch_id WHERE r.reverses_id = o.id AND (rb.status IN ('approved', 'paid') OR rb.id = ")
        .bind(batch)
        .push("))")
}

/// Whether the ledger holds any payment of `term` for the programs of
/// `ex` (with `settled`, only in approved or paid batches): if not (a
/// term's first run or approval), there is nothing to check against.
pub async fn any_in_term(
    tx: &mut Tx,
    term: i64,
    ex: &Exclusions,
    settled: bool,
) -> Result<bool, DbError> {
    let status = if settled {
        " AND b.status IN ('approved', 'paid')"
    } else {
        ""
    };
    let n: i64 = tx
        .scalar(
            Sql::new("SELECT CAST(CASE WHEN EXISTS (SELECT 1 FROM aid_ledger l JOIN aid_batches b ON b.id = l.batch_id WHERE l.kind = 'payment'")
                .push(status)
                .push(" AND b.term = ")
                .bind(term)
                .push(" AND l.program_id IN (")
                .bind_list(named(ex))
                .push(")) THEN 1 ELSE 0 END AS BIGINT)"),
        )
        .await?;
    Ok(n == 1)
}

/// The temporary table a run stages its lines in when the ledger may
/// already pay some of them.
pub const STAGED: &str = "aid_run_lines";

pub async fn create_staged(tx: &mut Tx) -> Result<(), DbError> {
    tx.drop_temp_table(STAGED).await?;
    let columns = STAGED_COLUMNS
        .iter()
        .map(|c| format!("{c} BIGINT NOT NULL"))
        .collect::<Vec<_>>()
        .join(", ");
    tx.create_keyed_temp_table(STAGED, &columns, "student_id, program_id")
        .await
}

pub const STAGED_COLUMNS: [&str; 7] = [
    "program_id",
    "student_id",
    "institution_id",
    "grade",
    "units",
    "amount",
    "reason_id",
];

/// Moves the staged lines into the ledger: those the ledger pays already
/// become conflicts naming the paying batch; the others are written, each
/// as the next occurrence after the reversed payments before it.
pub async fn write_staged(
    tx: &mut Tx,
    batch: BatchId,
    term: i64,
    ex: &Exclusions,
) -> Result<(), DbError> {
    let select = Sql::new("INSERT INTO aid_conflicts (batch_id, student_id, kept_program_id, dropped_program_id, paid_batch_id) SELECT DISTINCT ")
        .bind(batch)
        .push(", n.student_id, o.program_id, n.program_id, o.batch_id");
    let conflicts = clash_sql(select, &format!("{STAGED} n"), "", term, batch, ex);
    tx.execute(conflicts).await?;
    let columns = STAGED_COLUMNS.join(", n.");
    let lines = Sql::new("INSERT INTO aid_ledger (batch_id, term, occurrence, ")
        .push(&STAGED_COLUMNS.join(", "))
        .push(") SELECT ")
        .bind(batch)
        .push(", ")
        .bind(term)
        .push(", (SELECT COUNT(*) FROM aid_ledger p WHERE p.kind = 'payment' AND p.program_id = n.program_id AND p.student_id = n.student_id AND p.term = ")
        .bind(term)
        .push(&format!("), n.{columns} FROM {STAGED} n WHERE NOT EXISTS (SELECT 1 FROM aid_conflicts c WHERE c.batch_id = "))
        .bind(batch)
        .push(" AND c.paid_batch_id IS NOT NULL AND c.student_id = n.student_id AND c.dropped_program_id = n.program_id)");
    tx.execute(lines).await?;
    tx.drop_temp_table(STAGED).await
}

/// The lines of a draft batch the ledger now pays already (another batch
/// approved since it was computed): how many, and the first `limit`.
pub async fn in_batch(
    tx: &mut Tx,
    batch: BatchId,
    term: i64,
    ex: &Exclusions,
    limit: i64,
) -> Result<(i64, Vec<AlreadyPaid>), DbError> {
    if ex.is_empty() || !any_in_term(tx, term, ex, true).await? {
        return Ok((0, vec![]));
    }
    let source = |select: &str, joins: &str| {
        clash_sql(Sql::new(select), "aid_ledger n", joins, term, batch, ex)
            .push(" AND n.kind = 'payment' AND n.batch_id = ")
            .bind(batch)
    };
    let count: i64 = tx.scalar(source("SELECT COUNT(*)", "")).await?;
    if count == 0 {
        return Ok((0, vec![]));
    }
    let first = tx
        .fetch_all(
            source(
                "SELECT n.student_id, s.name AS student_name, po.name AS paid_program, o.batch_id AS paid_batch, pn.name AS withheld_program",
                " JOIN students s ON s.id = n.student_id JOIN aid_programs po ON po.id = o.program_id JOIN aid_programs pn ON pn.id = n.program_id",
            )
            .push(" ORDER BY n.student_id LIMIT ")
            .bind(limit),
        )
        .await?;
    Ok((count, first))
}

/// Per program of a batch: (program, lines, amount), from its ledger lines.
pub async fn totals(tx: &mut Tx, batch: BatchId) -> Result<Vec<(ProgramId, i64, i64)>, DbError> {
    tx.fetch_all(
        Sql::new("SELECT program_id, COUNT(*), CAST(SUM(amount) AS BIGINT) FROM aid_ledger WHERE batch_id = ")
            .bind(batch)
            .push(" GROUP BY program_id"),
    )
    .await
}

/// Conflicts recorded for a batch.
pub async fn conflict_count(tx: &mut Tx, batch: BatchId) -> Result<i64, DbError> {
    tx.scalar(Sql::new("SELECT COUNT(*) FROM aid_conflicts WHERE batch_id = ").bind(batch))
        .await
}
