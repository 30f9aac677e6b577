//! 审批与发放: a batch goes draft → approved → paid, or a draft is
//! discarded (放弃). Approval checks each program's yearly budget, that no
//! line pays a student the ledger pays already, and (a bureau setting) that
//! someone other than who computed the batch approves it. After approval
//! the database keeps its ledger rows unchanged.

use platform::audit::{self, Entry};
use platform::auth::Caller;
use platform::db::{Db, Tx};
use platform::AppError;

use crate::domain::{BatchId, BatchStatus, Fen};
use crate::store::already_paid::{self, AlreadyPaid};
use crate::store::{self, batches, BatchRow};

/// Lines named in the message refusing an approval.
const NAMED_CONFLICTS: i64 = 10;

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
    if platform::settings::flag(&mut tx, &super::settings::SEPARATE_APPROVER).await?
        && b.created_by == caller.who.username
    {
        return Err(AppError::Conflict(format!(
            "批次 #{batch} 由您计算，须由其他有审批权限的人员审批（局设置：{}）",
            super::settings::SEPARATE_APPROVER.label
        )));
    }
    let all = store::programs::list(&mut tx).await?;
    let exclusions = already_paid::exclusions(&all, &batches::programs_of(&mut tx, batch).await?);
    let (count, first) =
        already_paid::in_batch(&mut tx, batch, b.term, &exclusions, NAMED_CONFLICTS).await?;
    if count > 0 {
        return Err(AppError::Conflict(paid_already(batch, count, &first)));
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

/// The message refusing a batch whose lines the ledger pays already.
fn paid_already(batch: BatchId, count: i64, first: &[AlreadyPaid]) -> String {
    let named: Vec<String> = first
        .iter()
        .map(|c| {
            format!(
                "{}（“{}”已由批次 #{} 发放，本批次“{}”）",
                c.student_name, c.paid_program, c.paid_batch, c.withheld_program
            )
        })
        .collect();
    let more = if count > first.len() as i64 {
        " 等"
    } else {
        ""
    };
    format!(
        "批次 #{batch} 有 {count} 条记录的学生本学期已享受同一项目或不可同时享受的项目，不能审批：{}{more}。请放弃本批次后重新计算，已享受的学生将列为冲突、不再发放。",
        named.join("；")
    )
}

/// 放弃: a draft (a run or a correction) is thrown away; its lines go, so
/// a ledger line a discarded correction meant to reverse can be corrected
/// again.
pub async fn discard(db: &Db, caller: &Caller, batch: BatchId) -> Result<BatchRow, AppError> {
    super::bureau_writer(db, caller)?;
    let mut tx = db.begin().await?;
    let b = batches::get(&mut tx, batch).await?;
    if b.status != BatchStatus::Draft {
        return Err(AppError::Conflict(format!(
            "批次 #{batch} 当前为“{}”，只有待审批的批次可以放弃",
            b.status.label()
        )));
    }
    batches::discard(&mut tx, batch).await?;
    let after = batches::get(&mut tx, batch).await?;
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "update",
            "aid_batch",
            format!(
                "放弃资助批次 #{batch}（{}，{}）",
                crate::domain::term::label(b.term),
                b.kind.label()
            ),
        )
        .id(batch.0)
        .before(&b.status)
        .after(&after.status),
    )
    .await?;
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
