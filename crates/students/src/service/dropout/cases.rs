//! Cases: the list, one case, cause and responsible person, home visits
//! and closure.

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::Db;
use platform::{AppError, FieldError};
use serde::{Deserialize, Serialize};

use super::masked_for;
use crate::domain::dropout::{check_close, CaseStatus, CloseInput, VisitInput};
use crate::service::today;
use crate::store::dropout::{self as store, CaseFilter, CasePage, CaseRow, VisitRow};

pub async fn list(db: &Db, caller: &Caller, f: &CaseFilter) -> Result<CasePage, AppError> {
    caller.require(WorkArea::Dropout, Access::Read)?;
    if let Some(s) = f.status.as_deref().filter(|s| !s.trim().is_empty()) {
        if CaseStatus::parse(s).is_none() {
            return Err(AppError::invalid("status", format!("案件状态“{s}”无效")));
        }
    }
    let f = CaseFilter {
        status: f
            .status
            .as_deref()
            .and_then(CaseStatus::parse)
            .map(|s| s.key().to_string()),
        ..f.clone()
    };
    let mut page = store::list(db, &caller.scope, &f).await?;
    page.items = page
        .items
        .into_iter()
        .map(|c| masked_for(caller, c))
        .collect();
    Ok(page)
}

/// A case with its home visits.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CaseDetail {
    #[serde(flatten)]
    pub case: CaseRow,
    pub visits: Vec<VisitRow>,
}

/// Reads one case (another institution's is "not found"); a view of a
/// child's personal data, so it is audited.
pub async fn get(db: &Db, caller: &Caller, id: i64) -> Result<CaseDetail, AppError> {
    caller.require(WorkArea::Dropout, Access::Read)?;
    let case = store::get(db, &caller.scope, id).await?;
    let visits = store::visits(db, id).await?;
    let mut tx = db.begin().await?;
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "view",
            "dropout_case",
            format!("查看控辍保学案件：{}", case.name),
        )
        .id(id)
        .institution(case.institution_id),
    )
    .await?;
    tx.commit().await?;
    Ok(CaseDetail {
        case: masked_for(caller, case),
        visits,
    })
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

fn check_update(u: &CaseUpdate) -> Result<(String, String), AppError> {
    let (cause, responsible) = (u.cause.trim(), u.responsible.trim());
    let mut e = Vec::new();
    match cause.chars().count() {
        0 => e.push(FieldError::new("cause", "请填写辍学（未入学）原因")),
        n if n > 200 => e.push(FieldError::new("cause", "原因不能超过 200 字")),
        _ => {}
    }
    match responsible.chars().count() {
        0 => e.push(FieldError::new("responsible", "请填写劝返责任人")),
        n if n > 50 => e.push(FieldError::new("responsible", "责任人不能超过 50 字")),
        _ => {}
    }
    if e.is_empty() {
        Ok((cause.to_string(), responsible.to_string()))
    } else {
        Err(AppError::Invalid(e))
    }
}

fn closed_error(c: &CaseRow) -> AppError {
    let label = CaseStatus::parse(&c.status)
        .map(|s| s.label())
        .unwrap_or("已结案");
    AppError::Conflict(format!("该案件已结案（{label}），不能再修改"))
}

/// Sets cause and responsible person. Refused with a conflict when someone
/// saved the case since `version`, or it is closed.
pub async fn update(
    db: &Db,
    caller: &Caller,
    id: i64,
    u: &CaseUpdate,
) -> Result<CaseRow, AppError> {
    store::get(db, &caller.scope, id).await?;
    caller.require(WorkArea::Dropout, Access::Write)?;
    let (cause, responsible) = check_update(u)?;
    let mut tx = db.begin().await?;
    let before = store::get(&mut tx, &caller.scope, id).await?;
    if before.status != CaseStatus::Open.key() {
        return Err(closed_error(&before));
    }
    if !store::update(&mut tx, id, u.version, &cause, &responsible).await? {
        return Err(AppError::stale("该案件", u.version, before.version));
    }
    let after = store::get(&mut tx, &caller.scope, id).await?;
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "update",
            "dropout_case",
            format!("修改控辍保学案件：{}（原因、责任人）", after.name),
        )
        .id(id)
        .institution(after.institution_id)
        .before(&serde_json::json!({"cause": before.cause, "responsible": before.responsible}))
        .after(&serde_json::json!({"cause": after.cause, "responsible": after.responsible})),
    )
    .await?;
    tx.commit().await?;
    Ok(masked_for(caller, after))
}

/// Records a home visit (家访) on an open case; returns the visit's id.
pub async fn add_visit(
    db: &Db,
    caller: &Caller,
    id: i64,
    input: &VisitInput,
) -> Result<i64, AppError> {
    let case = store::get(db, &caller.scope, id).await?;
    caller.require(WorkArea::Dropout, Access::Write)?;
    if case.status != CaseStatus::Open.key() {
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
        Entry::new(
            "create",
            "dropout_case",
            format!("{} 家访（{}，{}）", case.name, v.date, v.visitor),
        )
        .id(id)
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
    id: i64,
    req: &CloseRequest,
) -> Result<CaseRow, AppError> {
    let case = store::get(db, &caller.scope, id).await?;
    caller.require(WorkArea::Dropout, Access::Write)?;
    let current = CaseStatus::parse(&case.status).unwrap_or(CaseStatus::Closed);
    let (status, on, outcome) =
        check_close(&req.input, current, case.opened_on, today()).map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    if !store::close(&mut tx, id, req.version, status.key(), on, &outcome).await? {
        return Err(AppError::Conflict(
            "结案失败：该案件已被他人修改或已结案，请刷新页面后查看".into(),
        ));
    }
    let after = store::get(&mut tx, &Scope::All, id).await?;
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new("update", "dropout_case", format!("控辍保学案件结案：{}（{}）", case.name, status.label()))
            .id(id)
            .institution(case.institution_id)
            .before(&serde_json::json!({"status": case.status}))
            .after(&serde_json::json!({"status": after.status, "closed_on": after.closed_on, "outcome": after.outcome})),
    )
    .await?;
    tx.commit().await?;
    Ok(masked_for(caller, after))
}
