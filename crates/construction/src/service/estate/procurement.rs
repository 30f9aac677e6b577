//! 采购: items delivered to institutions, and their one joint acceptance
//! (联合验收) each.

use platform::audit::{self, Entry};
use platform::auth::{Caller, WorkArea};
use platform::db::{Db, DbError};
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::{invalid_if_any, owner, require_keeper};
use crate::domain::estate::procurement::ACCEPTANCE_DAYS;
use crate::domain::estate::{AcceptanceInput, PurchaseId, PurchaseInput};
use crate::store::estate::procurement::{self as store, Purchase, PurchaseFilter};

pub async fn list(db: &Db, caller: &Caller, f: &PurchaseFilter) -> Result<Vec<Purchase>, AppError> {
    caller.reader(db, WorkArea::Construction)?;
    Ok(store::list(
        db,
        &caller.scope,
        f,
        platform::time::today(),
        ACCEPTANCE_DAYS,
    )
    .await?)
}

pub async fn get(db: &Db, caller: &Caller, id: PurchaseId) -> Result<Purchase, AppError> {
    caller.reader(db, WorkArea::Construction)?;
    store::get(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)
}

#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewPurchase {
    #[serde(default)]
    pub institution_id: Option<i64>,
    #[serde(flatten)]
    pub purchase: PurchaseInput,
}

pub async fn create(db: &Db, caller: &Caller, new: &NewPurchase) -> Result<Purchase, AppError> {
    require_keeper(caller)?;
    let institution_id = owner(caller, new.institution_id)?;
    let p = &new.purchase;
    invalid_if_any(p.check(platform::time::today()))?;
    let mut tx = db.begin().await?;
    let id = store::insert(&mut tx, institution_id, p)
        .await
        .map_err(|e| match e {
            DbError::ForeignKey(_) => AppError::invalid("institution_id", "所选学校不存在"),
            other => other.into(),
        })?;
    let created = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "construction_purchase",
            format!(
                "登记采购：{}·{}（{} 元，{}）",
                created.institution_name, created.name, p.amount, created.supplier
            ),
        )
        .id(id.0)
        .institution(Some(InstitutionId(institution_id)))
        .after(p),
    )
    .await?;
    Ok(created)
}

/// Records the joint acceptance of an item; an item is accepted once.
pub async fn accept(
    db: &Db,
    caller: &Caller,
    id: PurchaseId,
    a: &AcceptanceInput,
) -> Result<Purchase, AppError> {
    caller.reader(db, WorkArea::Construction)?;
    let mut tx = db.begin().await?;
    let p = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    require_keeper(caller)?;
    let twice = |on: chrono::NaiveDate| {
        AppError::Conflict(format!(
            "“{}”已于 {on} 验收，同一采购项目不能重复验收",
            p.name
        ))
    };
    if let Some(on) = p.accepted_on {
        return Err(twice(on));
    }
    invalid_if_any(a.check(p.delivered_on, platform::time::today()))?;
    match store::accept(&mut tx, id, a).await {
        Err(DbError::Unique(_)) => return Err(twice(a.accepted_on)),
        other => other?,
    }
    let after = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "construction_purchase",
            format!(
                "联合验收：{}·{} {}",
                p.institution_name,
                p.name,
                a.result.label()
            ),
        )
        .id(id.0)
        .institution(Some(InstitutionId(p.institution_id)))
        .after(a),
    )
    .await?;
    Ok(after)
}
