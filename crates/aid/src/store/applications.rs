//! 个人申请 rows.

use chrono::{DateTime, Utc};
use platform::auth::Scope;
use platform::db::{Db, DbError, Ex, Sql, Tx};
use platform::InstitutionId;
use serde::Serialize;
use students::store::students::StudentId;

use crate::domain::{ApplicationId, ApplicationStatus, ProgramId};

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ApplicationRow {
    pub id: ApplicationId,
    pub program_id: ProgramId,
    pub program_name: String,
    pub student_id: StudentId,
    pub student_name: String,
    pub institution_id: InstitutionId,
    pub institution_name: String,
    pub term: i64,
    pub status: ApplicationStatus,
    pub statement: String,
    /// 已提交的申请材料, one per line.
    pub documents: String,
    pub submitted_by: String,
    pub submitted_at: DateTime<Utc>,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub decided_by: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub note: String,
}

pub(super) const SELECT: &str = "SELECT a.id, a.program_id, p.name AS program_name, a.student_id, s.name AS student_name, a.institution_id, i.name AS institution_name, a.term, a.status, a.statement, a.documents, a.submitted_by, a.submitted_at, a.reviewed_by, a.reviewed_at, a.decided_by, a.decided_at, a.note FROM aid_applications a JOIN aid_programs p ON p.id = a.program_id JOIN students s ON s.id = a.student_id JOIN institutions i ON i.id = a.institution_id WHERE 1=1";

pub async fn list(
    db: &Db,
    scope: &Scope,
    status: Option<&str>,
) -> Result<Vec<ApplicationRow>, DbError> {
    let mut q = scope.restrict(Sql::new(SELECT), "a.institution_id");
    if let Some(s) = status {
        q = q.push(" AND a.status = ").bind(s);
    }
    db.fetch_all(q.push(" ORDER BY a.id DESC LIMIT 500")).await
}

pub async fn get(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    id: ApplicationId,
) -> Result<ApplicationRow, DbError> {
    ex.into()
        .fetch_one(scope.restrict(
            Sql::new(SELECT).push(" AND a.id = ").bind(id),
            "a.institution_id",
        ))
        .await
}

pub struct NewApplication<'a> {
    pub program: ProgramId,
    pub student: i64,
    pub institution: InstitutionId,
    pub term: i64,
    pub statement: &'a str,
    pub documents: &'a str,
    pub by: &'a str,
}

pub async fn insert(tx: &mut Tx, a: &NewApplication<'_>) -> Result<ApplicationId, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO aid_applications (program_id, student_id, institution_id, term, status, statement, documents, submitted_by, submitted_at) VALUES ($1, $2, $3, $4, 'submitted', $5, $6, $7, $8) RETURNING id")
            .arg(a.program)
            .arg(a.student)
            .arg(a.institution)
            .arg(a.term)
            .arg(a.statement)
            .arg(a.documents)
            .arg(a.by)
            .arg(Utc::now()),
    )
    .await
    .map(ApplicationId)
}

/// Moves an application from `from` to `to`, as school review or bureau
/// decision; false if it was no longer in `from`.
pub async fn decide(
    tx: &mut Tx,
    id: ApplicationId,
    from: ApplicationStatus,
    to: ApplicationStatus,
    school: bool,
    by: &str,
    note: &str,
) -> Result<bool, DbError> {
    let (who, at) = if school {
        ("reviewed_by", "reviewed_at")
    } else {
        ("decided_by", "decided_at")
    };
    let n = tx
        .execute(
            Sql::new(format!("UPDATE aid_applications SET status = $1, {who} = $2, {at} = $3, note = $4 WHERE id = $5 AND status = $6"))
                .arg(to)
                .arg(by)
                .arg(Utc::now())
                .arg(note)
                .arg(id)
                .arg(from),
        )
        .await?;
    Ok(n == 1)
}
