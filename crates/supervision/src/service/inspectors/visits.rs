//! Visits (督导记录): recorded by the visiting inspector (or by 督导室 for
//! the institution's responsible inspector) with optional evidence files;
//! a finding can become a rectification order (整改通知书) in the same
//! transaction.

use chrono::NaiveDate;
use inspection::domain::order::check_deadline;
use inspection::domain::{Owner, Source};
use inspection::service::evidence::{self, Subject, Upload};
use inspection::service::orders::{self, NewOrder};
use inspection::store::evidence::EvidenceFile;
use inspection::store::orders::Order;
use platform::audit::{self, Entry};
use platform::auth::Caller;
use platform::db::Db;
use platform::vocab::check::{Checker, Field};
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::{own_account, require_read, require_write, LIST_LIMIT};
use crate::domain::inspectors::{check_order_finding, check_visit_day, Focus, VisitId};
use crate::store::inspectors::visits::{self as store, NewVisit, Visit, VisitFilter};
use crate::store::inspectors::{self as assignments};

/// The kind of record evidence files of a visit are attached to.
pub const EVIDENCE_KIND: &str = "visit";

/// A visit as sent. `order`, when present, makes the findings a
/// rectification order.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct VisitInput {
    pub institution_id: Option<i64>,
    /// 督导日期, e.g. 2026-12-03.
    pub visited_on: String,
    /// 督导重点: a key of [`Focus`] or its Chinese name.
    pub focus: String,
    pub findings: String,
    pub suggestions: String,
    pub order: Option<OrderInput>,
}

/// The rectification order a visit's finding becomes.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct OrderInput {
    pub requirement: String,
    pub responsible_person: String,
    /// 整改期限, e.g. 2026-12-31: today or later.
    pub deadline: String,
}

const INSTITUTION: Field = Field::new("institution_id", "学校");
const VISITED_ON: Field = Field::new("visited_on", "督导日期");
const FOCUS: Field = Field::new("focus", "督导重点");
const FINDINGS: Field = Field::new("findings", "发现的问题");
const SUGGESTIONS: Field = Field::new("suggestions", "意见建议");
const REQUIREMENT: Field = Field::new("requirement", "整改要求");
const RESPONSIBLE: Field = Field::new("responsible_person", "整改责任人");
const DEADLINE: Field = Field::new("deadline", "整改期限");

/// A checked visit: the fields of the store's row and the order's.
struct Checked {
    institution_id: i64,
    visited_on: NaiveDate,
    focus: Focus,
    findings: String,
    suggestions: String,
    order: Option<(String, String, NaiveDate)>,
}

fn check(input: &VisitInput, today: NaiveDate) -> Result<Checked, AppError> {
    let mut c = Checker::new();
    if input.institution_id.is_none() {
        c.custom(INSTITUTION.key, "请选择学校");
    }
    c.required(VISITED_ON, &input.visited_on);
    let visited_on = c.date(VISITED_ON, &input.visited_on);
    if let Some(day) = visited_on {
        if let Err(e) = check_visit_day(day, today) {
            c.custom(VISITED_ON.key, e.to_string());
        }
    }
    c.required(FOCUS, &input.focus);
    let focus = Focus::parse(&input.focus);
    if focus.is_none() && !input.focus.trim().is_empty() {
        c.custom(
            FOCUS.key,
            format!("没有“{}”这一督导重点", input.focus.trim()),
        );
    }
    let findings = c.text(FINDINGS, &input.findings, 2000).to_string();
    let suggestions = c.text(SUGGESTIONS, &input.suggestions, 2000).to_string();
    let order = input.order.as_ref().and_then(|o| {
        if let Err(e) = check_order_finding(&findings) {
            c.custom(FINDINGS.key, e.to_string());
        }
        let requirement = c.text(REQUIREMENT, &o.requirement, 1000).to_string();
        let responsible = c
            .required_text(RESPONSIBLE, &o.responsible_person, 40)
            .to_string();
        c.required(DEADLINE, &o.deadline);
        let deadline = c.date(DEADLINE, &o.deadline)?;
        if let Err(e) = check_deadline(deadline, today) {
            c.custom(DEADLINE.key, e.to_string());
        }
        Some((requirement, responsible, deadline))
    });
    let (Some(institution_id), Some(visited_on), Some(focus)) =
        (input.institution_id, visited_on, focus)
    else {
        return Err(AppError::Invalid(c.into_errors()));
    };
    c.finish(Checked {
        institution_id,
        visited_on,
        focus,
        findings,
        suggestions,
        order,
    })
    .map_err(AppError::Invalid)
}

/// Who made the visit: the caller when an inspector, otherwise the
/// institution's responsible inspector.
async fn visitor(
    db: &Db,
    caller: &Caller,
    institution: i64,
) -> Result<(Option<i64>, String), AppError> {
    if let Some(account) = own_account(caller) {
        let name = platform::auth::users::get(db, platform::UserId(account))
            .await?
            .map_or_else(|| caller.who.username.clone(), |u| u.display_name);
        return Ok((Some(account), name));
    }
    let current = assignments::current(db, institution)
        .await?
        .ok_or_else(|| {
            AppError::invalid(
                INSTITUTION.key,
                "该校尚未指定责任督学，请先指定后再登记督导记录",
            )
        })?;
    Ok((current.account_id, current.inspector_name))
}

/// Records a visit with its evidence files and, when asked, the order its
/// finding becomes; nothing is written unless everything passes.
pub async fn record(
    db: &Db,
    caller: &Caller,
    input: &VisitInput,
    files: &[Upload],
) -> Result<Visit, AppError> {
    require_write(caller)?;
    let today = platform::time::today();
    let v = check(input, today)?;
    let (_, institution_name) = assignments::institution(db, &caller.scope, v.institution_id)
        .await?
        .ok_or_else(|| AppError::invalid(INSTITUTION.key, "学校不存在"))?;
    evidence::check_all(files)?;
    let (account_id, inspector_name) = visitor(db, caller, v.institution_id).await?;
    let mut tx = db.begin().await?;
    let row = NewVisit {
        institution_id: v.institution_id,
        account_id,
        inspector_name: &inspector_name,
        visited_on: v.visited_on,
        focus: v.focus,
        findings: &v.findings,
        suggestions: &v.suggestions,
        created_by: caller.who.user_id.map(|u| u.0),
    };
    let id = store::insert(&mut tx, &row).await?;
    let mut summary = format!(
        "督导记录：{institution_name}，{}，{}（{}）",
        v.visited_on,
        v.focus.label(),
        inspector_name
    );
    if let Some((requirement, responsible_person, deadline)) = &v.order {
        let order = NewOrder {
            owner: Owner::Supervision,
            institution_id: v.institution_id,
            campaign_id: None,
            source: Source::Visit,
            source_id: Some(id.0),
            finding: v.findings.clone(),
            requirement: requirement.clone(),
            responsible_person: responsible_person.clone(),
            deadline: *deadline,
        };
        let order_id = orders::issue_in(&mut tx, caller, &order, today).await?;
        store::set_order(&mut tx, id, order_id).await?;
        audit::record(&mut tx, &caller.who, orders::entry(&order, order_id)).await?;
        summary.push_str("，下发整改通知");
    }
    let subject = Subject {
        owner: Owner::Supervision,
        institution_id: Some(v.institution_id),
        kind: EVIDENCE_KIND,
        id: id.0,
        indicator_code: "",
    };
    let attached = evidence::attach(&mut tx, caller, subject, files).await?;
    if !attached.is_empty() {
        summary.push_str(&format!("，佐证材料 {} 份", attached.len()));
    }
    audit::commit(
        tx,
        &caller.who,
        Entry::new("create", "supervision_visit", summary)
            .id(id.0)
            .institution(Some(InstitutionId(v.institution_id)))
            .after(input),
    )
    .await?;
    store::get(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// A visit with its evidence files and the order its finding became.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct VisitDetail {
    pub visit: Visit,
    pub files: Vec<EvidenceFile>,
    pub order: Option<Order>,
}

pub async fn detail(db: &Db, caller: &Caller, id: VisitId) -> Result<VisitDetail, AppError> {
    require_read(caller)?;
    let visit = store::get(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let order = match visit.order_id {
        Some(o) => inspection::store::orders::get(db, &caller.scope, o).await?,
        None => None,
    };
    Ok(VisitDetail {
        files: evidence::list(db, caller, EVIDENCE_KIND, id.0).await?,
        visit,
        order,
    })
}

/// The visits in scope that pass the filter, newest first.
pub async fn list(db: &Db, caller: &Caller, filter: VisitFilter) -> Result<Vec<Visit>, AppError> {
    require_read(caller)?;
    Ok(store::list(db, &caller.scope, filter, LIST_LIMIT).await?)
}
