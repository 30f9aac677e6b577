//! What users do to the registry, each in one transaction with its audit
//! entry. Pages, the API, imports and the command line all come through here.

use chrono::{Datelike, Utc};
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::{Db, Tx};
use platform::district;
use platform::{AppError, FieldError, InstitutionId};

use crate::domain::{
    DesignationId, DesignationInput, Institution, InstitutionInput, Licence, TrackingInput,
    TrackingRecordId, CONTACT_FIELDS,
};
use crate::store::{self, Updated};

mod import;
pub use import::{import_table, ImportMode, ImportOutcome};

pub fn this_year() -> i64 {
    Utc::now().year() as i64
}

/// Reads one institution, within the caller's scope.
pub async fn get(db: &Db, caller: &Caller, id: InstitutionId) -> Result<Institution, AppError> {
    caller.require(WorkArea::Institutions, Access::Read)?;
    Ok(store::get(db, &caller.scope, id).await?)
}

pub async fn create(
    db: &Db,
    caller: &Caller,
    input: &InstitutionInput,
) -> Result<Institution, AppError> {
    caller.require_bureau(WorkArea::Institutions)?;
    let townships = district::townships(db).await?;
    let mut tx = db.begin().await?;
    let created = register_in(&mut tx, &caller.who, input, &townships).await?;
    tx.commit().await?;
    Ok(created)
}

/// Adds an institution inside `tx` with its audit entry: the registry's
/// half of a change another area makes (a new school delivered by a
/// construction project). The calling service checks the rights.
pub async fn register_in(
    tx: &mut Tx,
    who: &audit::Who,
    input: &InstitutionInput,
    townships: &[district::Township],
) -> Result<Institution, AppError> {
    let new = input
        .validate(townships, this_year())
        .map_err(AppError::Invalid)?;
    let id = store::create(tx, &new)
        .await
        .map_err(duplicate_as_field_error)?;
    let created = store::get(&mut *tx, &Scope::All, id).await?;
    let entry = Entry::new(
        "create",
        "institution",
        format!("新增机构 {}", created.name),
    );
    audit::record(
        tx,
        who,
        entry.id(id.0).after(&created).institution(Some(id)),
    )
    .await?;
    Ok(created)
}

/// Closes institution `id` in the registry (status 已撤销) inside `tx`,
/// with its audit entry: the registry's half of a closure (终止办学)
/// another area decides. The calling service checks the rights.
pub async fn close_in(
    tx: &mut Tx,
    who: &audit::Who,
    id: InstitutionId,
    why: &str,
) -> Result<(), AppError> {
    let before = store::get(&mut *tx, &Scope::All, id).await?;
    if !store::set_status(tx, id, crate::domain::Status::Closed).await? {
        return Err(AppError::NotFound);
    }
    let after = store::get(&mut *tx, &Scope::All, id).await?;
    let entry = Entry::new(
        "update",
        "institution",
        format!("撤销机构 {}（{why}）", after.name),
    );
    audit::record(
        tx,
        who,
        entry
            .id(id.0)
            .before(&before)
            .after(&after)
            .institution(Some(id)),
    )
    .await?;
    Ok(())
}

/// Saves an edit made on top of `version`. Institution staff change only
/// their contact fields; whatever else they send is ignored.
pub async fn update(
    db: &Db,
    caller: &Caller,
    id: InstitutionId,
    version: i64,
    input: &InstitutionInput,
) -> Result<Institution, AppError> {
    let current = store::get(db, &caller.scope, id).await?;
    caller.require(WorkArea::Institutions, Access::Write)?;
    let townships = district::townships(db).await?;
    let merged = if caller.scope == Scope::All {
        input.clone()
    } else {
        contact_only(&current, input, &townships)
    };
    let new = merged
        .validate(&townships, this_year())
        .map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let before = store::get(&mut tx, &caller.scope, id).await?;
    match store::update(&mut tx, &caller.scope, id, version, &new)
        .await
        .map_err(duplicate_as_field_error)?
    {
        Updated::Stale => return Err(AppError::stale("该机构信息", version, before.version)),
        Updated::Saved => {}
    }
    let after = store::get(&mut tx, &caller.scope, id).await?;
    commit_audited(
        tx,
        caller,
        id,
        Entry::new("update", "institution", format!("修改机构 {}", after.name))
            .id(id.0)
            .before(&before)
            .after(&after),
    )
    .await?;
    Ok(after)
}

fn contact_only(
    current: &Institution,
    input: &InstitutionInput,
    townships: &[district::Township],
) -> InstitutionInput {
    let mut merged = InstitutionInput::from(current);
    merged.township = townships
        .iter()
        .find(|t| t.id == current.township_id)
        .map(|t| t.code.clone())
        .unwrap_or_default();
    debug_assert_eq!(CONTACT_FIELDS, ["address", "principal", "phone"]);
    merged.address = input.address.clone();
    merged.principal = input.principal.clone();
    merged.phone = input.phone.clone();
    merged
}

/// Records the change of institution `id` in the audit log and commits it
/// with the change: the two are one transaction.
async fn commit_audited(
    mut tx: Tx,
    caller: &Caller,
    id: InstitutionId,
    entry: Entry,
) -> Result<(), AppError> {
    audit::record(&mut tx, &caller.who, entry.institution(Some(id))).await?;
    tx.commit().await?;
    Ok(())
}

/// A unique constraint on name or code becomes a message on that field.
fn duplicate_as_field_error(e: platform::db::DbError) -> AppError {
    match e {
        platform::db::DbError::Unique(what) if what.contains("code") => {
            AppError::Invalid(vec![FieldError::new("code", "学校标识码与已有机构重复")])
        }
        platform::db::DbError::Unique(_) => {
            AppError::Invalid(vec![FieldError::new("name", "已有同名机构")])
        }
        other => other.into(),
    }
}

pub async fn add_designation(
    db: &Db,
    caller: &Caller,
    id: InstitutionId,
    input: &DesignationInput,
) -> Result<DesignationId, AppError> {
    // Scope first: another institution's id is "not found", not "forbidden".
    let inst = store::get(db, &caller.scope, id).await?;
    caller.require_bureau(WorkArea::Institutions)?;
    let history = store::designations(db, &caller.scope, id).await?;
    let h: Vec<_> = history
        .iter()
        .map(|d| (d.title.as_str(), d.event, d.year))
        .collect();
    let d = input.validate(&h, this_year()).map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let did = store::add_designation(&mut tx, id, &d).await?;
    commit_audited(
        tx,
        caller,
        id,
        Entry::new(
            "create",
            "designation",
            format!(
                "{} {} 年{}“{}”",
                inst.name,
                d.year,
                d.event.label(),
                d.title
            ),
        )
        .id(did.0)
        .after(&d),
    )
    .await?;
    Ok(did)
}

pub async fn add_tracking(
    db: &Db,
    caller: &Caller,
    id: InstitutionId,
    input: &TrackingInput,
) -> Result<TrackingRecordId, AppError> {
    let inst = store::get(db, &caller.scope, id).await?;
    caller.require_bureau(WorkArea::Institutions)?;
    if inst.licence != Licence::Unlicensed {
        return Err(AppError::invalid("status", "只有无证机构需要登记跟踪记录"));
    }
    let current = inst.tracking_status;
    let e = input
        .validate(current, platform::time::today())
        .map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let eid = store::add_tracking(&mut tx, id, &e, &caller.who.username).await?;
    commit_audited(
        tx,
        caller,
        id,
        Entry::new(
            "create",
            "unlicensed_tracking",
            format!("{} 跟踪：{}", inst.name, e.status.label()),
        )
        .id(eid.0)
        .after(&e),
    )
    .await?;
    Ok(eid)
}
