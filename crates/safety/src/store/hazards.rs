//! Storage of hazards (隐患). A hazard's state is its order's status, read
//! through a join on `inspection_orders`; reads take the caller's `Scope`.

use std::sync::LazyLock;

use chrono::NaiveDate;
use inspection::domain::{OrderId, OrderStatus};
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::{Deserialize, Serialize};

use crate::domain::hazards::{
    HazardCategory, HazardDraft, HazardId, HazardOrigin, HazardState, RiskLevel,
};

/// A hazard as lists and pages show it, with its order's stage.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Hazard {
    pub id: HazardId,
    pub institution_id: i64,
    pub institution_name: String,
    pub township_name: String,
    pub category: HazardCategory,
    pub risk_level: RiskLevel,
    pub location: String,
    pub description: String,
    pub origin: HazardOrigin,
    pub campaign_id: Option<i64>,
    pub campaign_title: Option<String>,
    pub found_on: NaiveDate,
    pub state: HazardState,
    pub order_id: Option<OrderId>,
    pub order_status: Option<OrderStatus>,
    pub deadline: Option<NaiveDate>,
}

/// The state column, derived from the order's status by the domain's own
/// mapping (constants only).
static STATE: LazyLock<String> = LazyLock::new(|| {
    let mut case = String::from("CASE");
    for s in HazardState::ALL {
        match s.order_status() {
            None => case.push_str(&format!(" WHEN o.status IS NULL THEN '{}'", s.as_str())),
            Some(o) => case.push_str(&format!(
                " WHEN o.status = '{}' THEN '{}'",
                o.as_str(),
                s.as_str()
            )),
        }
    }
    case.push_str(" END");
    case
});

static SELECT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT h.id, h.institution_id, i.name AS institution_name, t.name AS township_name, \
         h.category, h.risk_level, h.location, h.description, h.origin, h.campaign_id, \
         c.title AS campaign_title, h.found_on, {} AS state, h.order_id, o.status AS order_status, \
         o.deadline FROM safety_hazards h JOIN institutions i ON i.id = h.institution_id \
         JOIN townships t ON t.id = i.township_id \
         LEFT JOIN inspection_orders o ON o.id = h.order_id \
         LEFT JOIN inspection_campaigns c ON c.id = h.campaign_id WHERE 1=1",
        *STATE
    )
});

/// The hazards list's filters (all optional).
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct HazardFilter {
    pub institution_id: Option<i64>,
    pub township_id: Option<i64>,
    pub category: Option<HazardCategory>,
    pub risk_level: Option<RiskLevel>,
    pub state: Option<HazardState>,
    /// Only those not yet rectified.
    pub open: Option<bool>,
}

/// The most rows a list returns.
pub const LIST_LIMIT: i64 = 500;

pub async fn insert(
    tx: &mut Tx,
    institution_id: i64,
    d: &HazardDraft,
    campaign_id: Option<i64>,
    by: Option<i64>,
) -> Result<HazardId, DbError> {
    let q = Sql::new(
        "INSERT INTO safety_hazards (institution_id, category, risk_level, location, description, \
         origin, campaign_id, found_on, reported_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
    )
    .arg(institution_id)
    .arg(d.category)
    .arg(d.risk_level)
    .arg(d.location.as_str())
    .arg(d.description.as_str())
    .arg(d.origin)
    .arg(campaign_id)
    .arg(d.found_on)
    .arg(by)
    .arg(platform::time::now());
    Ok(HazardId(tx.scalar(q).await?))
}

fn filtered(f: &HazardFilter) -> Sql {
    let mut q = Sql::new(SELECT.as_str());
    if let Some(id) = f.institution_id {
        q = q.push(" AND h.institution_id = ").bind(id);
    }
    if let Some(id) = f.township_id {
        q = q.push(" AND i.township_id = ").bind(id);
    }
    if let Some(c) = f.category {
        q = q.push(" AND h.category = ").bind(c);
    }
    if let Some(l) = f.risk_level {
        q = q.push(" AND h.risk_level = ").bind(l);
    }
    if let Some(s) = f.state {
        q = q.push(&format!(" AND {} = ", *STATE)).bind(s);
    }
    if f.open == Some(true) {
        q = q.push(" AND (o.status IS NULL OR o.status <> 'closed')");
    }
    q
}

/// The hazards that pass `f`, newest first.
pub async fn list<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    f: &HazardFilter,
) -> Result<Vec<Hazard>, DbError> {
    let q = scope
        .restrict(filtered(f), "h.institution_id")
        .push(" ORDER BY h.found_on DESC, h.id DESC")
        .limit(LIST_LIMIT, 0);
    ex.into().fetch_all(q).await
}

/// One hazard, if the scope sees it.
pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: HazardId,
) -> Result<Option<Hazard>, DbError> {
    let q = scope.restrict(
        Sql::new(SELECT.as_str()).push(" AND h.id = ").bind(id),
        "h.institution_id",
    );
    ex.into().fetch_optional(q).await
}

/// Links the hazard to its order, unless another request did first
/// (0 rows changed).
pub async fn set_order(tx: &mut Tx, id: HazardId, order: OrderId) -> Result<u64, DbError> {
    tx.execute(
        Sql::new("UPDATE safety_hazards SET order_id = ")
            .bind(order)
            .push(", updated_at = ")
            .bind(platform::time::now())
            .push(" WHERE order_id IS NULL AND id = ")
            .bind(id),
    )
    .await
}

/// Whether `campaign` is a safety check (owner safety, purpose
/// safety_check) that inspects `institution`.
pub async fn check_inspects<'a>(
    ex: impl Into<Ex<'a>>,
    campaign: i64,
    institution: i64,
) -> Result<bool, DbError> {
    let n = ex
        .into()
        .scalar(
            Sql::new(
                "SELECT COUNT(*) FROM inspection_campaigns c \
                 JOIN inspection_frameworks f ON f.id = c.framework_id \
                 JOIN inspection_targets g ON g.campaign_id = c.id \
                 WHERE c.owner = 'safety' AND f.purpose = 'safety_check' AND c.id = ",
            )
            .bind(campaign)
            .push(" AND g.institution_id = ")
            .bind(institution),
        )
        .await?;
    Ok(n > 0)
}

/// Hazards by state and risk level (within the scope).
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct StateCount {
    pub state: HazardState,
    pub risk_level: RiskLevel,
    pub hazards: i64,
}

pub async fn counts<'a>(ex: impl Into<Ex<'a>>, scope: &Scope) -> Result<Vec<StateCount>, DbError> {
    let q = scope
        .restrict(
            Sql::new(format!(
                "SELECT {} AS state, h.risk_level, COUNT(*) AS hazards FROM safety_hazards h \
                 LEFT JOIN inspection_orders o ON o.id = h.order_id WHERE 1=1",
                *STATE
            )),
            "h.institution_id",
        )
        .push(&format!(" GROUP BY {}, h.risk_level", *STATE));
    ex.into().fetch_all(q).await
}

/// One institution's hazards: how many, how many still open, rectified.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct InstitutionHazards {
    pub institution_id: i64,
    pub institution_name: String,
    pub hazards: i64,
    pub rectified: i64,
    pub unordered: i64,
}

pub async fn by_institution<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
) -> Result<Vec<InstitutionHazards>, DbError> {
    let q = scope
        .restrict(
            Sql::new(
                "SELECT h.institution_id, i.name AS institution_name, COUNT(*) AS hazards, \
                 SUM(CASE WHEN o.status = 'closed' THEN 1 ELSE 0 END) AS rectified, \
                 SUM(CASE WHEN h.order_id IS NULL THEN 1 ELSE 0 END) AS unordered \
                 FROM safety_hazards h JOIN institutions i ON i.id = h.institution_id \
                 LEFT JOIN inspection_orders o ON o.id = h.order_id WHERE 1=1",
            ),
            "h.institution_id",
        )
        .push(" GROUP BY h.institution_id, i.name ORDER BY i.name");
    ex.into().fetch_all(q).await
}

/// The scope's overdue orders of owner safety (waiting on the institution
/// past their deadline), whatever their source.
pub async fn overdue_orders<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    today: NaiveDate,
) -> Result<i64, DbError> {
    let q = scope.restrict(
        Sql::new(
            "SELECT COUNT(*) FROM inspection_orders o WHERE o.owner = 'safety' \
             AND o.status IN ('issued', 'reopened') AND o.deadline < ",
        )
        .bind(today),
        "o.institution_id",
    );
    ex.into().scalar(q).await
}

/// The institutions a form offers: every licensed one running, or the
/// school's own.
pub async fn institution_choices<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
) -> Result<Vec<(i64, String)>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Choice {
        id: i64,
        name: String,
    }
    let q = scope
        .restrict(
            Sql::new(
                "SELECT i.id, i.name FROM institutions i WHERE i.status = 'active' \
                 AND i.licence = 'licensed'",
            ),
            "i.id",
        )
        .push(" ORDER BY i.name");
    let rows: Vec<Choice> = ex.into().fetch_all(q).await?;
    Ok(rows.into_iter().map(|c| (c.id, c.name)).collect())
}
