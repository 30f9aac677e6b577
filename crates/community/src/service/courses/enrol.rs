//! Desk enrolment (现场报名): staff enrol a card in a session.

use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;
use serde::{Deserialize, Serialize};

use super::sessions::found;
use crate::domain::cards::CardId;
use crate::domain::courses::SessionId;
use crate::store::courses::attendance::card;

/// A card to enrol, by its number.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EnrolInput {
    pub card_no: String,
}

/// Enrols a card, typed by its number, in a session at the desk, through
/// the area's one enrolment path (`service::cards::enrol_for`: one place
/// taken only while places are left, and the enrolment, in one
/// transaction).
pub async fn enrol_at_desk(
    db: &Db,
    caller: &Caller,
    session: SessionId,
    input: &EnrolInput,
) -> Result<(), AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    found(db, caller, session).await?;
    let c = card(db, Some(input.card_no.as_str()), None)
        .await?
        .ok_or_else(|| AppError::invalid("card_no", "没有这个学习卡号"))?;
    crate::service::cards::enrol_for(db, caller, CardId(c.id), session.0).await
}
