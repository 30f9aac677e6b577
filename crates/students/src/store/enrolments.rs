//! Enrolments and their life cycle: suspend/resume, transfer, graduation,
//! leaving (year-end promotion is in [`super::promotion`]).

use chrono::{DateTime, NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{Db, DbError, Sql, Tx};
use platform::InstitutionId;
use serde::Serialize;

use super::students::StudentId;
use crate::domain::enrolment::{EnrolmentStatus, LeftReason, TransferStatus};
use crate::domain::ids::{EnrolmentId, TransferId};
use crate::reader::Found;

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct EnrolmentRow {
    #[schema(value_type = i64)]
    pub id: EnrolmentId,
    #[schema(value_type = i64)]
    pub institution_id: InstitutionId,
    pub institution_name: String,
    pub school_year: i64,
    pub grade: i64,
    pub class_name: String,
    pub status: EnrolmentStatus,
    pub left_reason: Option<LeftReason>,
    pub entered_on: NaiveDate,
    pub left_on: Option<NaiveDate>,
}

/// A student's enrolments, oldest first (the school-year history); only
/// for a student found through the caller's scope.
pub async fn history(db: &Db, student: &Found) -> Result<Vec<EnrolmentRow>, DbError> {
    db.fetch_all(
        Sql::new("SELECT e.id, e.institution_id, i.name AS institution_name, e.school_year, e.grade, e.class_name, e.status, e.left_reason, e.entered_on, e.left_on FROM students_enrolments e JOIN institutions i ON i.id = e.institution_id WHERE e.student_id = ")
            .bind(student.id())
            .push(" ORDER BY e.school_year, e.id"),
    )
    .await
}

pub async fn set_status(
    tx: &mut Tx,
    enrolment: EnrolmentId,
    from: EnrolmentStatus,
    to: EnrolmentStatus,
) -> Result<bool, DbError> {
    let n = tx
        .execute(
            Sql::new("UPDATE students_enrolments SET status = $1 WHERE id = $2 AND status = $3")
                .arg(to)
                .arg(enrolment)
                .arg(from),
        )
        .await?;
    Ok(n == 1)
}

/// Ends an enrolment.
pub async fn leave(
    tx: &mut Tx,
    enrolment: EnrolmentId,
    reason: LeftReason,
    on: NaiveDate,
) -> Result<bool, DbError> {
    let n = tx
        .execute(Sql::new("UPDATE students_enrolments SET status = 'left', left_reason = $1, left_on = $2 WHERE id = $3 AND status <> 'left'").arg(reason).arg(on).arg(enrolment))
        .await?;
    Ok(n == 1)
}

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct TransferRow {
    #[schema(value_type = i64)]
    pub id: TransferId,
    #[schema(value_type = i64)]
    pub student_id: StudentId,
    pub student_name: String,
    #[schema(value_type = i64)]
    pub from_institution_id: InstitutionId,
    pub from_name: String,
    #[schema(value_type = i64)]
    pub to_institution_id: InstitutionId,
    pub to_name: String,
    pub grade: i64,
    pub reason: String,
    pub status: TransferStatus,
    pub requested_by: String,
    pub requested_at: DateTime<Utc>,
    pub decided_by: Option<String>,
}

const TRANSFER: &str = "SELECT t.id, t.student_id, s.name AS student_name, t.from_institution_id, f.name AS from_name, t.to_institution_id, d.name AS to_name, t.grade, t.reason, t.status, t.requested_by, t.requested_at, t.decided_by FROM students_transfers t JOIN students s ON s.id = t.student_id JOIN institutions f ON f.id = t.from_institution_id JOIN institutions d ON d.id = t.to_institution_id";

pub async fn request_transfer(
    tx: &mut Tx,
    student: StudentId,
    from: InstitutionId,
    to: InstitutionId,
    grade: i64,
    reason: &str,
    by: &str,
) -> Result<TransferId, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO students_transfers (student_id, from_institution_id, to_institution_id, grade, reason, status, requested_by, requested_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7) RETURNING id")
            .arg(student)
            .arg(from)
            .arg(to)
            .arg(grade)
            .arg(reason)
            .arg(by)
            .arg(Utc::now()),
    )
    .await
    .map(TransferId)
}

/// Restricts `q` to transfers from or to the scope's institution.
fn either_side(scope: &Scope, q: Sql) -> Sql {
    match scope.institution() {
        Some(own) => q
            .push(" AND (t.from_institution_id = ")
            .bind(own)
            .push(" OR t.to_institution_id = ")
            .bind(own)
            .push(")"),
        None => q,
    }
}

/// A transfer that either side of it (or the bureau) may see.
pub async fn get_transfer(
    tx: &mut Tx,
    scope: &Scope,
    id: TransferId,
) -> Result<TransferRow, DbError> {
    tx.fetch_one(either_side(
        scope,
        Sql::new(TRANSFER).push(" WHERE t.id = ").bind(id),
    ))
    .await
}

/// Transfers involving the scope's institution (all, for the bureau), newest first.
pub async fn transfers(
    db: &Db,
    scope: &Scope,
    status: Option<TransferStatus>,
) -> Result<Vec<TransferRow>, DbError> {
    let mut q = either_side(scope, Sql::new(TRANSFER).push(" WHERE 1=1"));
    if let Some(s) = status {
        q = q.push(" AND t.status = ").bind(s);
    }
    db.fetch_all(q.push(" ORDER BY t.id DESC LIMIT 200")).await
}

/// Gives a current enrolment without a class (待分班) its class.
pub async fn place(tx: &mut Tx, enrolment: EnrolmentId, class_name: &str) -> Result<bool, DbError> {
    let n = tx
        .execute(
            Sql::new("UPDATE students_enrolments SET class_name = $1 WHERE id = $2 AND class_name = '' AND status <> 'left'")
                .arg(class_name)
                .arg(enrolment),
        )
        .await?;
    Ok(n == 1)
}

/// A pupil waiting to be placed in a class (待分班).
#[derive(Clone, Debug, Serialize, sqlx::FromRow)]
pub struct Unplaced {
    pub student_id: StudentId,
    pub name: String,
    pub institution_name: String,
    pub grade: i64,
}

/// Current pupils of the scope without a class, by school and grade.
pub async fn unplaced(db: &Db, scope: &Scope) -> Result<Vec<Unplaced>, DbError> {
    db.fetch_all(
        scope
            .restrict(
                Sql::new("SELECT e.student_id, s.name, i.name AS institution_name, e.grade FROM students_enrolments e JOIN students s ON s.id = e.student_id JOIN institutions i ON i.id = e.institution_id WHERE e.status <> 'left' AND e.class_name = ''"),
                "e.institution_id",
            )
            .push(" ORDER BY i.name, e.grade, s.name LIMIT 200"),
    )
    .await
}

/// The classes an institution has in a grade now, for choosing one.
pub async fn classes(
    db: &Db,
    institution: InstitutionId,
    grade: i64,
) -> Result<Vec<String>, DbError> {
    let rows: Vec<(String,)> = db
        .fetch_all(
            Sql::new("SELECT DISTINCT class_name FROM students_enrolments WHERE status <> 'left' AND class_name <> '' AND institution_id = ")
                .bind(institution)
                .push(" AND grade = ")
                .bind(grade)
                .push(" ORDER BY class_name"),
        )
        .await?;
    Ok(rows.into_iter().map(|(c,)| c).collect())
}

pub async fn decide_transfer(
    tx: &mut Tx,
    id: TransferId,
    status: TransferStatus,
    by: &str,
) -> Result<bool, DbError> {
    let n = tx
        .execute(Sql::new("UPDATE students_transfers SET status = $1, decided_by = $2, decided_at = $3 WHERE id = $4 AND status = 'pending'").arg(status).arg(by).arg(Utc::now()).arg(id))
        .await?;
    Ok(n == 1)
}
