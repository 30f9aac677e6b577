//! 批次明细: every line of one batch with the student's name and ID number,
//! filtered by institution, program and text, a page at a time (the
//! review before approval) or all of them (the export). Bureau-only: the
//! functions take the bureau's handle.

use platform::auth::Bureau;
use platform::db::{DbError, Sql};
use platform::InstitutionId;
use serde::{Deserialize, Serialize};
use students::store::students::StudentId;

use crate::domain::{BatchId, LedgerKind, LedgerLineId, ProgramId};

/// The review's filters; all optional.
#[derive(Clone, Debug, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct LineFilter {
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub institution_id: Option<i64>,
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub program_id: Option<i64>,
    /// Part of the student's name (or, for roles seeing ID numbers in
    /// full, of the number).
    pub q: Option<String>,
    /// Page of the review, from 1.
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub page: Option<i64>,
}

/// One line as a reviewer reads it.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ReviewLine {
    pub id: LedgerLineId,
    pub student_id: StudentId,
    pub student_name: String,
    /// Masked for roles that do not see personal details.
    pub id_number: String,
    pub institution_id: InstitutionId,
    pub institution_name: String,
    pub program_id: ProgramId,
    pub program_name: String,
    pub kind: LedgerKind,
    /// Fen; negative for a reversal.
    pub amount: i64,
    /// 享受原因.
    pub reason: String,
}

const FROM: &str = " FROM aid_ledger l JOIN students s ON s.id = l.student_id JOIN institutions i ON i.id = l.institution_id JOIN aid_programs p ON p.id = l.program_id JOIN aid_reasons r ON r.id = l.reason_id WHERE l.batch_id = ";

/// `select` with the batch's lines matching `f`; `numbers`: the text may
/// match ID numbers too.
fn filtered(select: &str, batch: BatchId, f: &LineFilter, numbers: bool) -> Sql {
    let mut sql = Sql::new(select).push(FROM).bind(batch);
    if let Some(i) = f.institution_id {
        sql = sql.push(" AND l.institution_id = ").bind(i);
    }
    if let Some(p) = f.program_id {
        sql = sql.push(" AND l.program_id = ").bind(p);
    }
    if let Some(q) = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let columns: &[&str] = if numbers {
            &["s.name", "s.id_number"]
        } else {
            &["s.name"]
        };
        sql = sql.and_any_contains(columns, q);
    }
    sql
}

const LINE: &str = "SELECT l.id, l.student_id, s.name AS student_name, s.id_number, l.institution_id, i.name AS institution_name, l.program_id, p.name AS program_name, l.kind, l.amount, r.text AS reason";

pub async fn count(
    bureau: &Bureau<'_>,
    batch: BatchId,
    f: &LineFilter,
    numbers: bool,
) -> Result<i64, DbError> {
    bureau
        .db()
        .scalar(filtered("SELECT COUNT(*)", batch, f, numbers))
        .await
}

/// Lines matching `f`, by school then student; `limit` None for all.
pub async fn lines(
    bureau: &Bureau<'_>,
    batch: BatchId,
    f: &LineFilter,
    numbers: bool,
    page: Option<(i64, i64)>,
) -> Result<Vec<ReviewLine>, DbError> {
    let sql = filtered(LINE, batch, f, numbers).push(" ORDER BY i.name, s.name, l.id");
    let sql = match page {
        Some((limit, offset)) => sql.limit(limit, offset),
        None => sql,
    };
    bureau.db().fetch_all(sql).await
}

/// The institutions a batch pays, for the filter: (id, name).
pub async fn institutions(
    bureau: &Bureau<'_>,
    batch: BatchId,
) -> Result<Vec<(i64, String)>, DbError> {
    bureau
        .db()
        .fetch_all(
            Sql::new("SELECT i.id, i.name FROM institutions i WHERE i.id IN (SELECT l.institution_id FROM aid_ledger l WHERE l.batch_id = ")
                .bind(batch)
                .push(") ORDER BY i.name"),
        )
        .await
}
