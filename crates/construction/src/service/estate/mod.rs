//! Services of the school estate: buildings (校舍) and the 危房 list with the
//! 危房改造 projects it starts, the equipment and asset register with its
//! transfers and disposals, procurement and joint acceptance.
//!
//! Who keeps what: a school keeps its own buildings, register lines,
//! disposals and procurement (its scope limits it to its own records);
//! 计财科, 安全科 and leadership keep every institution's, and only they
//! transfer assets between institutions and start 危房改造 projects.

pub mod assets;
pub mod buildings;
mod demo;
pub mod import;
pub mod procurement;

pub use demo::fill_demo;

use platform::area::Task;
use platform::auth::{Access, Caller, Role, Scope, WorkArea};
use platform::db::Db;
use platform::{AppError, FieldError};

use super::pending::task;
use crate::domain::estate::procurement::ACCEPTANCE_DAYS;
use crate::store::estate::buildings::{self as building_store, BuildingFilter};
use crate::store::estate::procurement::{self as purchase_store, PurchaseFilter};

/// Whether the caller keeps estate records: a school its own, the sections
/// that write the area every institution's.
pub fn keeps_estate(role: Role) -> bool {
    role == Role::Institution || role.may(WorkArea::Construction, Access::Write)
}

pub(crate) fn require_keeper(caller: &Caller) -> Result<(), AppError> {
    caller.require(WorkArea::Construction, Access::Read)?;
    if keeps_estate(caller.role) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The institution a new record belongs to: a school's own (whatever was
/// sent), or the one a bureau user chose.
pub(crate) fn owner(caller: &Caller, chosen: Option<i64>) -> Result<i64, AppError> {
    match caller.scope {
        Scope::Institution(own) => Ok(own.0),
        Scope::All => chosen.ok_or_else(|| {
            AppError::Invalid(vec![FieldError::new("institution_id", "请选择学校")])
        }),
    }
}

fn invalid_if_any(errors: Vec<FieldError>) -> Result<(), AppError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

/// The estate's tasks in the inbox: 危房 no project covers (the bureau's),
/// overdue appraisals and deliveries waiting for their acceptance (whoever
/// keeps the records, in scope).
pub(crate) async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    if !keeps_estate(caller.role) {
        return Ok(vec![]);
    }
    let today = platform::time::today();
    let scope = &caller.scope;
    let mut tasks = Vec::new();
    if scope == &Scope::All {
        let f = BuildingFilter {
            uncovered: Some(true),
            ..Default::default()
        };
        tasks.push(task(
            "危房尚未列入危房改造项目".into(),
            building_store::count(db, scope, &f, today).await?,
            "/construction/buildings?grade=D&uncovered=true".into(),
        ));
    }
    let f = BuildingFilter {
        overdue: Some(true),
        ..Default::default()
    };
    tasks.push(task(
        "校舍安全鉴定逾期".into(),
        building_store::count(db, scope, &f, today).await?,
        "/construction/buildings?overdue=true".into(),
    ));
    let f = PurchaseFilter {
        overdue: Some(true),
        ..Default::default()
    };
    tasks.push(task(
        format!("到货超过 {ACCEPTANCE_DAYS} 天未联合验收"),
        purchase_store::count(db, scope, &f, today, ACCEPTANCE_DAYS).await?,
        "/construction/procurement?overdue=true".into(),
    ));
    Ok(tasks)
}
