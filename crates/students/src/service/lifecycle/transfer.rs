//! Transfers (转学): the sending school asks, the receiving school (or the
//! bureau) confirms or refuses.

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::Db;
use platform::AppError;
use serde::Deserialize;

use super::{check_grade_taught, current_enrolment, find_by_code};
use crate::domain::enrolment::{EnrolmentStatus, LeftReason, TransferStatus};
use crate::domain::ids::TransferId;
use crate::domain::Grade;
use crate::service::{school_year_of, today};
use crate::store::enrolments::{self, TransferRow};
use crate::store::students::{self, StudentId};

/// A request to transfer a student out.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TransferRequest {
    /// 学校标识码 of the receiving institution.
    pub to_code: String,
    pub reason: String,
}

/// The sending side asks to transfer a student out (转出).
pub async fn request_transfer(
    db: &Db,
    caller: &Caller,
    id: StudentId,
    req: &TransferRequest,
) -> Result<TransferId, AppError> {
    let s = students::get(db, &caller.scope, id).await?;
    caller.require(WorkArea::Students, Access::Write)?;
    let (enrolment, from, status) = current_enrolment(&s)?;
    if status != EnrolmentStatus::Active {
        return Err(AppError::Conflict(format!(
            "{} 的学籍状态为“{}”，不能转出",
            s.name,
            status.label()
        )));
    }
    let field = "转入学校的学校标识码";
    let (to, to_type) = find_by_code(db, &req.to_code, field).await?;
    if to == from {
        return Err(AppError::invalid(field, "转入学校不能是本校"));
    }
    check_grade_taught(&to_type, Grade(s.grade.unwrap_or(0)), field)?;
    let mut tx = db.begin().await?;
    if !enrolments::set_status(
        &mut tx,
        enrolment,
        EnrolmentStatus::Active,
        EnrolmentStatus::Transferring,
    )
    .await?
    {
        return Err(AppError::Conflict(
            "学籍状态已被他人修改，请刷新后重试".into(),
        ));
    }
    let tid = enrolments::request_transfer(
        &mut tx,
        id,
        from,
        to,
        s.grade.unwrap_or(0),
        req.reason.trim(),
        &caller.who.username,
    )
    .await?;
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new("create", "transfer", format!("{} 申请转出", s.name))
            .id(tid.0)
            .institution(Some(from)),
    )
    .await?;
    tx.commit().await?;
    Ok(tid)
}

/// The receiving side (or the bureau) confirms or refuses a transfer. A
/// confirmed pupil is placed in `class_name`; left blank, the pupil waits
/// to be placed (待分班) and the school is prompted to place them.
pub async fn decide_transfer(
    db: &Db,
    caller: &Caller,
    transfer: TransferId,
    confirm: bool,
    class_name: &str,
) -> Result<TransferRow, AppError> {
    caller.require(WorkArea::Students, Access::Write)?;
    let mut tx = db.begin().await?;
    let t = enrolments::get_transfer(&mut tx, &caller.scope, transfer).await?;
    if let Some(own) = caller.scope.institution() {
        if own != t.to_institution_id {
            return Err(AppError::Forbidden);
        }
    }
    if t.status != TransferStatus::Pending {
        return Err(AppError::Conflict("该转学申请已处理".into()));
    }
    let rec = students::get(&mut tx, &Scope::All, t.student_id).await?;
    let (enrolment, _, _) = current_enrolment(&rec)?;
    enrolments::decide_transfer(
        &mut tx,
        transfer,
        if confirm {
            TransferStatus::Confirmed
        } else {
            TransferStatus::Refused
        },
        &caller.who.username,
    )
    .await?;
    if confirm {
        enrolments::leave(&mut tx, enrolment, LeftReason::Transferred, today()).await?;
        students::enrol(
            &mut tx,
            t.student_id,
            t.to_institution_id,
            school_year_of(today()),
            Grade(t.grade),
            class_name.trim(),
            today(),
        )
        .await?;
    } else {
        enrolments::set_status(
            &mut tx,
            enrolment,
            EnrolmentStatus::Transferring,
            EnrolmentStatus::Active,
        )
        .await?;
    }
    let what = match (confirm, class_name.trim()) {
        (false, _) => "拒绝转入".to_string(),
        (true, "") => "确认转入（待分班）".to_string(),
        (true, class) => format!("确认转入（分入{class}）"),
    };
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "update",
            "transfer",
            format!(
                "{what}：{}，{} → {}",
                t.student_name, t.from_name, t.to_name
            ),
        )
        .id(transfer.0)
        .institution(Some(t.to_institution_id)),
    )
    .await?;
    let after = enrolments::get_transfer(&mut tx, &Scope::All, transfer).await?;
    tx.commit().await?;
    Ok(after)
}

/// Places a pupil waiting for a class (待分班, after a transfer) in
/// `class_name`.
pub async fn place(
    db: &Db,
    caller: &Caller,
    id: StudentId,
    class_name: &str,
) -> Result<(), AppError> {
    caller.require(WorkArea::Students, Access::Write)?;
    let s = students::get(db, &caller.scope, id).await?;
    let (enrolment, institution, _) = current_enrolment(&s)?;
    let class = class_name.trim();
    if class.is_empty() {
        return Err(AppError::invalid("class_name", "请填写分入的班级"));
    }
    let mut tx = db.begin().await?;
    if !enrolments::place(&mut tx, enrolment, class).await? {
        return Err(AppError::Conflict(format!("{} 已分班", s.name)));
    }
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new("update", "enrolment", format!("{} 分入{class}", s.name))
            .id(id.0)
            .institution(Some(institution)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// `confirm` or `refuse` in a transfer URL: whether the transfer is confirmed.
pub fn transfer_decision(s: &str) -> Result<bool, AppError> {
    match s {
        "confirm" => Ok(true),
        "refuse" => Ok(false),
        _ => Err(AppError::NotFound),
    }
}
