//! Incidents (安全事故): reported by a school or the 安全科, handled
//! through 报告 → 处置中 → 结案, listed by period, type and township with
//! their counts; epidemic reports (疫情报告) in `epidemics`.

mod demo;
pub mod epidemics;

pub use demo::fill_demo;

use chrono::NaiveDate;
use platform::area::Task;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::buses::{keeps_records, owner, require_keeper, unknown_institution};
use crate::domain::incidents::{IncidentId, IncidentInput, IncidentStatus};
use crate::store::incidents::{self as store, Incident, IncidentFilter, KindCount};

/// At most this many incidents in one list.
pub const LIST_LIMIT: i64 = 1_000;

fn invalid_if_any(errors: Vec<platform::FieldError>) -> Result<(), AppError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

/// The incidents of a filter and their counts by type.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct IncidentList {
    pub incidents: Vec<Incident>,
    pub by_kind: Vec<KindCount>,
    pub total: KindTotals,
}

/// All types together.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct KindTotals {
    pub incidents: i64,
    pub injured: i64,
    pub deaths: i64,
}

pub async fn list(db: &Db, caller: &Caller, f: &IncidentFilter) -> Result<IncidentList, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    let incidents = store::list(db, &caller.scope, f, LIST_LIMIT).await?;
    let by_kind = store::by_kind(db, &caller.scope, f).await?;
    let total = by_kind
        .iter()
        .fold(KindTotals::default(), |t, k| KindTotals {
            incidents: t.incidents + k.incidents,
            injured: t.injured + k.injured,
            deaths: t.deaths + k.deaths,
        });
    Ok(IncidentList {
        incidents,
        by_kind,
        total,
    })
}

pub async fn get(db: &Db, caller: &Caller, id: IncidentId) -> Result<Incident, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    store::get(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Incidents in the caller's scope not closed yet: the start page's figure.
pub async fn open_count(db: &Db, caller: &Caller) -> Result<i64, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    Ok(store::open_count(db, &caller.scope).await?)
}

#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewIncident {
    /// The institution (a school's own, whatever is sent).
    #[serde(default)]
    pub institution_id: Option<i64>,
    #[serde(flatten)]
    pub incident: IncidentInput,
}

pub async fn create(db: &Db, caller: &Caller, new: &NewIncident) -> Result<Incident, AppError> {
    require_keeper(caller)?;
    let institution_id = owner(caller, new.institution_id)?;
    let i = &new.incident;
    let now = platform::time::local(platform::time::now()).naive_local();
    invalid_if_any(i.check(now))?;
    let mut tx = db.begin().await?;
    let id = store::insert(&mut tx, institution_id, i)
        .await
        .map_err(unknown_institution)?;
    let created = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "safety_incident",
            format!(
                "报告安全事故：{}·{}（{}，伤 {} 人，亡 {} 人）",
                created.institution_name,
                i.kind.label(),
                i.occurred_at.format("%Y-%m-%d %H:%M"),
                i.injured,
                i.deaths
            ),
        )
        .id(id.0)
        .institution(Some(InstitutionId(institution_id)))
        .after(i),
    )
    .await?;
    Ok(created)
}

/// The next step of an incident's handling.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct Advance {
    pub status: IncidentStatus,
    /// 处理结果 (required to close).
    #[serde(default)]
    pub follow_up: String,
}

pub async fn advance(
    db: &Db,
    caller: &Caller,
    id: IncidentId,
    a: &Advance,
) -> Result<Incident, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    let mut tx = db.begin().await?;
    let before = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    require_keeper(caller)?;
    before
        .status
        .advance(a.status, &a.follow_up)
        .map_err(|m| AppError::invalid("status", m))?;
    let closed_on: Option<NaiveDate> =
        (a.status == IncidentStatus::Closed).then(platform::time::today);
    let follow_up = if a.follow_up.trim().is_empty() {
        before.follow_up.as_str()
    } else {
        a.follow_up.as_str()
    };
    if store::advance(&mut tx, id, before.status, a.status, follow_up, closed_on).await? == 0 {
        return Err(AppError::Conflict(
            "该事故的状态已被他人更新，请刷新后重试".into(),
        ));
    }
    let after = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "safety_incident",
            format!(
                "安全事故 {}·{}：{} → {}",
                before.institution_name,
                before.kind.label(),
                before.status.label(),
                a.status.label()
            ),
        )
        .id(id.0)
        .institution(Some(InstitutionId(before.institution_id)))
        .before(&serde_json::json!({"status": before.status, "follow_up": before.follow_up}))
        .after(&serde_json::json!({"status": after.status, "follow_up": after.follow_up})),
    )
    .await?;
    Ok(after)
}

/// The part's tasks in the inbox of whoever keeps the records, in scope:
/// open epidemic events without today's report.
pub(crate) async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    if !keeps_records(caller) {
        return Ok(vec![]);
    }
    Ok(vec![epidemics::missing_today(db, caller).await?])
}
