use chrono::{DateTime, Utc};
use platform::auth::Scope;
use platform::db::{BoxFut, Db, DbError, Ex, Sql, Tx};
use platform::web::InstitutionChoice;
use platform::{InstitutionId, TownshipId};
use serde::Deserialize;

use crate::domain::{
    Category, Institution, Licence, NewInstitution, Ownership, Status, TrackingStatus,
};

#[derive(sqlx::FromRow)]
struct Row {
    id: InstitutionId,
    code: Option<String>,
    name: String,
    school_type: String,
    ownership: String,
    licence: String,
    status: String,
    township_id: TownshipId,
    address: String,
    principal: String,
    phone: String,
    founded_year: Option<i64>,
    approved_places: i64,
    class_count: i64,
    boarding: bool,
    group_name: Option<String>,
    tracking_status: Option<TrackingStatus>,
    notes: String,
    version: i64,
    updated_at: DateTime<Utc>,
}

impl From<Row> for Institution {
    fn from(r: Row) -> Self {
        // The CHECK constraints of the table admit only known values.
        Institution {
            id: r.id,
            code: r.code,
            name: r.name,
            school_type: r.school_type,
            ownership: Ownership::parse(&r.ownership).unwrap_or(Ownership::Public),
            licence: Licence::parse(&r.licence).unwrap_or(Licence::Licensed),
            status: Status::parse(&r.status).unwrap_or(Status::Active),
            township_id: r.township_id,
            address: r.address,
            principal: r.principal,
            phone: r.phone,
            founded_year: r.founded_year,
            approved_places: r.approved_places,
            class_count: r.class_count,
            boarding: r.boarding,
            group_name: r.group_name,
            tracking_status: r.tracking_status,
            notes: r.notes,
            version: r.version,
            updated_at: r.updated_at,
        }
    }
}

const COLUMNS: &str = "i.id, i.code, i.name, i.school_type, i.ownership, i.licence, i.status, i.township_id, i.address, i.principal, i.phone, i.founded_year, i.approved_places, i.class_count, i.boarding, i.group_name, i.tracking_status, i.notes, i.version, i.updated_at";

/// Filters of the institution list; all optional.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct Filter {
    /// Part of the name or the 学校标识码.
    pub q: Option<String>,
    /// kindergarten, primary, junior, nine_year, senior, vocational, special, community, training, other
    pub category: Option<String>,
    /// public, private, private_inclusive
    pub ownership: Option<String>,
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub township_id: Option<i64>,
    /// Holds this designation now.
    pub designation: Option<String>,
    /// licensed or unlicensed
    pub licence: Option<String>,
    /// active, suspended or closed
    pub status: Option<String>,
    /// 1-based.
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub page: Option<i64>,
}

pub const PAGE_SIZE: i64 = 50;

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn filtered(select: &str, scope: &Scope, f: &Filter) -> Sql {
    let mut q = scope.restrict(
        Sql::new(select).push(" FROM institutions i WHERE 1=1"),
        "i.id",
    );
    if let Some(text) = non_empty(&f.q) {
        q = q.and_any_contains(&["i.name", "i.code"], text);
    }
    if let Some(c) = non_empty(&f.category).and_then(Category::parse) {
        q = q.push(" AND (");
        for (n, prefix) in c.school_type_prefixes().iter().enumerate() {
            if n > 0 {
                q = q.push(" OR ");
            }
            q = q.push("i.school_type LIKE ").bind(format!("{prefix}%"));
        }
        q = q.push(")");
    }
    if let Some(o) = non_empty(&f.ownership).and_then(Ownership::parse) {
        q = q.push(" AND i.ownership = ").bind(o.key());
    }
    if let Some(t) = f.township_id {
        q = q.push(" AND i.township_id = ").bind(t);
    }
    if let Some(l) = non_empty(&f.licence).and_then(Licence::parse) {
        q = q.push(" AND i.licence = ").bind(l.key());
    }
    if let Some(s) = non_empty(&f.status).and_then(Status::parse) {
        q = q.push(" AND i.status = ").bind(s.key());
    }
    if let Some(d) = non_empty(&f.designation) {
        q = q
            .push(" AND (SELECT d.event FROM institution_designations d WHERE d.institution_id = i.id AND d.title = ")
            .bind(d)
            .push(" ORDER BY d.year DESC, d.id DESC LIMIT 1) IN ('awarded', 'reverified')");
    }
    q
}

/// One page of institutions matching `f`, within `scope`, by name.
pub async fn list(db: &Db, scope: &Scope, f: &Filter) -> Result<Page<Institution>, DbError> {
    let page = f.page.unwrap_or(1).max(1);
    let total = db.scalar(filtered("SELECT COUNT(*)", scope, f)).await?;
    let rows: Vec<Row> = db
        .fetch_all(
            filtered(&format!("SELECT {COLUMNS}"), scope, f)
                .push(" ORDER BY i.school_type, i.name")
                .limit(PAGE_SIZE, (page - 1) * PAGE_SIZE),
        )
        .await?;
    Ok(Page {
        items: rows.into_iter().map(Into::into).collect(),
        total,
        page,
        per_page: PAGE_SIZE,
    })
}

/// Every institution by name, for the pickers of the platform's own pages
/// (accounts), whatever the caller's scope: those pages are the bureau's.
pub fn directory(db: &Db) -> BoxFut<'_, Result<Vec<InstitutionChoice>, DbError>> {
    Box::pin(db.fetch_all(Sql::new(
        "SELECT id, name, code FROM institutions ORDER BY name",
    )))
}

/// Every institution matching `f` (for exports).
pub async fn list_all(db: &Db, scope: &Scope, f: &Filter) -> Result<Vec<Institution>, DbError> {
    let rows: Vec<Row> = db
        .fetch_all(
            filtered(&format!("SELECT {COLUMNS}"), scope, f)
                .push(" ORDER BY i.school_type, i.name"),
        )
        .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// The institution, if it exists and `scope` may see it.
pub async fn get(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    id: InstitutionId,
) -> Result<Institution, DbError> {
    let row: Row = ex
        .into()
        .fetch_one(
            scope.restrict(
                Sql::new(format!(
                    "SELECT {COLUMNS} FROM institutions i WHERE i.id = "
                ))
                .bind(id),
                "i.id",
            ),
        )
        .await?;
    Ok(row.into())
}

/// The school year under way at `now`, in China.
fn school_year_of(now: DateTime<Utc>) -> i64 {
    platform::vocab::SchoolYear::of(platform::time::date_of(now)).0
}

/// Binds `$1`…`$16`: the record's fields in the order of `create` and
/// `update`.
fn bind_fields(q: Sql, n: &NewInstitution) -> Sql {
    q.arg(n.code.clone())
        .arg(n.name.as_str())
        .arg(n.school_type.as_str())
        .arg(n.ownership.key())
        .arg(n.licence.key())
        .arg(n.status.key())
        .arg(n.township_id)
        .arg(n.address.as_str())
        .arg(n.principal.as_str())
        .arg(n.phone.as_str())
        .arg(n.founded_year)
        .arg(n.approved_places)
        .arg(n.class_count)
        .arg(n.boarding)
        .arg(n.group_name.clone())
        .arg(n.notes.as_str())
}

pub async fn create(tx: &mut Tx, n: &NewInstitution) -> Result<InstitutionId, DbError> {
    let now = Utc::now();
    let id = tx
        .scalar(
            bind_fields(Sql::new("INSERT INTO institutions (code, name, school_type, ownership, licence, status, township_id, address, principal, phone, founded_year, approved_places, class_count, boarding, group_name, notes, tracking_status, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 1, $18, $18) RETURNING id"), n)
                .arg((n.licence == Licence::Unlicensed).then_some("found"))
                .arg(now),
        )
        .await?;
    let id = InstitutionId(id);
    record_year(
        tx,
        id,
        school_year_of(now),
        n.approved_places,
        n.class_count,
    )
    .await?;
    Ok(id)
}

/// Records this school year's capacity (replacing an earlier figure of the
/// same year).
pub async fn record_year(
    tx: &mut Tx,
    id: InstitutionId,
    year: i64,
    places: i64,
    classes: i64,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new("INSERT INTO institution_years (institution_id, school_year, approved_places, class_count) VALUES ($1, $2, $3, $4) ON CONFLICT (institution_id, school_year) DO UPDATE SET approved_places = excluded.approved_places, class_count = excluded.class_count")
            .arg(id)
            .arg(year)
            .arg(places)
            .arg(classes),
    )
    .await?;
    Ok(())
}

pub use platform::db::Updated;

/// Saves `n` over the record if it is still at `version`.
pub async fn update(
    tx: &mut Tx,
    scope: &Scope,
    id: InstitutionId,
    version: i64,
    n: &NewInstitution,
) -> Result<Updated, DbError> {
    let now = Utc::now();
    let q = bind_fields(Sql::new("UPDATE institutions SET code = $1, name = $2, school_type = $3, ownership = $4, licence = $5, status = $6, township_id = $7, address = $8, principal = $9, phone = $10, founded_year = $11, approved_places = $12, class_count = $13, boarding = $14, group_name = $15, notes = $16, version = version + 1, updated_at = $17 WHERE id = $18 AND version = $19"), n)
        .arg(now)
        .arg(id)
        .arg(version);
    let changed = tx.execute(scope.restrict(q, "id")).await?;
    if Updated::from_rows(changed) == Updated::Stale {
        return Ok(Updated::Stale);
    }
    record_year(
        tx,
        id,
        school_year_of(now),
        n.approved_places,
        n.class_count,
    )
    .await?;
    Ok(Updated::Saved)
}

/// Sets an institution's status (active, suspended, closed); false if it
/// does not exist.
pub async fn set_status(tx: &mut Tx, id: InstitutionId, status: Status) -> Result<bool, DbError> {
    let q = Sql::new(
        "UPDATE institutions SET status = $1, version = version + 1, updated_at = $2 WHERE id = $3",
    )
    .arg(status.key())
    .arg(Utc::now())
    .arg(id);
    Ok(tx.execute(q).await? == 1)
}

#[derive(Clone, Debug, serde::Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct YearRow {
    pub school_year: i64,
    pub approved_places: i64,
    pub class_count: i64,
}

pub async fn capacity_history(
    db: &Db,
    scope: &Scope,
    id: InstitutionId,
) -> Result<Vec<YearRow>, DbError> {
    db.fetch_all(
        scope
            .restrict(Sql::new("SELECT school_year, approved_places, class_count FROM institution_years WHERE institution_id = ").bind(id), "institution_id")
            .push(" ORDER BY school_year"),
    )
    .await
}

#[derive(Clone, Debug, serde::Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct CountRow {
    pub school_type: String,
    pub ownership: String,
    pub count: i64,
    pub places: i64,
}

/// Counts and places by school type and ownership (active institutions).
pub async fn summary(db: &Db, scope: &Scope) -> Result<Vec<CountRow>, DbError> {
    db.fetch_all(
        scope
            .restrict(Sql::new("SELECT school_type, ownership, COUNT(*) AS count, CAST(COALESCE(SUM(approved_places), 0) AS BIGINT) AS places FROM institutions WHERE status = 'active'"), "id")
            .push(" GROUP BY school_type, ownership ORDER BY school_type, ownership"),
    )
    .await
}
