//! School buses (校车) of the institutions in the caller's scope.

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{Db, DbError, Ex, Sql, Tx};
use platform::web::forms::empty_as_none;
use serde::{Deserialize, Serialize};

use crate::domain::buses::{alert_until, BusId, BusInput, Expiry, LicenceClass, Plate};

/// A bus with its school's name; `status` is where its first expiry stands
/// today (filled by the service).
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Bus {
    pub id: BusId,
    pub institution_id: i64,
    pub institution_name: String,
    /// 车牌号 as stored (`闽G12345`).
    pub plate: String,
    pub seats: i64,
    pub operator: String,
    pub permit_no: String,
    pub permit_expires: NaiveDate,
    pub inspection_expires: NaiveDate,
    pub insurance_expires: NaiveDate,
    pub driver_name: String,
    pub driver_class: LicenceClass,
    pub driver_licence_expires: NaiveDate,
    pub driver_approved: bool,
    pub route: String,
    pub pupils: i64,
    pub first_expiry: NaiveDate,
    #[sqlx(skip)]
    pub status: Option<Expiry>,
}

const BUS: &str = "SELECT b.id, b.institution_id, i.name AS institution_name, b.plate, b.seats, \
     b.operator, b.permit_no, b.permit_expires, b.inspection_expires, b.insurance_expires, \
     b.driver_name, b.driver_class, b.driver_licence_expires, b.driver_approved, b.route, \
     b.pupils, b.first_expiry \
     FROM safety_buses b JOIN institutions i ON i.id = b.institution_id WHERE 1=1";

#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct BusFilter {
    #[serde(deserialize_with = "empty_as_none")]
    pub institution_id: Option<i64>,
    /// `expired`: some paper has expired; `expiring`: the first expiry is
    /// within the alert window, not past; `alert`: either.
    pub state: Option<String>,
    /// Part of the plate or the driver's name.
    pub q: Option<String>,
}

fn filtered(select: &str, scope: &Scope, f: &BusFilter, today: NaiveDate, days: i64) -> Sql {
    let mut q = scope.restrict(Sql::new(select), "b.institution_id");
    if let Some(id) = f.institution_id {
        q = q.push(" AND b.institution_id = ").bind(id);
    }
    match f.state.as_deref().and_then(Expiry::parse) {
        Some(Expiry::Expired) => q = q.push(" AND b.first_expiry < ").bind(today),
        Some(Expiry::Expiring) => {
            q = q
                .push(" AND b.first_expiry >= ")
                .bind(today)
                .push(" AND b.first_expiry <= ")
                .bind(alert_until(today, days))
        }
        Some(Expiry::Valid) => {
            q = q
                .push(" AND b.first_expiry > ")
                .bind(alert_until(today, days))
        }
        None if f.state.as_deref() == Some("alert") => {
            q = q
                .push(" AND b.first_expiry <= ")
                .bind(alert_until(today, days))
        }
        None => {}
    }
    if let Some(text) = f.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let like = format!(
            "%{}%",
            Plate::parse(text).map_or(text.to_uppercase(), |p| p.as_str().to_string())
        );
        q = q
            .push(" AND (UPPER(b.plate) LIKE ")
            .bind(like)
            .push(" OR b.driver_name LIKE ")
            .bind(format!("%{text}%"))
            .push(")");
    }
    q
}

pub async fn list(
    db: &Db,
    scope: &Scope,
    f: &BusFilter,
    today: NaiveDate,
    days: i64,
    limit: i64,
) -> Result<Vec<Bus>, DbError> {
    let q = filtered(BUS, scope, f, today, days)
        .push(" ORDER BY b.first_expiry, b.plate LIMIT ")
        .bind(limit);
    db.fetch_all(q).await
}

pub async fn count(
    db: &Db,
    scope: &Scope,
    f: &BusFilter,
    today: NaiveDate,
    days: i64,
) -> Result<i64, DbError> {
    let select = "SELECT COUNT(*) FROM safety_buses b WHERE 1=1";
    db.scalar(filtered(select, scope, f, today, days)).await
}

pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: BusId,
) -> Result<Option<Bus>, DbError> {
    let q = scope.restrict(
        Sql::new(BUS).push(" AND b.id = ").bind(id),
        "b.institution_id",
    );
    ex.into().fetch_optional(q).await
}

/// Every plate on record (plates are unique across the district).
pub async fn plates(db: &Db) -> Result<Vec<String>, DbError> {
    let rows: Vec<(String,)> = db
        .fetch_all(Sql::new("SELECT plate FROM safety_buses"))
        .await?;
    Ok(rows.into_iter().map(|(p,)| p).collect())
}

/// Adds a bus; `DbError::Unique` when the plate is on record already.
pub async fn insert(
    tx: &mut Tx,
    institution_id: i64,
    plate: &Plate,
    b: &BusInput,
) -> Result<BusId, DbError> {
    let now = platform::time::now();
    let q = Sql::new(
        "INSERT INTO safety_buses (institution_id, plate, seats, operator, permit_no, permit_expires, \
         inspection_expires, insurance_expires, driver_name, driver_class, driver_licence_expires, \
         driver_approved, route, pupils, first_expiry, created_at, updated_at) VALUES (",
    )
    .bind(institution_id)
    .push(", ")
    .bind(plate.as_str())
    .push(", ")
    .bind(b.seats)
    .push(", ")
    .bind(b.operator.trim())
    .push(", ")
    .bind(b.permit_no.trim())
    .push(", ")
    .bind(b.permit_expires)
    .push(", ")
    .bind(b.inspection_expires)
    .push(", ")
    .bind(b.insurance_expires)
    .push(", ")
    .bind(b.driver_name.trim())
    .push(", ")
    .bind(b.driver_class)
    .push(", ")
    .bind(b.driver_licence_expires)
    .push(", ")
    .bind(b.driver_approved)
    .push(", ")
    .bind(b.route.trim())
    .push(", ")
    .bind(b.pupils)
    .push(", ")
    .bind(b.first_expiry())
    .push(", ")
    .bind(now)
    .push(", ")
    .bind(now)
    .push(") RETURNING id");
    Ok(BusId(tx.scalar(q).await?))
}
