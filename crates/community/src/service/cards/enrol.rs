//! Enrolment (报名) and cancellation: the one enrolment path of the area
//! (the citizen's page, and the courses part for a desk enrolment). One
//! transaction: the place is taken by a guarded UPDATE of the session's
//! counter, then the enrolment inserted or reopened; a refusal leaves
//! nothing changed.

use chrono::NaiveDate;
use platform::audit::{self, Entry, Who};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, DbError, Tx};
use platform::{AppError, InstitutionId};

use crate::domain::cards::CardId;
use crate::store::cards::enrolment as store;

/// Entity of an enrolment in the audit log.
pub const ENTITY: &str = "community_enrolment";

pub const ALREADY_ENROLLED: &str = "该学习卡已报名此班次，无需重复报名";
pub const FULL: &str = "名额已满，未能报名";
pub const CLOSED: &str = "该班次已停止报名";
pub const NOT_ENROLLED: &str = "该学习卡未报名此班次";

/// Why a place could not be taken, read after the guarded update failed.
async fn why_not(tx: &mut Tx, session: i64) -> Result<AppError, AppError> {
    let s = store::state(tx, session).await?.ok_or(AppError::NotFound)?;
    Ok(if s.enrol_open && s.enrolled >= s.capacity {
        AppError::Conflict(FULL.into())
    } else {
        AppError::Conflict(CLOSED.into())
    })
}

fn twice(e: DbError) -> AppError {
    match e {
        DbError::Unique(_) => AppError::Conflict(ALREADY_ENROLLED.into()),
        DbError::Check(_) => AppError::Conflict(FULL.into()),
        other => other.into(),
    }
}

/// Enrols `card` in `session` on behalf of its holder: only in a session
/// that has not ended.
pub async fn enrol(db: &Db, who: &Who, card: CardId, session: i64) -> Result<(), AppError> {
    enrol_in(db, who, card, session, Some(platform::time::today())).await
}

/// The one enrolment path: a place taken only while places are left (and,
/// for a citizen, while the session has not ended on `not_ended_on`), then
/// the enrolment, in one transaction.
async fn enrol_in(
    db: &Db,
    who: &Who,
    card: CardId,
    session: i64,
    not_ended_on: Option<NaiveDate>,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let before = store::status(&mut tx, session, card).await?;
    if before.as_deref() == Some("enrolled") {
        return Err(AppError::Conflict(ALREADY_ENROLLED.into()));
    }
    if !store::take_place(&mut tx, session, not_ended_on)
        .await
        .map_err(twice)?
    {
        return Err(why_not(&mut tx, session).await?);
    }
    match before {
        Some(_) => {
            if !store::switch(&mut tx, session, card, "cancelled").await? {
                return Err(AppError::Conflict(ALREADY_ENROLLED.into()));
            }
        }
        None => store::insert(&mut tx, session, card).await.map_err(twice)?,
    }
    let institution = store::state(&mut tx, session)
        .await?
        .map(|s| s.institution_id);
    let entry = Entry::new(
        "create",
        ENTITY,
        format!("学习卡 {card} 报名班次 {session}"),
    )
    .id(session)
    .institution(institution.map(InstitutionId));
    audit::commit(tx, who, entry).await
}

/// Cancels `card`'s enrolment in `session`; the place is freed.
pub async fn cancel(db: &Db, who: &Who, card: CardId, session: i64) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    if !store::switch(&mut tx, session, card, "enrolled").await? {
        return Err(AppError::Conflict(NOT_ENROLLED.into()));
    }
    store::release_place(&mut tx, session).await?;
    let institution = store::state(&mut tx, session)
        .await?
        .map(|s| s.institution_id);
    let entry = Entry::new(
        "delete",
        ENTITY,
        format!("学习卡 {card} 取消报名班次 {session}"),
    )
    .id(session)
    .institution(institution.map(InstitutionId));
    audit::commit(tx, who, entry).await
}

/// Staff enrol a card at a desk (the courses part): write access, and a
/// community school only in its own sessions; staff may also record an
/// enrolment in a session that has ended (补录), to take its attendance.
pub async fn enrol_for(
    db: &Db,
    caller: &Caller,
    card: CardId,
    session: i64,
) -> Result<(), AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let mut tx = db.begin().await?;
    let state = store::state(&mut tx, session)
        .await?
        .ok_or(AppError::NotFound)?;
    if !caller.scope.allows(InstitutionId(state.institution_id)) {
        return Err(AppError::NotFound);
    }
    let exists =
        platform::db::Sql::new("SELECT COUNT(*) FROM community_cards WHERE id = ").bind(card);
    if tx.scalar(exists).await? == 0 {
        return Err(AppError::NotFound);
    }
    drop(tx);
    enrol_in(db, &caller.who, card, session, None).await
}
