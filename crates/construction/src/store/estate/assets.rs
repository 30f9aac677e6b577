//! The 资产 register: lines per institution and category, and their
//! transfers (调拨) and disposals (报废).

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{Db, DbError, Ex, Sql, Tx};
use platform::web::forms::empty_as_none;
use serde::{Deserialize, Serialize};

use super::and_eq;
use crate::domain::estate::{AssetCategory, AssetId, AssetInput, MovementInput, MovementKind};

/// A line of the register.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Asset {
    pub id: AssetId,
    pub institution_id: i64,
    pub institution_name: String,
    pub category: AssetCategory,
    pub name: String,
    pub quantity: i64,
    /// 元.
    pub value: i64,
    pub acquired_on: Option<NaiveDate>,
    pub note: String,
    pub version: i64,
}

const ASSET: &str =
    "SELECT a.id, a.institution_id, i.name AS institution_name, a.category, a.name, \
     a.quantity, a.value, a.acquired_on, a.note, a.version \
     FROM construction_assets a JOIN institutions i ON i.id = a.institution_id WHERE 1=1";

#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct AssetFilter {
    #[serde(deserialize_with = "empty_as_none")]
    pub institution_id: Option<i64>,
    pub category: Option<String>,
}

fn filtered(select: &str, scope: &Scope, f: &AssetFilter) -> Sql {
    let q = scope.restrict(Sql::new(select), "a.institution_id");
    let q = and_eq(q, "a.institution_id", f.institution_id);
    and_eq(
        q,
        "a.category",
        f.category.as_deref().and_then(AssetCategory::parse),
    )
}

pub async fn list(db: &Db, scope: &Scope, f: &AssetFilter) -> Result<Vec<Asset>, DbError> {
    db.fetch_all(filtered(ASSET, scope, f).push(" ORDER BY i.name, a.category, a.name LIMIT 2000"))
        .await
}

/// Count and value of a category.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct CategoryTotal {
    pub category: AssetCategory,
    pub quantity: i64,
    pub value: i64,
}

pub async fn by_category(
    db: &Db,
    scope: &Scope,
    f: &AssetFilter,
) -> Result<Vec<CategoryTotal>, DbError> {
    let select = "SELECT a.category, CAST(SUM(a.quantity) AS BIGINT) AS quantity, \
         CAST(SUM(a.value) AS BIGINT) AS value FROM construction_assets a WHERE 1=1";
    db.fetch_all(filtered(select, scope, f).push(" GROUP BY a.category ORDER BY a.category"))
        .await
}

pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: AssetId,
) -> Result<Option<Asset>, DbError> {
    let q = scope.restrict(
        Sql::new(ASSET).push(" AND a.id = ").bind(id),
        "a.institution_id",
    );
    ex.into().fetch_optional(q).await
}

pub async fn insert(tx: &mut Tx, institution_id: i64, a: &AssetInput) -> Result<AssetId, DbError> {
    let now = platform::time::now();
    let q = Sql::new(
        "INSERT INTO construction_assets (institution_id, category, name, quantity, value, acquired_on, \
         note, created_at, updated_at) VALUES (",
    )
    .bind(institution_id)
    .push(", ")
    .bind(a.category)
    .push(", ")
    .bind(a.name.as_str())
    .push(", ")
    .bind(a.quantity)
    .push(", ")
    .bind(a.value)
    .push(", ")
    .bind(a.acquired_on)
    .push(", ")
    .bind(a.note.as_str())
    .push(", ")
    .bind(now)
    .push(", ")
    .bind(now)
    .push(") RETURNING id");
    Ok(AssetId(tx.scalar(q).await?))
}

/// Takes `quantity` items worth `value` out of a line; false (and nothing
/// changed) unless the line still holds them, so a count never goes negative
/// even when two movements race.
pub async fn take(tx: &mut Tx, id: AssetId, quantity: i64, value: i64) -> Result<bool, DbError> {
    let q =
        Sql::new("UPDATE construction_assets SET version = version + 1, quantity = quantity - ")
            .bind(quantity)
            .push(", value = value - ")
            .bind(value)
            .push(", updated_at = ")
            .bind(platform::time::now())
            .push(" WHERE id = ")
            .bind(id)
            .push(" AND quantity >= ")
            .bind(quantity)
            .push(" AND value >= ")
            .bind(value);
    Ok(tx.execute(q).await? == 1)
}

/// Adds transferred items to the receiving institution's line of the same
/// name, creating it if needed.
pub async fn receive(
    tx: &mut Tx,
    institution_id: i64,
    from: &AssetInput,
) -> Result<AssetId, DbError> {
    let existing: Option<(i64,)> = tx
        .fetch_optional(
            Sql::new("SELECT id FROM construction_assets WHERE institution_id = ")
                .bind(institution_id)
                .push(" AND name = ")
                .bind(from.name.as_str()),
        )
        .await?;
    match existing {
        Some((id,)) => {
            tx.execute(
                Sql::new(
                    "UPDATE construction_assets SET version = version + 1, quantity = quantity + ",
                )
                .bind(from.quantity)
                .push(", value = value + ")
                .bind(from.value)
                .push(", updated_at = ")
                .bind(platform::time::now())
                .push(" WHERE id = ")
                .bind(id),
            )
            .await?;
            Ok(AssetId(id))
        }
        None => insert(tx, institution_id, from).await,
    }
}

/// A transfer or disposal as recorded.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Movement {
    pub id: i64,
    pub asset_id: i64,
    pub asset_name: String,
    pub institution_id: i64,
    pub institution_name: String,
    pub kind: MovementKind,
    pub quantity: i64,
    pub value: i64,
    pub to_institution_id: Option<i64>,
    pub to_institution_name: Option<String>,
    pub moved_on: NaiveDate,
    pub approved_by: String,
    pub approval_no: String,
    pub reason: String,
}

pub async fn record_movement(
    tx: &mut Tx,
    asset: &Asset,
    m: &MovementInput,
    value: i64,
) -> Result<i64, DbError> {
    tx.scalar(
        Sql::new(
            "INSERT INTO construction_asset_movements (asset_id, institution_id, kind, quantity, value, \
             to_institution_id, moved_on, approved_by, approval_no, reason, created_at) VALUES (",
        )
        .bind(asset.id)
        .push(", ")
        .bind(asset.institution_id)
        .push(", ")
        .bind(m.kind)
        .push(", ")
        .bind(m.quantity)
        .push(", ")
        .bind(value)
        .push(", ")
        .bind(m.to_institution_id)
        .push(", ")
        .bind(m.moved_on)
        .push(", ")
        .bind(m.approved_by.trim())
        .push(", ")
        .bind(m.approval_no.trim())
        .push(", ")
        .bind(m.reason.trim())
        .push(", ")
        .bind(platform::time::now())
        .push(") RETURNING id"),
    )
    .await
}

/// Movements out of or into the institutions in `scope`, newest first;
/// of one line when `asset` is given.
pub async fn movements<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    asset: Option<AssetId>,
) -> Result<Vec<Movement>, DbError> {
    let mut q = Sql::new(
        "SELECT m.id, m.asset_id, a.name AS asset_name, m.institution_id, i.name AS institution_name, \
         m.kind, m.quantity, m.value, m.to_institution_id, ti.name AS to_institution_name, m.moved_on, \
         m.approved_by, m.approval_no, m.reason \
         FROM construction_asset_movements m JOIN construction_assets a ON a.id = m.asset_id \
         JOIN institutions i ON i.id = m.institution_id \
         LEFT JOIN institutions ti ON ti.id = m.to_institution_id WHERE 1=1",
    );
    if let Some(own) = scope.institution() {
        q = q
            .push(" AND (m.institution_id = ")
            .bind(own)
            .push(" OR m.to_institution_id = ")
            .bind(own)
            .push(")");
    }
    q = and_eq(q, "m.asset_id", asset);
    ex.into()
        .fetch_all(q.push(" ORDER BY m.moved_on DESC, m.id DESC LIMIT 500"))
        .await
}
