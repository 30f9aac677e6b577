//! Closure of a private institution (终止办学): the decision, its pupils
//! and where each goes, and the closure made final — only once every pupil
//! is placed — which closes the institution in the registry. Each view of
//! the pupil list is audited.

mod demo;

use chrono::NaiveDate;
use inspection::domain::Owner;
use inspection::service::require_owner_bureau;
use platform::audit::{self, Entry};
use platform::auth::{Caller, WorkArea};
use platform::db::Db;
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

use crate::domain::closures::{check_destination, check_final, ClosureError, ClosureId};
use crate::store::closures::{self as store, Closure, Pupil};
use crate::store::inspections::is_private;

pub use demo::fill_demo;

/// A closure as a user submits it.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewClosure {
    pub institution_id: i64,
    pub decided_on: NaiveDate,
    pub reason: String,
}

/// A closure with its pupils.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ClosureView {
    pub closure: Closure,
    pub pupils: Vec<Pupil>,
}

/// A pupil's destination: an institution of the registry, or a note.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct Placement {
    pub student_id: i64,
    #[serde(default)]
    pub destination_id: Option<i64>,
    #[serde(default)]
    pub note: String,
}

fn refused(e: ClosureError) -> AppError {
    let field = match e {
        ClosureError::SameInstitution | ClosureError::NoDestination => "destination_id",
        _ => "status",
    };
    AppError::invalid(field, e.to_string())
}

/// The closures the caller sees.
pub async fn list(db: &Db, caller: &Caller) -> Result<Vec<Closure>, AppError> {
    caller.reader(db, WorkArea::PrivateEducation)?;
    Ok(store::list(db, &caller.scope).await?)
}

async fn closure(db: &Db, caller: &Caller, id: ClosureId) -> Result<Closure, AppError> {
    caller.reader(db, WorkArea::PrivateEducation)?;
    store::get(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// A closure and its pupils (names of minors: the view is audited).
pub async fn view(db: &Db, caller: &Caller, id: ClosureId) -> Result<ClosureView, AppError> {
    let closure = closure(db, caller, id).await?;
    let reader = caller.reader(db, WorkArea::PrivateEducation)?;
    let pupils = store::pupils(db, id).await?;
    reader
        .audit_view(
            Entry::new(
                "view",
                "private_closure",
                format!(
                    "查看{}终止办学的学生安置名单（{} 人）",
                    closure.institution_name,
                    pupils.len()
                ),
            )
            .id(id.0)
            .institution(Some(InstitutionId(closure.institution_id))),
        )
        .await?;
    Ok(ClosureView { closure, pupils })
}

/// Opens the closure of a private institution with its current pupils.
pub async fn open(db: &Db, caller: &Caller, input: &NewClosure) -> Result<Closure, AppError> {
    require_owner_bureau(caller, Owner::Private)?;
    let reason = input.reason.trim();
    if reason.is_empty() {
        return Err(AppError::invalid("reason", "请填写终止办学的原因"));
    }
    if input.decided_on > platform::time::today() {
        return Err(AppError::invalid("decided_on", "决定日期不能晚于今天"));
    }
    let mut tx = db.begin().await?;
    if !is_private(&mut tx, input.institution_id).await? {
        return Err(AppError::invalid(
            "institution_id",
            "只能对民办学校（幼儿园）终止办学",
        ));
    }
    if !store::is_active(&mut tx, input.institution_id).await? {
        return Err(AppError::invalid(
            "institution_id",
            "该学校已不在正常办学状态",
        ));
    }
    let id = store::insert(
        &mut tx,
        input.institution_id,
        input.decided_on,
        reason,
        caller.who.user_id.map(|u| u.0),
    )
    .await
    .map_err(|e| match e {
        platform::db::DbError::Unique(_) => {
            AppError::invalid("institution_id", "该学校已有终止办学记录")
        }
        e => e.into(),
    })?;
    let c = store::get(&mut tx, &platform::auth::Scope::All, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let entry = Entry::new(
        "create",
        "private_closure",
        format!(
            "决定{}终止办学（{reason}），在校学生 {} 人",
            c.institution_name, c.pupils
        ),
    )
    .id(id.0)
    .institution(Some(InstitutionId(c.institution_id)))
    .after(input);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(c)
}

/// Records where one pupil of an open closure goes.
pub async fn place(
    db: &Db,
    caller: &Caller,
    id: ClosureId,
    p: &Placement,
) -> Result<Closure, AppError> {
    let c = closure(db, caller, id).await?;
    require_owner_bureau(caller, Owner::Private)?;
    if c.status != "open" {
        return Err(refused(ClosureError::Final));
    }
    let note = p.note.trim();
    check_destination(c.institution_id, p.destination_id, note).map_err(refused)?;
    let mut tx = db.begin().await?;
    if let Some(d) = p.destination_id {
        if !store::is_active(&mut tx, d).await? {
            return Err(AppError::invalid(
                "destination_id",
                "转入学校不存在或已停办",
            ));
        }
    }
    if !store::place(&mut tx, id, p.student_id, p.destination_id, note).await? {
        return Err(AppError::invalid(
            "student_id",
            "该学生不在本次终止办学的名单中",
        ));
    }
    let entry = Entry::new(
        "update",
        "private_closure",
        format!(
            "安置{}终止办学的学生（编号 {}）",
            c.institution_name, p.student_id
        ),
    )
    .id(id.0)
    .institution(Some(InstitutionId(c.institution_id)))
    .after(p);
    audit::commit(tx, &caller.who, entry).await?;
    closure(db, caller, id).await
}

/// Makes the closure final once every pupil is placed, and closes the
/// institution in the registry.
pub async fn finalise(db: &Db, caller: &Caller, id: ClosureId) -> Result<Closure, AppError> {
    let c = closure(db, caller, id).await?;
    require_owner_bureau(caller, Owner::Private)?;
    let mut tx = db.begin().await?;
    let pupils = store::pupils(&mut tx, id).await?;
    let placed: Vec<bool> = pupils.iter().map(Pupil::is_placed).collect();
    check_final(&placed).map_err(refused)?;
    let today = platform::time::today();
    if !store::finalise(&mut tx, id, today).await? {
        return Err(refused(ClosureError::Final));
    }
    institutions::service::close_in(
        &mut tx,
        &caller.who,
        InstitutionId(c.institution_id),
        "终止办学",
    )
    .await?;
    let entry = Entry::new(
        "update",
        "private_closure",
        format!(
            "{}终止办学完成，{} 名学生均已安置",
            c.institution_name,
            pupils.len()
        ),
    )
    .id(id.0)
    .institution(Some(InstitutionId(c.institution_id)));
    audit::commit(tx, &caller.who, entry).await?;
    closure(db, caller, id).await
}
