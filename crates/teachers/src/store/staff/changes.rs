//! teachers_staff_changes: changes waiting for review (待审核), and the
//! decided ones that make a record's history.

use chrono::{DateTime, Utc};
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use platform::InstitutionId;
use serde::Serialize;

use crate::domain::staff::review::{ChangeKind, ChangeStatus};
use crate::domain::staff::{ChangeId, StaffFields, StaffId};

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ChangeRow {
    pub id: ChangeId,
    pub staff_id: Option<StaffId>,
    #[schema(value_type = i64)]
    pub institution_id: InstitutionId,
    pub institution_name: String,
    pub kind: ChangeKind,
    pub name: String,
    pub base_version: Option<i64>,
    #[serde(skip)]
    pub before_json: Option<String>,
    #[serde(skip)]
    pub after_json: String,
    pub status: ChangeStatus,
    pub submitted_by: String,
    pub submitted_at: DateTime<Utc>,
    pub decided_by: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub comment: String,
}

impl ChangeRow {
    /// The record as the change would make it.
    pub fn after(&self) -> Result<StaffFields, DbError> {
        serde_json::from_str(&self.after_json)
            .map_err(|_| DbError::Check(format!("teachers_staff_changes #{} after_json", self.id)))
    }
}

/// A change to write.
pub struct NewChange<'a> {
    pub staff_id: Option<StaffId>,
    pub institution_id: InstitutionId,
    pub kind: ChangeKind,
    pub base_version: Option<i64>,
    pub before: Option<&'a StaffFields>,
    pub after: &'a StaffFields,
    pub submitted_by: &'a str,
    /// Decided at once (a bureau change): approved by its author.
    pub approved: bool,
}

fn json(f: &StaffFields) -> String {
    serde_json::to_string(f).unwrap_or_default()
}

pub async fn insert(tx: &mut Tx, c: &NewChange<'_>) -> Result<ChangeId, DbError> {
    let now = Utc::now();
    let (status, decided_by, decided_at) = if c.approved {
        (ChangeStatus::Approved, Some(c.submitted_by), Some(now))
    } else {
        (ChangeStatus::Pending, None, None)
    };
    let id = tx
        .scalar(
            Sql::new(
                "INSERT INTO teachers_staff_changes (staff_id, institution_id, kind, name, base_version, \
                 before_json, after_json, status, submitted_by, submitted_at, decided_by, decided_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
            )
            .arg(c.staff_id)
            .arg(c.institution_id)
            .arg(c.kind)
            .arg(c.after.name.as_str())
            .arg(c.base_version)
            .arg(c.before.map(json))
            .arg(json(c.after))
            .arg(status)
            .arg(c.submitted_by)
            .arg(now)
            .arg(decided_by)
            .arg(decided_at),
        )
        .await?;
    Ok(ChangeId(id))
}

fn select() -> Sql {
    Sql::new(
        "SELECT c.id, c.staff_id, c.institution_id, i.name AS institution_name, c.kind, c.name, \
         c.base_version, c.before_json, c.after_json, c.status, c.submitted_by, c.submitted_at, \
         c.decided_by, c.decided_at, c.comment FROM teachers_staff_changes c \
         JOIN institutions i ON i.id = c.institution_id WHERE 1=1",
    )
}

/// One change, if `scope` may see it.
pub async fn get(ex: impl Into<Ex<'_>>, scope: &Scope, id: ChangeId) -> Result<ChangeRow, DbError> {
    let q = scope.restrict(select().push(" AND c.id = ").bind(id), "c.institution_id");
    ex.into().fetch_one(q).await
}

/// Changes of `status` within `scope`, oldest first (the review queue).
pub async fn with_status(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    status: ChangeStatus,
) -> Result<Vec<ChangeRow>, DbError> {
    let q = scope.restrict(
        select().push(" AND c.status = ").bind(status),
        "c.institution_id",
    );
    ex.into()
        .fetch_all(q.push(" ORDER BY c.submitted_at, c.id"))
        .await
}

/// Every change to one record, latest first: its history and what waits.
pub async fn of_staff(ex: impl Into<Ex<'_>>, staff: StaffId) -> Result<Vec<ChangeRow>, DbError> {
    let q = select().push(" AND c.staff_id = ").bind(staff);
    ex.into()
        .fetch_all(q.push(" ORDER BY c.submitted_at DESC, c.id DESC"))
        .await
}

/// How many changes wait for review across the district.
pub async fn pending_count(ex: impl Into<Ex<'_>>) -> Result<i64, DbError> {
    ex.into()
        .scalar(
            Sql::new("SELECT COUNT(*) FROM teachers_staff_changes WHERE status = ")
                .bind(ChangeStatus::Pending),
        )
        .await
}

/// Whether a change to this record already waits for review.
pub async fn has_pending(ex: impl Into<Ex<'_>>, staff: StaffId) -> Result<bool, DbError> {
    let n = ex
        .into()
        .scalar(
            Sql::new("SELECT COUNT(*) FROM teachers_staff_changes WHERE staff_id = ")
                .bind(staff)
                .push(" AND status = ")
                .bind(ChangeStatus::Pending),
        )
        .await?;
    Ok(n > 0)
}

/// The decision on a pending change; 0 rows when someone decided first.
pub struct Decision<'a> {
    pub status: ChangeStatus,
    pub by: &'a str,
    pub comment: &'a str,
    /// The record the change created or changed.
    pub staff_id: Option<StaffId>,
    /// The record just before an approved update.
    pub before: Option<&'a StaffFields>,
}

pub async fn decide(tx: &mut Tx, id: ChangeId, d: &Decision<'_>) -> Result<u64, DbError> {
    tx.execute(
        Sql::new("UPDATE teachers_staff_changes SET status = ")
            .bind(d.status)
            .push(", decided_by = ")
            .bind(d.by)
            .push(", decided_at = ")
            .bind(Utc::now())
            .push(", comment = ")
            .bind(d.comment)
            .push(", staff_id = COALESCE(staff_id, ")
            .bind(d.staff_id)
            .push("), before_json = COALESCE(")
            .bind(d.before.map(json))
            .push(", before_json) WHERE status = 'pending' AND id = ")
            .bind(id),
    )
    .await
}
