//! 更正: a paid benefit is never changed; it is reversed by a new row of the
//! opposite amount (and, if needed, paid again at the right amount), in a
//! correction batch that goes through approval like any other.

use platform::audit::{self, Entry};
use platform::auth::Caller;
use platform::db::Db;
use platform::AppError;
use serde::{Deserialize, Serialize};

use crate::domain::{BatchKind, Fen, LedgerKind, LedgerLineId, Term};
use crate::store::{batches, ledger, BatchRow};

#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ReverseRequest {
    /// 更正原因.
    pub reason: String,
    /// The right amount in 元, if the benefit is to be paid again.
    #[serde(default)]
    pub reissue_amount: Option<String>,
}

pub async fn reverse(
    db: &Db,
    caller: &Caller,
    ledger_id: LedgerLineId,
    req: &ReverseRequest,
) -> Result<BatchRow, AppError> {
    super::bureau_writer(db, caller)?;
    let why = req.reason.trim();
    if why.is_empty() {
        return Err(AppError::invalid("reason", "请填写更正原因"));
    }
    let reissue = match req
        .reissue_amount
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(t) => Some(Fen::parse_yuan(t).map_err(|m| AppError::invalid("reissue_amount", m))?),
    };
    let mut tx = db.begin().await?;
    let orig = ledger::line(&mut tx, ledger_id).await?;
    if orig.kind != LedgerKind::Payment {
        return Err(AppError::Conflict("冲销记录本身不能再冲销".into()));
    }
    if !orig.batch_status.is_settled() {
        return Err(AppError::Conflict(
            "该记录所在批次尚未审批：请直接重新计算该批次".into(),
        ));
    }
    if ledger::is_reversed(&mut tx, ledger_id).await? {
        return Err(AppError::Conflict(format!(
            "台账记录 #{ledger_id} 已冲销过，不能重复冲销"
        )));
    }
    let src = batches::get(&mut tx, orig.batch_id).await?;
    let term = Term {
        school_year: src.term / 10,
        half: src.term % 10,
        starts_on: src.starts_on,
        weeks: src.weeks,
        school_days: src.school_days,
    };
    let note = format!("冲销台账记录 #{ledger_id}：{why}");
    let batch = batches::insert(
        &mut tx,
        BatchKind::Correction,
        &term,
        &note,
        &caller.who.username,
    )
    .await?;
    batches::add_programs(&mut tx, batch, &[orig.program_id]).await?;
    let reason = ledger::reason_id(&mut tx, &format!("更正：{why}")).await?;
    ledger::reverse(&mut tx, batch, &orig, reason, reissue.map(|f| f.0)).await?;
    let total = -orig.amount + reissue.map(|f| f.0).unwrap_or(0);
    let rows = 1 + i64::from(reissue.is_some());
    batches::set_totals(&mut tx, batch, 0, rows, total, 0).await?;
    let row = batches::get(&mut tx, batch).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "aid_batch",
            format!(
                "更正批次 #{batch}：冲销 {} 的“{}” {}",
                orig.student_id,
                orig.program_name,
                Fen(orig.amount)
            ),
        )
        .id(batch.0)
        .after(&req),
    )
    .await?;
    Ok(row)
}
