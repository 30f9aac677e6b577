//! Creating and changing staff records. A bureau change applies at once; an
//! institution's change waits for 人事科's review (see [`review`]). Either
//! way it is stored in teachers_staff_changes, which is the record's
//! history, and audited in the same transaction.

pub mod account;
pub mod import;
pub mod postings;
pub mod reader;
pub mod review;

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::{Db, Tx, Updated};
use platform::web::directory::resolve;
use platform::{AppError, FieldError, InstitutionId};
use serde::Serialize;

use crate::domain::staff::review::{needs_review, ChangeKind};
use crate::domain::staff::{ChangeId, StaffFields, StaffId, StaffInput};
use crate::domain::PostingKind;
use crate::store::staff::changes::{self, NewChange};
use crate::store::staff::postings::{self as posting_rows, NewPosting};
use crate::store::staff::{self as records, StaffRecord};

/// What a save did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "outcome", content = "id", rename_all = "snake_case")]
pub enum Saved {
    /// Written to the record (a bureau change, or an approval).
    Applied(StaffId),
    /// Stored as a change waiting for 人事科's review.
    Pending(ChangeId),
}

const DUPLICATE_ID: &str = "该身份证件号已有教职工记录，请勿重复录入";
const STALE: &str = "该教职工记录已被他人修改，本次未保存；请刷新页面，在最新记录上重新修改";

/// Checks the input, and for the bureau finds the institution it names.
pub(crate) async fn checked(
    db: &Db,
    caller: &Caller,
    input: &StaffInput,
) -> Result<(InstitutionId, StaffFields), AppError> {
    let fields = input.validate(platform::time::today());
    let institution = match caller.scope {
        Scope::Institution(own) => Ok(own),
        Scope::All => {
            let all = institutions::store::directory(db).await?;
            resolve(&all, &input.institution)
                .map_err(|why| FieldError::new("institution", format!("单位：{why}")))
        }
    };
    match (institution, fields) {
        (Ok(i), Ok(f)) => Ok((i, f)),
        (i, f) => {
            let mut errors = i.err().into_iter().collect::<Vec<_>>();
            errors.extend(f.err().unwrap_or_default());
            Err(AppError::Invalid(errors))
        }
    }
}

/// Refuses a national ID another record holds.
async fn refuse_duplicate(
    tx: &mut Tx,
    f: &StaffFields,
    own: Option<StaffId>,
) -> Result<(), AppError> {
    match records::id_of_national_id(&mut *tx, &f.national_id).await? {
        Some(other) if Some(other) != own => Err(AppError::invalid("national_id", DUPLICATE_ID)),
        _ => Ok(()),
    }
}

/// 新增教职工: applied at once for the bureau, pending review for an
/// institution.
pub async fn create(db: &Db, caller: &Caller, input: &StaffInput) -> Result<Saved, AppError> {
    caller.require(WorkArea::Teachers, Access::Write)?;
    let (institution, fields) = checked(db, caller, input).await?;
    let mut tx = db.begin().await?;
    refuse_duplicate(&mut tx, &fields, None).await?;
    let saved = if needs_review(&caller.scope) {
        let id = store_change(&mut tx, caller, institution, None, &fields, None).await?;
        audit_change(
            &mut tx,
            caller,
            id,
            institution,
            format!("提交新增教职工 {}，待人事科审核", fields.name),
        )
        .await?;
        Saved::Pending(id)
    } else {
        let id = create_record(&mut tx, caller, institution, &fields).await?;
        store_change(&mut tx, caller, institution, None, &fields, Some(id)).await?;
        Saved::Applied(id)
    };
    tx.commit().await?;
    Ok(saved)
}

/// Writes a new record with its first posting (任职) at `institution`, and
/// audits it.
pub(crate) async fn create_record(
    tx: &mut Tx,
    caller: &Caller,
    institution: InstitutionId,
    f: &StaffFields,
) -> Result<StaffId, AppError> {
    let id = records::insert(tx, institution, f).await?;
    let posting = NewPosting {
        kind: PostingKind::Appointment,
        institution_id: Some(institution),
        destination: String::new(),
        starts_on: platform::time::today(),
        ends_on: None,
        note: String::new(),
    };
    posting_rows::insert(tx, id, &posting).await?;
    let after = records::get(&mut *tx, &Scope::All, id).await?;
    let entry = Entry::new("create", "teachers_staff", format!("新增教职工 {}", f.name))
        .id(id.0)
        .institution(Some(institution))
        .after(&after);
    audit::record(tx, &caller.who, entry).await?;
    Ok(id)
}

/// 修改教职工信息 made against `version`: applied at once for the bureau,
/// pending review for an institution.
pub async fn update(
    db: &Db,
    caller: &Caller,
    id: StaffId,
    version: i64,
    input: &StaffInput,
) -> Result<Saved, AppError> {
    caller.require(WorkArea::Teachers, Access::Write)?;
    let current = records::get(db, &caller.scope, id).await?;
    let fields = input
        .validate(platform::time::today())
        .map_err(AppError::Invalid)?;
    if current.version != version {
        return Err(AppError::Conflict(STALE.into()));
    }
    let mut tx = db.begin().await?;
    refuse_duplicate(&mut tx, &fields, Some(id)).await?;
    let saved = if needs_review(&caller.scope) {
        if changes::has_pending(&mut tx, id).await? {
            return Err(AppError::Conflict(
                "该教职工已有一项信息变更在等待人事科审核，请待审核后再修改".into(),
            ));
        }
        let (institution, before) = (current.institution_id, Some(&current));
        let change_id = store_change(&mut tx, caller, institution, before, &fields, None).await?;
        let summary = format!(
            "提交教职工 {} 的信息变更，待人事科审核",
            current.fields.name
        );
        audit_change(&mut tx, caller, change_id, current.institution_id, summary).await?;
        Saved::Pending(change_id)
    } else {
        update_record(&mut tx, caller, &current, &fields).await?;
        let (institution, before) = (current.institution_id, Some(&current));
        store_change(&mut tx, caller, institution, before, &fields, Some(id)).await?;
        Saved::Applied(id)
    };
    tx.commit().await?;
    Ok(saved)
}

/// Writes the fields over `current` if nobody saved since, and audits it.
pub(crate) async fn update_record(
    tx: &mut Tx,
    caller: &Caller,
    current: &StaffRecord,
    f: &StaffFields,
) -> Result<(), AppError> {
    if records::update(tx, current.id, current.version, f).await? == Updated::Stale {
        return Err(AppError::Conflict(STALE.into()));
    }
    let after = records::get(&mut *tx, &Scope::All, current.id).await?;
    let entry = Entry::new(
        "update",
        "teachers_staff",
        format!("修改教职工 {} 的信息", f.name),
    )
    .id(current.id.0)
    .institution(Some(current.institution_id))
    .before(current)
    .after(&after);
    audit::record(tx, &caller.who, entry).await?;
    Ok(())
}

/// Stores `caller`'s change of the record `before` (none: a new record)
/// at `institution`: approved when `applied` names the record written,
/// pending otherwise.
pub(crate) async fn store_change(
    tx: &mut Tx,
    caller: &Caller,
    institution: InstitutionId,
    before: Option<&StaffRecord>,
    after: &StaffFields,
    applied: Option<StaffId>,
) -> Result<ChangeId, AppError> {
    let change = NewChange {
        staff_id: applied.or(before.map(|r| r.id)),
        institution_id: institution,
        kind: if before.is_some() {
            ChangeKind::Update
        } else {
            ChangeKind::Create
        },
        base_version: before.map(|r| r.version),
        before: before.map(|r| &r.fields),
        after,
        submitted_by: &caller.who.username,
        approved: applied.is_some(),
    };
    Ok(changes::insert(tx, &change).await?)
}

async fn audit_change(
    tx: &mut Tx,
    caller: &Caller,
    id: ChangeId,
    institution: InstitutionId,
    summary: String,
) -> Result<(), AppError> {
    let entry = Entry::new("create", "teachers_staff_change", summary)
        .id(id.0)
        .institution(Some(institution));
    audit::record(tx, &caller.who, entry).await?;
    Ok(())
}
