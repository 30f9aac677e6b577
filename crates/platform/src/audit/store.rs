use chrono::{DateTime, Utc};

use crate::db::{Db, DbError, Sql, Tx};
use crate::error::AppError;
use crate::ids::InstitutionId;
use crate::web::forms::non_empty;

use super::filter::{AuditFilter, Kind};
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
    /// The actor's name (姓名), for entries by an account.
    pub actor_name: Option<String>,
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

pub const PAGE_SIZE: i64 = 50;
/// An export stops here; the page says so when a filter matches more.
pub const EXPORT_LIMIT: i64 = 50_000;

/// The entries the filter matches, newest first, and how many there are.
pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    pub total: i64,
    pub page: i64,
}

/// The filter as SQL over `audit_log a LEFT JOIN users u`.
fn filtered(select: &str, f: &AuditFilter) -> Result<Sql, AppError> {
    let mut q =
        Sql::new(select).push(" FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE 1=1");
    if let Some(v) = non_empty(&f.entity) {
        q = q.push(" AND a.entity = ").bind(v);
    }
    if let Some(v) = f.entity_id {
        q = q.push(" AND a.entity_id = ").bind(v);
    }
    if let Some(v) = non_empty(&f.username) {
        q = q.push(" AND a.username = ").bind(v);
    }
    if let Some(v) = non_empty(&f.user) {
        q = q.and_any_contains(&["a.username", "u.display_name"], v);
    }
    if let Some(v) = non_empty(&f.action) {
        q = q.push(" AND a.action = ").bind(v);
    }
    if let Some(v) = f.institution_id {
        q = q.push(" AND a.institution_id = ").bind(v);
    }
    let span = f.range()?;
    if let Some(t) = span.start {
        q = q.push(" AND a.at >= ").bind(t);
    }
    if let Some(t) = span.end {
        q = q.push(" AND a.at < ").bind(t);
    }
    q = match f.kind() {
        Kind::Changes => q.push(" AND a.action NOT IN ('view', 'export')"),
        Kind::Views => q.push(" AND a.action IN ('view', 'export')"),
        Kind::All => q,
    };
    Ok(q)
}

const COLUMNS: &str = "SELECT a.id, a.at, a.username, u.display_name AS actor_name, a.action, a.entity, a.entity_id, a.institution_id, a.summary, a.before_json, a.after_json, a.ip";

/// One page of the filtered log, newest first.
pub async fn list(db: &Db, f: &AuditFilter) -> Result<AuditPage, AppError> {
    let total = db.scalar(filtered("SELECT COUNT(*)", f)?).await?;
    let page = f.page();
    let rows = db
        .fetch_all(
            filtered(COLUMNS, f)?
                .push(" ORDER BY a.id DESC")
                .limit(PAGE_SIZE, (page - 1) * PAGE_SIZE),
        )
        .await?;
    Ok(AuditPage { rows, total, page })
}

/// Every entry the filter matches (up to [`EXPORT_LIMIT`]), newest first.
pub async fn list_all(db: &Db, f: &AuditFilter) -> Result<Vec<AuditRow>, AppError> {
    Ok(db
        .fetch_all(
            filtered(COLUMNS, f)?
                .push(" ORDER BY a.id DESC LIMIT ")
                .bind(EXPORT_LIMIT),
        )
        .await?)
}

#[derive(sqlx::FromRow)]
struct Named {
    id: i64,
    name: String,
}

/// (id, name) of every institution, by name: for the filter and to name
/// the institution of each entry. The platform reads only these two
/// columns of the institutions registry.
pub async fn institution_names(db: &Db) -> Result<Vec<(i64, String)>, DbError> {
    let rows: Vec<Named> = db
        .fetch_all(Sql::new(
            "SELECT id, name FROM institutions ORDER BY name, id",
        ))
        .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
}
