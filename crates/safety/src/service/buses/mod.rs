//! School buses (校车): the fleet with its papers, drivers and routes, and
//! the expiry alerts of the 安全科 and of each school.
//!
//! A school keeps its own buses (its scope limits it to them); the 安全科
//! keeps every institution's.

mod demo;
pub mod import;

pub use demo::fill_demo;

use platform::area::Task;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::{Db, DbError};
use platform::{AppError, FieldError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::pending::task;
use crate::domain::buses::{expiry, BusId, BusInput, Expiry, Plate, ALERT_DAYS};
use crate::store::buses::{self as store, Bus, BusFilter};

/// At most this many buses in one list or export.
pub const LIST_LIMIT: i64 = 100_000;

/// Whether the caller keeps the area's records of institutions (buses,
/// incidents, epidemic reports): a school its own, the 安全科 every
/// institution's.
pub fn keeps_records(caller: &Caller) -> bool {
    caller.role.may(WorkArea::Safety, Access::Write)
}

pub(crate) fn require_keeper(caller: &Caller) -> Result<(), AppError> {
    caller.require(WorkArea::Safety, Access::Write)
}

/// The institution a new record belongs to: a school's own (whatever was
/// sent), or the one a bureau user chose.
pub(crate) fn owner(caller: &Caller, chosen: Option<i64>) -> Result<i64, AppError> {
    match caller.scope {
        Scope::Institution(own) => Ok(own.0),
        Scope::All => chosen.ok_or_else(|| AppError::invalid("institution_id", "请选择学校")),
    }
}

fn with_status(mut b: Bus, today: chrono::NaiveDate) -> Bus {
    b.status = Some(expiry(b.first_expiry, today, ALERT_DAYS));
    b
}

/// The buses in the caller's scope, filtered, soonest expiry first.
pub async fn list(db: &Db, caller: &Caller, f: &BusFilter) -> Result<Vec<Bus>, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    let today = platform::time::today();
    let rows = store::list(db, &caller.scope, f, today, ALERT_DAYS, LIST_LIMIT).await?;
    Ok(rows.into_iter().map(|b| with_status(b, today)).collect())
}

/// One bus; its driver's particulars make the view an audited one.
pub async fn get(db: &Db, caller: &Caller, id: BusId) -> Result<Bus, AppError> {
    let reader = caller.reader(db, WorkArea::Safety)?;
    let bus = store::get(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    reader
        .audit_view(
            Entry::new(
                "view",
                "safety_bus",
                format!(
                    "查看校车 {}（驾驶人 {}）",
                    Plate::parse(&bus.plate).map_or(bus.plate.clone(), |p| p.display()),
                    bus.driver_name
                ),
            )
            .id(id.0)
            .institution(Some(InstitutionId(bus.institution_id))),
        )
        .await?;
    Ok(with_status(bus, platform::time::today()))
}

/// Buses in the caller's scope whose first expiry is past or within
/// `within_days` days: the start page's figure.
pub async fn expiring_count(db: &Db, caller: &Caller, within_days: i64) -> Result<i64, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    let f = BusFilter {
        state: Some("alert".into()),
        ..Default::default()
    };
    Ok(store::count(db, &caller.scope, &f, platform::time::today(), within_days).await?)
}

#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewBus {
    /// The owner institution (a school's own, whatever is sent).
    #[serde(default)]
    pub institution_id: Option<i64>,
    #[serde(flatten)]
    pub bus: BusInput,
}

/// A write refused by the database: an institution that does not exist is
/// the caller's mistake; anything else goes on.
pub(crate) fn unknown_institution(e: DbError) -> AppError {
    match e {
        DbError::ForeignKey(_) => AppError::invalid("institution_id", "所选学校不存在"),
        other => other.into(),
    }
}

pub(crate) fn duplicate_plate(plate: &Plate) -> AppError {
    AppError::Invalid(vec![FieldError::new(
        "plate",
        format!("车牌号 {} 已登记", plate.display()),
    )])
}

pub async fn create(db: &Db, caller: &Caller, new: &NewBus) -> Result<Bus, AppError> {
    require_keeper(caller)?;
    let institution_id = owner(caller, new.institution_id)?;
    let b = &new.bus;
    let plate = b.check().map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let id = store::insert(&mut tx, institution_id, &plate, b)
        .await
        .map_err(|e| match e {
            DbError::Unique(_) => duplicate_plate(&plate),
            other => unknown_institution(other),
        })?;
    let created = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "safety_bus",
            format!(
                "登记校车：{}·{}（核载 {} 人）",
                created.institution_name,
                plate.display(),
                b.seats
            ),
        )
        .id(id.0)
        .institution(Some(InstitutionId(institution_id)))
        .after(b),
    )
    .await?;
    Ok(with_status(created, platform::time::today()))
}

/// The fleet's tasks in the inbox of whoever keeps buses, in scope: papers
/// expired, and papers expiring within the alert window.
pub(crate) async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    if !keeps_records(caller) {
        return Ok(vec![]);
    }
    let today = platform::time::today();
    let mut tasks = Vec::new();
    for (state, label) in [
        (Expiry::Expired, "校车证照已过期".to_string()),
        (Expiry::Expiring, format!("校车证照 {ALERT_DAYS} 天内到期")),
    ] {
        let f = BusFilter {
            state: Some(state.as_str().into()),
            ..Default::default()
        };
        tasks.push(task(
            label,
            store::count(db, &caller.scope, &f, today, ALERT_DAYS).await?,
            format!("/safety/buses?state={}", state.as_str()),
        ));
    }
    Ok(tasks)
}
