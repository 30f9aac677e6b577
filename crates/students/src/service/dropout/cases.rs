//! Cases: cause and responsible person, home visits and closure; reading
//! them is [`DropoutReader`]'s.

use platform::audit;
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::Db;
use platform::vocab::{Checker, Field};
use platform::AppError;
use serde::{Deserialize, Serialize};

use super::case_entry;
use crate::domain::dropout::{check_close, CaseStatus, CloseInput, VisitInput};
use crate::domain::ids::{CaseId, HomeVisitId};
use crate::reader::DropoutReader;
use crate::service::today;
use crate::store::dropout::{self as store, CaseRow, VisitRow};

/// A case with its home visits.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CaseDetail {
    #[serde(flatten)]
    pub case: CaseRow,
    pub visits: Vec<VisitRow>,
}

/// Cause and responsible person of a case, as edited on top of `version`.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CaseUpdate {
    pub version: i64,
    /// 辍学（未入学）原因
    pub cause: String,
    /// 劝返责任人
    pub responsible: String,
}

const CAUSE: Field = Field::new("cause", "辍学（未入学）原因");
const RESPONSIBLE: Field = Field::new("responsible", "劝返责任人");

fn check_update(u: &CaseUpdate) -> Result<(String, String), AppError> {
    let mut c = Checker::new();
    let cause = c.required_text(CAUSE, &u.cause, 200).to_string();
    let responsible = c.required_text(RESPONSIBLE, &u.responsible, 50).to_string();
    c.finish((cause, responsible)).map_err(AppError::Invalid)
}

fn closed_error(c: &CaseRow) -> AppError {
    let label = c.status.label();
    AppError::Conflict(format!("该案件已结案（{label}），不能再修改"))
}

/// Sets cause and responsible person. Refused with a conflict when someone
/// saved the case since `version`, or it is closed.
pub async fn update(
    db: &Db,
    caller: &Caller,
    id: CaseId,
    u: &CaseUpdate,
) -> Result<CaseRow, AppError> {
    store::get(db, &caller.scope, id).await?;
    caller.require(WorkArea::Dropout, Access::Write)?;
    let (cause, responsible) = check_update(u)?;
    let mut tx = db.begin().await?;
    let before = store::get(&mut tx, &caller.scope, id).await?;
    if before.status != CaseStatus::Open {
        return Err(closed_error(&before));
    }
    if !store::update(&mut tx, id, u.version, &cause, &responsible).await? {
        return Err(AppError::stale("该案件", u.version, before.version));
    }
    let after = store::get(&mut tx, &caller.scope, id).await?;
    audit::record(
        &mut tx,
        &caller.who,
        case_entry(
            "update",
            format!("修改控辍保学案件：{}（原因、责任人）", after.name),
        )
        .id(id.0)
        .institution(after.institution_id)
        .before(&serde_json::json!({"cause": before.cause, "responsible": before.responsible}))
        .after(&serde_json::json!({"cause": after.cause, "responsible": after.responsible})),
    )
    .await?;
    tx.commit().await?;
    Ok(DropoutReader::of(db, caller)?.written(after))
}

/// Records a home visit (家访) on an open case; returns the visit's id.
pub async fn add_visit(
    db: &Db,
    caller: &Caller,
    id: CaseId,
    input: &VisitInput,
) -> Result<HomeVisitId, AppError> {
    let case = store::get(db, &caller.scope, id).await?;
    caller.require(WorkArea::Dropout, Access::Write)?;
    if case.status != CaseStatus::Open {
        return Err(closed_error(&case));
    }
    let v = input
        .check(case.opened_on, today())
        .map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let vid = store::add_visit(&mut tx, id, v.date, &v.visitor, &v.outcome).await?;
    audit::record(
        &mut tx,
        &caller.who,
        case_entry(
            "create",
            format!("{} 家访（{}，{}）", case.name, v.date, v.visitor),
        )
        .id(id.0)
        .institution(case.institution_id)
        .after(&v),
    )
    .await?;
    tx.commit().await?;
    Ok(vid)
}

/// Closing a case, optionally naming the version it was based on.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct CloseRequest {
    #[serde(default)]
    pub version: Option<i64>,
    #[serde(flatten)]
    pub input: CloseInput,
}

/// Closes a case: 已复学, 转入职业学校 or 其他结案.
pub async fn close(
    db: &Db,
    caller: &Caller,
    id: CaseId,
    req: &CloseRequest,
) -> Result<CaseRow, AppError> {
    let case = store::get(db, &caller.scope, id).await?;
    caller.require(WorkArea::Dropout, Access::Write)?;
    let current = case.status;
    let (status, on, outcome) =
        check_close(&req.input, current, case.opened_on, today()).map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    if !store::close(&mut tx, id, req.version, status, on, &outcome).await? {
        let now = store::get(&mut tx, &Scope::All, id).await?;
        return Err(match req.version {
            _ if now.status != CaseStatus::Open => closed_error(&now),
            Some(v) => AppError::stale("该案件", v, now.version),
            None => AppError::Conflict("结案失败：请刷新页面后重试".into()),
        });
    }
    let after = store::get(&mut tx, &Scope::All, id).await?;
    audit::record(
        &mut tx,
        &caller.who,
        case_entry("update", format!("控辍保学案件结案：{}（{}）", case.name, status.label()))
            .id(id.0)
            .institution(case.institution_id)
            .before(&serde_json::json!({"status": case.status}))
            .after(&serde_json::json!({"status": after.status, "closed_on": after.closed_on, "outcome": after.outcome})),
    )
    .await?;
    tx.commit().await?;
    Ok(DropoutReader::of(db, caller)?.written(after))
}
