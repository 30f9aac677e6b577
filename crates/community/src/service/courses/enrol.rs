//! Desk enrolment (现场报名): staff enrol a card in a session.

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::sessions::found;
use crate::domain::courses::SessionId;
use crate::store::courses::attendance::card;
use crate::store::courses::sessions as store;

/// A card to enrol, by its number.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EnrolInput {
    pub card_no: String,
}

/// Enrols a card in a session at the desk: one place taken (only while
/// places are left) and the enrolment written in one transaction.
///
/// Replaced by `service::cards::enrol` at merge: the cards part owns
/// enrolment (online and at the desk); this local function does the same
/// atomic `UPDATE … enrolled < capacity` + INSERT so that the desk page
/// works on its own.
pub async fn enrol_at_desk(
    db: &Db,
    caller: &Caller,
    session: SessionId,
    input: &EnrolInput,
) -> Result<(), AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let s = found(db, caller, session).await?;
    let c = card(db, Some(input.card_no.as_str()), None)
        .await?
        .ok_or_else(|| AppError::invalid("card_no", "没有这个学习卡号"))?;
    let mut tx = db.begin().await?;
    let status = store::enrolment_status(&mut tx, session, c.id).await?;
    if status.as_deref() == Some("enrolled") {
        return Err(AppError::Conflict(format!(
            "学习卡 {} 已报名本班次，不能重复报名",
            c.card_no
        )));
    }
    if !store::take_place(&mut tx, session).await? {
        let why = if s.enrol_open {
            "本班次名额已满"
        } else {
            "本班次未开放报名"
        };
        return Err(AppError::Conflict(why.into()));
    }
    store::write_enrolment(&mut tx, session, c.id, status.is_some()).await?;
    let entry = Entry::new(
        "create",
        "community_enrolment",
        format!("{}：学习卡 {} 报名", s.title, c.card_no),
    )
    .id(session.0)
    .institution(Some(InstitutionId(s.institution_id)));
    audit::commit(tx, &caller.who, entry).await?;
    Ok(())
}
