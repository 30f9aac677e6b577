//! 采购 items and their 联合验收 records.

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{Db, DbError, Ex, Sql, Tx};
use platform::web::forms::empty_as_none;
use serde::{Deserialize, Serialize};

use super::and_eq;
use crate::domain::estate::procurement::overdue_before;
use crate::domain::estate::{
    AcceptanceInput, AcceptanceResult, AssetCategory, PurchaseId, PurchaseInput,
};

/// An item with its acceptance, if any.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Purchase {
    pub id: PurchaseId,
    pub institution_id: i64,
    pub institution_name: String,
    pub name: String,
    pub category: AssetCategory,
    /// 元.
    pub amount: i64,
    pub supplier: String,
    pub delivered_on: NaiveDate,
    pub note: String,
    pub accepted_on: Option<NaiveDate>,
    pub members: Option<String>,
    pub result: Option<AcceptanceResult>,
    pub acceptance_notes: Option<String>,
}

const PURCHASE: &str =
    "SELECT p.id, p.institution_id, i.name AS institution_name, p.name, p.category, \
     p.amount, p.supplier, p.delivered_on, p.note, c.accepted_on, c.members, c.result, \
     c.notes AS acceptance_notes \
     FROM construction_purchases p JOIN institutions i ON i.id = p.institution_id \
     LEFT JOIN construction_acceptances c ON c.purchase_id = p.id WHERE 1=1";

#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct PurchaseFilter {
    #[serde(deserialize_with = "empty_as_none")]
    pub institution_id: Option<i64>,
    /// Items not accepted yet.
    pub unaccepted: Option<bool>,
    /// Items waiting for their acceptance longer than the set days.
    pub overdue: Option<bool>,
}

fn filtered(select: &str, scope: &Scope, f: &PurchaseFilter, today: NaiveDate, days: i64) -> Sql {
    let mut q = scope.restrict(Sql::new(select), "p.institution_id");
    q = and_eq(q, "p.institution_id", f.institution_id);
    if f.unaccepted == Some(true) || f.overdue == Some(true) {
        q = q.push(
            " AND NOT EXISTS (SELECT 1 FROM construction_acceptances x WHERE x.purchase_id = p.id)",
        );
    }
    if f.overdue == Some(true) {
        q = q
            .push(" AND p.delivered_on <= ")
            .bind(overdue_before(today, days));
    }
    q
}

pub async fn list(
    db: &Db,
    scope: &Scope,
    f: &PurchaseFilter,
    today: NaiveDate,
    days: i64,
) -> Result<Vec<Purchase>, DbError> {
    let q = filtered(PURCHASE, scope, f, today, days)
        .push(" ORDER BY p.delivered_on DESC, p.id DESC LIMIT 1000");
    db.fetch_all(q).await
}

pub async fn count(
    db: &Db,
    scope: &Scope,
    f: &PurchaseFilter,
    today: NaiveDate,
    days: i64,
) -> Result<i64, DbError> {
    let select = "SELECT COUNT(*) FROM construction_purchases p WHERE 1=1";
    db.scalar(filtered(select, scope, f, today, days)).await
}

pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: PurchaseId,
) -> Result<Option<Purchase>, DbError> {
    let q = scope.restrict(
        Sql::new(PURCHASE).push(" AND p.id = ").bind(id),
        "p.institution_id",
    );
    ex.into().fetch_optional(q).await
}

pub async fn insert(
    tx: &mut Tx,
    institution_id: i64,
    p: &PurchaseInput,
) -> Result<PurchaseId, DbError> {
    let q = Sql::new(
        "INSERT INTO construction_purchases (institution_id, name, category, amount, supplier, delivered_on, \
         note, created_at) VALUES (",
    )
    .bind(institution_id)
    .push(", ")
    .bind(p.name.trim())
    .push(", ")
    .bind(p.category)
    .push(", ")
    .bind(p.amount)
    .push(", ")
    .bind(p.supplier.trim())
    .push(", ")
    .bind(p.delivered_on)
    .push(", ")
    .bind(p.note.trim())
    .push(", ")
    .bind(platform::time::now())
    .push(") RETURNING id");
    Ok(PurchaseId(tx.scalar(q).await?))
}

/// Records the acceptance; `DbError::Unique` when the item has one already.
pub async fn accept(tx: &mut Tx, id: PurchaseId, a: &AcceptanceInput) -> Result<(), DbError> {
    tx.execute(
        Sql::new(
            "INSERT INTO construction_acceptances (purchase_id, accepted_on, members, result, notes, created_at) VALUES (",
        )
        .bind(id)
        .push(", ")
        .bind(a.accepted_on)
        .push(", ")
        .bind(a.members.trim())
        .push(", ")
        .bind(a.result)
        .push(", ")
        .bind(a.notes.trim())
        .push(", ")
        .bind(platform::time::now())
        .push(")"),
    )
    .await?;
    Ok(())
}
