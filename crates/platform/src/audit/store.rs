use chrono::{DateTime, Utc};

use crate::db::{Db, DbError, Sql, Tx};
use crate::ids::InstitutionId;

use super::{Entry, Who};

/// Appends one entry, inside the caller's transaction so the change and its
/// audit entry commit together.
pub async fn record(tx: &mut Tx, who: &Who, e: Entry) -> Result<(), DbError> {
    tx.execute(
        Sql::new("INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, institution_id, summary, before_json, after_json, ip) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
            .arg(Utc::now())
            .arg(who.user_id)
            .arg(who.username.as_str())
            .arg(e.action)
            .arg(e.entity)
            .arg(e.entity_id)
            .arg(e.institution_id)
            .arg(e.summary)
            .arg(e.before.map(|v| v.to_string()))
            .arg(e.after.map(|v| v.to_string()))
            .arg(who.ip.clone()),
    )
    .await?;
    Ok(())
}

#[derive(Clone, Debug, serde::Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct AuditRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub username: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    #[schema(value_type = Option<i64>)]
    pub institution_id: Option<InstitutionId>,
    pub summary: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub ip: Option<String>,
}

#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::IntoParams)]
pub struct AuditFilter {
    /// Kind of record, e.g. `institution`.
    pub entity: Option<String>,
    #[serde(default, deserialize_with = "crate::web::forms::empty_as_none")]
    pub entity_id: Option<i64>,
    pub username: Option<String>,
    pub action: Option<String>,
    #[serde(default, deserialize_with = "crate::web::forms::empty_as_none")]
    pub page: Option<i64>,
}

pub const PAGE_SIZE: i64 = 50;

/// Newest first.
pub async fn list(db: &Db, f: &AuditFilter) -> Result<Vec<AuditRow>, DbError> {
    let mut q = Sql::new("SELECT id, at, username, action, entity, entity_id, institution_id, summary, before_json, after_json, ip FROM audit_log WHERE 1=1");
    if let Some(v) = f.entity.as_deref().filter(|s| !s.is_empty()) {
        q = q.push(" AND entity = ").bind(v);
    }
    if let Some(v) = f.entity_id {
        q = q.push(" AND entity_id = ").bind(v);
    }
    if let Some(v) = f.username.as_deref().filter(|s| !s.is_empty()) {
        q = q.push(" AND username = ").bind(v);
    }
    if let Some(v) = f.action.as_deref().filter(|s| !s.is_empty()) {
        q = q.push(" AND action = ").bind(v);
    }
    let page = f.page.unwrap_or(1).max(1);
    q = q
        .push(" ORDER BY id DESC LIMIT ")
        .bind(PAGE_SIZE)
        .push(" OFFSET ")
        .bind((page - 1) * PAGE_SIZE);
    db.fetch_all(q).await
}
