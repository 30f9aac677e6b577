//! Attendance (参训记录): hours credited to a member of staff for one
//! session, once (the primary key is the last guard).

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{Db, DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::training::SessionId;

/// One attendance of a session, with who attended.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Attendance {
    pub staff_id: i64,
    pub name: String,
    pub institution_id: i64,
    pub institution_name: String,
    pub attended_on: NaiveDate,
    pub hours: i64,
}

/// The attendances of a session by staff of institutions in `scope`.
pub async fn of_session(
    db: &Db,
    scope: &Scope,
    session: SessionId,
) -> Result<Vec<Attendance>, DbError> {
    let q = Sql::new(
        "SELECT a.staff_id, s.name, s.institution_id, i.name AS institution_name, a.attended_on, a.hours \
         FROM teachers_training_attendance a JOIN teachers_staff s ON s.id = a.staff_id \
         JOIN institutions i ON i.id = s.institution_id WHERE a.session_id = ",
    )
    .bind(session);
    db.fetch_all(
        scope
            .restrict(q, "s.institution_id")
            .push(" ORDER BY i.name, s.name, s.id"),
    )
    .await
}

/// When the member of staff was already credited for the session, if so.
pub async fn credited_on<'a>(
    ex: impl Into<Ex<'a>>,
    session: SessionId,
    staff_id: i64,
) -> Result<Option<NaiveDate>, DbError> {
    let row: Option<(NaiveDate,)> = ex
        .into()
        .fetch_optional(
            Sql::new("SELECT attended_on FROM teachers_training_attendance WHERE session_id = ")
                .bind(session)
                .push(" AND staff_id = ")
                .bind(staff_id),
        )
        .await?;
    Ok(row.map(|(d,)| d))
}

/// Staff among `staff_ids` already credited for the session.
pub async fn already_credited(
    db: &Db,
    session: SessionId,
    staff_ids: &[i64],
) -> Result<Vec<i64>, DbError> {
    let mut found = Vec::new();
    for chunk in staff_ids.chunks(500) {
        let rows: Vec<(i64,)> = db
            .fetch_all(
                Sql::new("SELECT staff_id FROM teachers_training_attendance WHERE session_id = ")
                    .bind(session)
                    .push(" AND staff_id IN (")
                    .bind_list(chunk.iter().copied())
                    .push(")"),
            )
            .await?;
        found.extend(rows.into_iter().map(|(id,)| id));
    }
    Ok(found)
}

/// A credit to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Credit {
    pub staff_id: i64,
    pub attended_on: NaiveDate,
    pub hours: i64,
}

pub async fn insert(tx: &mut Tx, session: SessionId, c: Credit) -> Result<(), DbError> {
    tx.execute(
        Sql::new("INSERT INTO teachers_training_attendance (session_id, staff_id, attended_on, hours, recorded_at) VALUES (")
            .bind(session)
            .push(", ")
            .bind(c.staff_id)
            .push(", ")
            .bind(c.attended_on)
            .push(", ")
            .bind(c.hours)
            .push(", ")
            .bind(platform::time::now())
            .push(")"),
    )
    .await?;
    Ok(())
}

/// One session a member of staff attended.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct StaffCredit {
    pub session_id: SessionId,
    pub project_name: String,
    pub session_title: String,
    pub attended_on: NaiveDate,
    pub hours: i64,
}

/// The sessions a member of staff attended between two dates, latest first
/// (the caller has checked the staff is in scope).
pub async fn of_staff(
    db: &Db,
    staff_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<StaffCredit>, DbError> {
    db.fetch_all(
        Sql::new(
            "SELECT a.session_id, p.name AS project_name, t.title AS session_title, a.attended_on, a.hours \
             FROM teachers_training_attendance a JOIN teachers_training_sessions t ON t.id = a.session_id \
             JOIN teachers_training_projects p ON p.id = t.project_id WHERE a.staff_id = ",
        )
        .bind(staff_id)
        .push(" AND a.attended_on >= ")
        .bind(from)
        .push(" AND a.attended_on <= ")
        .bind(to)
        .push(" ORDER BY a.attended_on DESC, a.session_id DESC"),
    )
    .await
}
