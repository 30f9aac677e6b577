//! 审批与发放: a batch goes draft → approved → paid; approval checks each
//! program's yearly budget. After approval the database keeps its ledger
//! rows unchanged.

use platform::audit::{self, Entry};
use platform::auth::Caller;
use platform::db::{Db, Tx};
use platform::AppError;

use crate::domain::{BatchId, BatchStatus, Fen};
use crate::store::{self, batches, BatchRow};

/// 审批: draft → approved, refused past a program's yearly budget.
pub async fn approve(db: &Db, caller: &Caller, batch: BatchId) -> Result<BatchRow, AppError> {
    super::require_approver(db, caller)?;
    let mut tx = db.begin().await?;
    let b = batches::get(&mut tx, batch).await?;
    if b.status != BatchStatus::Draft {
        return Err(AppError::Conflict(format!(
            "批次 #{batch} 当前为“{}”，只有待审批的批次可以审批",
            b.status.label()
        )));
    }
    for (program, amount) in batches::totals_by_program(&mut tx, batch).await? {
        let p = store::programs::get(&mut tx, program).await?;
        if p.def.budget.0 > 0 {
            let used = batches::used_in_year(&mut tx, program, b.term / 10).await?;
            if used + amount > p.def.budget.0 {
                return Err(AppError::Conflict(format!(
                    "“{}”本学年预算 {}，已用 {}，本批次 {}，超出预算，不能审批",
                    p.def.name,
                    p.def.budget,
                    Fen(used),
                    Fen(amount)
                )));
            }
        }
    }
    advance(
        &mut tx,
        caller,
        &b,
        BatchStatus::Draft,
        BatchStatus::Approved,
        "审批",
    )
    .await?;
    let after = batches::get(&mut tx, batch).await?;
    tx.commit().await?;
    Ok(after)
}

/// 发放: approved → paid.
pub async fn pay(db: &Db, caller: &Caller, batch: BatchId) -> Result<BatchRow, AppError> {
    super::require_approver(db, caller)?;
    let mut tx = db.begin().await?;
    let b = batches::get(&mut tx, batch).await?;
    if b.status != BatchStatus::Approved {
        return Err(AppError::Conflict(format!(
            "批次 #{batch} 当前为“{}”，只有已审批的批次可以登记发放",
            b.status.label()
        )));
    }
    advance(
        &mut tx,
        caller,
        &b,
        BatchStatus::Approved,
        BatchStatus::Paid,
        "登记发放",
    )
    .await?;
    let after = batches::get(&mut tx, batch).await?;
    tx.commit().await?;
    Ok(after)
}

async fn advance(
    tx: &mut Tx,
    caller: &Caller,
    b: &BatchRow,
    from: BatchStatus,
    to: BatchStatus,
    verb: &str,
) -> Result<(), AppError> {
    if !batches::advance(tx, b.id, from, to, &caller.who.username).await? {
        return Err(AppError::Conflict(format!(
            "批次 #{} 状态已被他人改变，请刷新",
            b.id
        )));
    }
    audit::record(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "aid_batch",
            format!(
                "{verb}资助批次 #{}（{}，{}）",
                b.id,
                crate::domain::term::label(b.term),
                Fen(b.total)
            ),
        )
        .id(b.id.0)
        .before(&b.status)
        .after(&to),
    )
    .await?;
    Ok(())
}
