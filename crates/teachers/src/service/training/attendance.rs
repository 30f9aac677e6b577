//! Crediting a member of staff with a session's hours: the bureau for
//! anyone, a school for its own staff. Hours are credited once per session;
//! a second credit is refused with the date of the first.

use chrono::NaiveDate;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, DbError};
use platform::{AppError, FieldError};
use serde::{Deserialize, Serialize};

use crate::domain::training::{check_attendance, SessionId, SessionSpan};
use crate::store::training::attendance::{self as store, Attendance, Credit};
use crate::store::training::staff_ref::{self, StaffRef};
use crate::store::training::{self as training_store, Session};

/// An attendance as a form or the API sends it; date and hours default to
/// the session's first day and its hours.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct AttendanceInput {
    pub staff_id: i64,
    #[serde(default)]
    pub attended_on: Option<NaiveDate>,
    #[serde(default)]
    pub hours: Option<i64>,
}

/// The dates and hours of a session, as attendance is checked against them.
pub(super) fn span(s: &Session) -> SessionSpan {
    SessionSpan {
        starts_on: s.starts_on,
        ends_on: s.ends_on,
        hours: s.hours,
    }
}

/// The refusal of a second credit for the same session.
pub fn twice(name: &str, first: NaiveDate) -> String {
    format!("{name}已于 {first} 登记过本场培训的学时，同一场培训的学时只能计一次，未重复登记")
}

/// The attendances of a session the caller may see (a school: its own staff).
pub async fn of_session(
    db: &Db,
    caller: &Caller,
    id: SessionId,
) -> Result<(Session, Vec<Attendance>), AppError> {
    let session = super::session(db, caller, id).await?;
    let rows = store::of_session(db, &caller.scope, id).await?;
    Ok((session, rows))
}

/// Staff in the caller's scope matching a name or national ID (for the picker).
pub async fn find_staff(db: &Db, caller: &Caller, text: &str) -> Result<Vec<StaffRef>, AppError> {
    caller.reader(db, WorkArea::Teachers)?;
    if text.trim().is_empty() {
        return Ok(vec![]);
    }
    Ok(staff_ref::search(db, &caller.scope, text, 20).await?)
}

pub async fn record(
    db: &Db,
    caller: &Caller,
    session: SessionId,
    input: &AttendanceInput,
) -> Result<Attendance, AppError> {
    caller.require(WorkArea::Teachers, Access::Write)?;
    let mut tx = db.begin().await?;
    let s = training_store::session(&mut tx, session)
        .await?
        .ok_or(AppError::NotFound)?;
    let staff = staff_ref::in_scope(&mut tx, &caller.scope, input.staff_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let credit = Credit {
        staff_id: staff.id,
        attended_on: input.attended_on.unwrap_or(s.starts_on),
        hours: input.hours.unwrap_or(s.hours),
    };
    let problems = check_attendance(span(&s), credit.attended_on, credit.hours);
    if !problems.is_empty() {
        let errors = problems
            .into_iter()
            .map(|(f, m)| FieldError::new(f, m))
            .collect();
        return Err(AppError::Invalid(errors));
    }
    if let Some(first) = store::credited_on(&mut tx, session, staff.id).await? {
        return Err(AppError::Conflict(twice(&staff.name, first)));
    }
    match store::insert(&mut tx, session, credit).await {
        Err(DbError::Unique(_)) => {
            return Err(AppError::Conflict(twice(&staff.name, credit.attended_on)))
        }
        other => other?,
    }
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "teachers_training_attendance",
            format!(
                "登记参训：{}参加“{}·{}”，计 {} 学时",
                staff.name, s.project_name, s.title, credit.hours
            ),
        )
        .id(staff.id)
        .institution(Some(platform::InstitutionId(staff.institution_id)))
        .after(input),
    )
    .await?;
    Ok(Attendance {
        staff_id: staff.id,
        name: staff.name,
        institution_id: staff.institution_id,
        institution_name: staff.institution_name,
        attended_on: credit.attended_on,
        hours: credit.hours,
    })
}
