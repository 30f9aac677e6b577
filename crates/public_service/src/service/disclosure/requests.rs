//! The bureau's disclosure catalogue (主动公开目录, public at /open/bureau)
//! and requests for disclosure (依申请公开): registered with a deadline
//! computed from the time limit in force, extended once, answered with one
//! of four outcomes and its reason. Kept by the bureau (办公室, leaders).

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;
use serde::Serialize;

use crate::domain::disclosure::{
    overdue, CatalogueId, CatalogueInput, ReplyInput, RequestId, RequestInput,
};
use crate::domain::limits::{DISCLOSURE_EXTENSION, DISCLOSURE_REPLY};
use crate::service::limits::limit;
use crate::store::disclosure::requests::{self as store, CatalogueEntry, Request, Which};

/// The catalogue, for anyone (it is public).
pub async fn catalogue(db: &Db) -> Result<Vec<CatalogueEntry>, AppError> {
    Ok(store::catalogue(db).await?)
}

pub async fn add_entry(
    db: &Db,
    caller: &Caller,
    input: &CatalogueInput,
) -> Result<CatalogueId, AppError> {
    caller.require_bureau(WorkArea::PublicService)?;
    let draft = input
        .parse(platform::time::today())
        .map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let id = store::insert_entry(&mut tx, &draft, caller.who.user_id.map(|u| u.0)).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "public_catalogue",
            format!("主动公开：{}", draft.title),
        )
        .id(id.0)
        .after(input),
    )
    .await?;
    Ok(id)
}

/// A request with whether it is overdue today.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RequestLine {
    #[serde(flatten)]
    pub request: Request,
    pub overdue: bool,
}

fn bureau_reader(caller: &Caller) -> Result<(), AppError> {
    caller.require(WorkArea::PublicService, Access::Read)?;
    if caller.scope.institution().is_some() {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// The requests (open ones or overdue ones if asked), for bureau accounts.
pub async fn requests(db: &Db, caller: &Caller, w: Which) -> Result<Vec<RequestLine>, AppError> {
    bureau_reader(caller)?;
    let today = platform::time::today();
    Ok(store::requests(db, w)
        .await?
        .into_iter()
        .map(|request| RequestLine {
            overdue: overdue(request.due_on, request.replied_on, today),
            request,
        })
        .collect())
}

/// One request; its requester's contact is personal, so the view is audited.
pub async fn request(db: &Db, caller: &Caller, id: RequestId) -> Result<RequestLine, AppError> {
    bureau_reader(caller)?;
    let request = store::get(db, id).await?.ok_or(AppError::NotFound)?;
    let mut tx = db.begin().await?;
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "view",
            "public_disclosure_request",
            format!("查看依申请公开申请（{}）", request.requester),
        )
        .id(id.0),
    )
    .await?;
    tx.commit().await?;
    Ok(RequestLine {
        overdue: overdue(request.due_on, request.replied_on, platform::time::today()),
        request,
    })
}

/// Registers a request; its deadline comes from the time limit in force.
pub async fn register(
    db: &Db,
    caller: &Caller,
    input: &RequestInput,
) -> Result<RequestId, AppError> {
    caller.require_bureau(WorkArea::PublicService)?;
    let limit = limit(db, DISCLOSURE_REPLY).await?;
    let draft = input
        .parse(platform::time::today(), limit)
        .map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let id = store::insert_request(&mut tx, &draft, caller.who.user_id.map(|u| u.0)).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "public_disclosure_request",
            format!("登记依申请公开（答复期限 {}）", draft.due_on),
        )
        .id(id.0)
        .after(input),
    )
    .await?;
    Ok(id)
}

/// Answers an open request.
pub async fn reply(
    db: &Db,
    caller: &Caller,
    id: RequestId,
    input: &ReplyInput,
) -> Result<(), AppError> {
    caller.require_bureau(WorkArea::PublicService)?;
    let (outcome, reason) = input.parse().map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let r = store::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if store::reply(&mut tx, id, outcome, &reason, platform::time::today()).await? == 0 {
        return Err(AppError::Conflict("该申请已答复".into()));
    }
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "public_disclosure_request",
            format!("答复依申请公开：{}", outcome.label()),
        )
        .id(id.0)
        .before(&r)
        .after(input),
    )
    .await?;
    Ok(())
}

/// Extends an open request's deadline once, by the extension limit.
pub async fn extend(db: &Db, caller: &Caller, id: RequestId) -> Result<RequestLine, AppError> {
    caller.require_bureau(WorkArea::PublicService)?;
    let extension = limit(db, DISCLOSURE_EXTENSION).await?;
    let mut tx = db.begin().await?;
    let r = store::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let due_on = extension.due(r.due_on);
    if store::extend(&mut tx, id, due_on).await? == 0 {
        return Err(AppError::Conflict(
            "该申请已答复或已延期，不能再延期".into(),
        ));
    }
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "public_disclosure_request",
            format!("依申请公开延期答复至 {due_on}"),
        )
        .id(id.0),
    )
    .await?;
    request(db, caller, id).await
}

/// Open and overdue requests, for the start page and the inbox.
pub async fn counts(db: &Db, caller: &Caller) -> Result<(i64, i64), AppError> {
    if bureau_reader(caller).is_err() {
        return Ok((0, 0));
    }
    let today = platform::time::today();
    Ok((
        store::count(db, Which::Open).await?,
        store::count(db, Which::OverdueOn(today)).await?,
    ))
}
