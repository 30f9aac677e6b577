//! 信息变更审核: 人事科 or leadership approves an institution's change (it
//! then counts) or sends it back with a comment.

use platform::audit::{self, Entry};
use platform::auth::{Caller, Scope, WorkArea};
use platform::db::Db;
use platform::AppError;

use super::{create_record, refuse_duplicate, update_record, Saved};
use crate::domain::staff::review::{may_review, rejection_comment, ChangeKind, ChangeStatus};
use crate::domain::staff::ChangeId;
use crate::store::staff as records;
use crate::store::staff::changes::{self, ChangeRow, Decision};

/// Refuses all but reviewers: an institution gets 404 as for any
/// bureau-only route, another section 403.
fn require_reviewer(caller: &Caller) -> Result<(), AppError> {
    caller.require(WorkArea::Teachers, platform::auth::Access::Read)?;
    if caller.scope != Scope::All {
        return Err(AppError::NotFound);
    }
    if !may_review(caller.role, &caller.scope) {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// The changes waiting for review: all of them for reviewers, an
/// institution's own for the institution. They carry personal data, so
/// the view is audited.
pub async fn queue(db: &Db, caller: &Caller) -> Result<Vec<ChangeRow>, AppError> {
    caller.require(WorkArea::Teachers, platform::auth::Access::Read)?;
    let rows = changes::with_status(db, &caller.scope, ChangeStatus::Pending).await?;
    let summary = format!("查看待审核的教师信息变更（{} 项）", rows.len());
    let entry = Entry::new("view", "teachers_staff_change", summary)
        .institution(caller.scope.institution());
    let mut tx = db.begin().await?;
    audit::record(&mut tx, &caller.who, entry).await?;
    tx.commit().await?;
    Ok(rows)
}

/// How many changes wait for this caller's review (the inbox).
pub async fn waiting(db: &Db, caller: &Caller) -> Result<i64, AppError> {
    if !may_review(caller.role, &caller.scope) {
        return Ok(0);
    }
    Ok(changes::pending_count(db).await?)
}

/// One change, within the caller's scope.
pub async fn change(db: &Db, caller: &Caller, id: ChangeId) -> Result<ChangeRow, AppError> {
    caller.require(WorkArea::Teachers, platform::auth::Access::Read)?;
    Ok(changes::get(db, &caller.scope, id).await?)
}

const DECIDED: &str = "该变更已审核过了，请刷新审核列表";

/// 审核通过: the change is written to the record (or creates it).
pub async fn approve(db: &Db, caller: &Caller, id: ChangeId) -> Result<Saved, AppError> {
    require_reviewer(caller)?;
    let mut tx = db.begin().await?;
    let change = changes::get(&mut tx, &Scope::All, id).await?;
    if change.status != ChangeStatus::Pending {
        return Err(AppError::Conflict(DECIDED.into()));
    }
    let fields = change.after()?;
    let (staff_id, before) = match (change.kind, change.staff_id) {
        (ChangeKind::Update, Some(staff)) => {
            let current = records::get(&mut tx, &Scope::All, staff).await?;
            if Some(current.version) != change.base_version {
                return Err(AppError::Conflict(
                    "提交之后该记录又被修改过，这项变更已过时；请退回，让学校在最新记录上重新提交"
                        .into(),
                ));
            }
            refuse_duplicate(&mut tx, &fields, Some(staff)).await?;
            update_record(&mut tx, caller, &current, &fields).await?;
            (staff, Some(current.fields))
        }
        _ => {
            refuse_duplicate(&mut tx, &fields, None).await?;
            (
                create_record(&mut tx, caller, change.institution_id, &fields).await?,
                None,
            )
        }
    };
    let decision = Decision {
        status: ChangeStatus::Approved,
        by: &caller.who.username,
        comment: "",
        staff_id: Some(staff_id),
        before: before.as_ref(),
    };
    decided(changes::decide(&mut tx, id, &decision).await?)?;
    let summary = format!("审核通过 {} 的{}", change.name, kind_words(change.kind));
    audit_decision(&mut tx, caller, &change, ChangeStatus::Approved, summary).await?;
    tx.commit().await?;
    Ok(Saved::Applied(staff_id))
}

/// 退回: the change does not count; the comment tells the school why.
pub async fn reject(db: &Db, caller: &Caller, id: ChangeId, comment: &str) -> Result<(), AppError> {
    require_reviewer(caller)?;
    let comment = rejection_comment(comment).map_err(|m| AppError::invalid("comment", m))?;
    let mut tx = db.begin().await?;
    let change = changes::get(&mut tx, &Scope::All, id).await?;
    let decision = Decision {
        status: ChangeStatus::Rejected,
        by: &caller.who.username,
        comment,
        staff_id: None,
        before: None,
    };
    decided(changes::decide(&mut tx, id, &decision).await?)?;
    let summary = format!(
        "退回 {} 的{}：{comment}",
        change.name,
        kind_words(change.kind)
    );
    audit_decision(&mut tx, caller, &change, ChangeStatus::Rejected, summary).await?;
    tx.commit().await?;
    Ok(())
}

fn kind_words(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Create => "新增教职工申请",
        ChangeKind::Update => "信息变更",
    }
}

fn decided(rows: u64) -> Result<(), AppError> {
    if rows == 0 {
        Err(AppError::Conflict(DECIDED.into()))
    } else {
        Ok(())
    }
}

async fn audit_decision(
    tx: &mut platform::db::Tx,
    caller: &Caller,
    change: &ChangeRow,
    status: ChangeStatus,
    summary: String,
) -> Result<(), AppError> {
    let entry = Entry::new("update", "teachers_staff_change", summary)
        .id(change.id.0)
        .institution(Some(change.institution_id))
        .before(&change.status)
        .after(&status);
    audit::record(tx, &caller.who, entry).await?;
    Ok(())
}
