//! Storage of closures (终止办学) and their pupils' destinations. Reads
//! take the caller's `Scope`: the closing institution sees its own.

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::closures::ClosureId;

/// A closure as pages show it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Closure {
    pub id: ClosureId,
    pub institution_id: i64,
    pub institution_name: String,
    pub decided_on: NaiveDate,
    pub reason: String,
    /// open or final
    pub status: String,
    pub finalised_on: Option<NaiveDate>,
    pub version: i64,
    pub pupils: i64,
    pub placed: i64,
}

const SELECT: &str = "SELECT c.id, c.institution_id, i.name AS institution_name, c.decided_on, \
     c.reason, c.status, c.finalised_on, c.version, \
     (SELECT COUNT(*) FROM private_closure_pupils p WHERE p.closure_id = c.id) AS pupils, \
     (SELECT COUNT(*) FROM private_closure_pupils p WHERE p.closure_id = c.id \
       AND (p.destination_id IS NOT NULL OR p.destination_note <> '')) AS placed \
     FROM private_closures c JOIN institutions i ON i.id = c.institution_id WHERE 1=1";

pub async fn list(ex: impl Into<Ex<'_>>, scope: &Scope) -> Result<Vec<Closure>, DbError> {
    let q = scope.restrict(Sql::new(SELECT), "c.institution_id");
    ex.into()
        .fetch_all(q.push(" ORDER BY c.decided_on DESC, c.id DESC"))
        .await
}

pub async fn get(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    id: ClosureId,
) -> Result<Option<Closure>, DbError> {
    let q = scope.restrict(
        Sql::new(SELECT).push(" AND c.id = ").bind(id),
        "c.institution_id",
    );
    ex.into().fetch_optional(q).await
}

/// The closures made final in a year.
pub async fn final_in_year(ex: impl Into<Ex<'_>>, year: i64) -> Result<Vec<Closure>, DbError> {
    let (from, to) = (
        NaiveDate::from_ymd_opt(year as i32, 1, 1),
        NaiveDate::from_ymd_opt(year as i32, 12, 31),
    );
    let q = Sql::new(SELECT)
        .push(" AND c.status = 'final' AND c.finalised_on >= ")
        .bind(from)
        .push(" AND c.finalised_on <= ")
        .bind(to)
        .push(" ORDER BY i.name");
    ex.into().fetch_all(q).await
}

/// Opens a closure and lists the institution's current pupils in it.
pub async fn insert(
    tx: &mut Tx,
    institution_id: i64,
    decided_on: NaiveDate,
    reason: &str,
    created_by: Option<i64>,
) -> Result<ClosureId, DbError> {
    let q = Sql::new(
        "INSERT INTO private_closures (institution_id, decided_on, reason, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .arg(institution_id)
    .arg(decided_on)
    .arg(reason)
    .arg(created_by)
    .arg(platform::time::now());
    let id = ClosureId(tx.scalar(q).await?);
    let pupils = Sql::new(
        "INSERT INTO private_closure_pupils (closure_id, student_id, grade) \
         SELECT $1, student_id, grade FROM students_enrolments WHERE status <> 'left' AND institution_id = $2",
    )
    .arg(id)
    .arg(institution_id);
    tx.execute(pupils).await?;
    Ok(id)
}

/// A pupil of a closing institution and where they go.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Pupil {
    pub student_id: i64,
    pub name: String,
    pub grade: i64,
    pub destination_id: Option<i64>,
    pub destination_name: Option<String>,
    pub destination_note: String,
}

impl Pupil {
    pub fn is_placed(&self) -> bool {
        self.destination_id.is_some() || !self.destination_note.is_empty()
    }
}

pub async fn pupils(ex: impl Into<Ex<'_>>, id: ClosureId) -> Result<Vec<Pupil>, DbError> {
    let q = Sql::new(
        "SELECT p.student_id, s.name, p.grade, p.destination_id, d.name AS destination_name, \
         p.destination_note FROM private_closure_pupils p JOIN students s ON s.id = p.student_id \
         LEFT JOIN institutions d ON d.id = p.destination_id WHERE p.closure_id = ",
    )
    .bind(id)
    .push(" ORDER BY p.grade, s.name, p.student_id");
    ex.into().fetch_all(q).await
}

/// Records a pupil's destination; false if the pupil is not in the closure.
pub async fn place(
    tx: &mut Tx,
    id: ClosureId,
    student_id: i64,
    destination_id: Option<i64>,
    note: &str,
) -> Result<bool, DbError> {
    let q = Sql::new(
        "UPDATE private_closure_pupils SET destination_id = $1, destination_note = $2, \
         placed_at = $3 WHERE closure_id = $4 AND student_id = $5",
    )
    .arg(destination_id)
    .arg(note)
    .arg(platform::time::now())
    .arg(id)
    .arg(student_id);
    Ok(tx.execute(q).await? == 1)
}

/// Makes an open closure final; false if it was not open.
pub async fn finalise(tx: &mut Tx, id: ClosureId, on: NaiveDate) -> Result<bool, DbError> {
    let q = Sql::new(
        "UPDATE private_closures SET status = 'final', finalised_on = $1, version = version + 1 \
         WHERE status = 'open' AND id = $2",
    )
    .arg(on)
    .arg(id);
    Ok(tx.execute(q).await? == 1)
}

/// Whether the institution is an active one of the registry.
pub async fn is_active(tx: &mut Tx, institution_id: i64) -> Result<bool, DbError> {
    let q = Sql::new("SELECT COUNT(*) FROM institutions WHERE status = 'active' AND id = ")
        .bind(institution_id);
    Ok(tx.scalar(q).await? > 0)
}
