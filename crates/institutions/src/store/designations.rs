use chrono::{DateTime, Utc};
use platform::auth::Scope;
use platform::db::{Db, DbError, Sql, Tx};
use platform::InstitutionId;

use crate::domain::{DesignationEvent, DesignationId, NewDesignation};

#[derive(Clone, Debug, serde::Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct DesignationRow {
    #[schema(value_type = i64)]
    pub id: DesignationId,
    pub title: String,
    pub event: DesignationEvent,
    pub year: i64,
    pub document: String,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

/// The designation history of an institution, oldest first. The join on
/// institutions applies the caller's scope.
pub async fn designations(
    db: &Db,
    scope: &Scope,
    id: InstitutionId,
) -> Result<Vec<DesignationRow>, DbError> {
    db.fetch_all(
        scope
            .restrict(Sql::new("SELECT d.id, d.title, d.event, d.year, d.document, d.note, d.created_at FROM institution_designations d WHERE d.institution_id = ").bind(id), "d.institution_id")
            .push(" ORDER BY d.year, d.id"),
    )
    .await
}

pub async fn add_designation(
    tx: &mut Tx,
    id: InstitutionId,
    d: &NewDesignation,
) -> Result<DesignationId, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO institution_designations (institution_id, title, event, year, document, note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")
            .arg(id)
            .arg(d.title.as_str())
            .arg(d.event)
            .arg(d.year)
            .arg(d.document.as_str())
            .arg(d.note.as_str())
            .arg(Utc::now()),
    )
    .await
    .map(DesignationId)
}
