//! The order list (整改通知书列表) with its filters: owner, status, overdue
//! only, institution, township, campaign.

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql};
use serde::{Deserialize, Serialize};

use super::{Order, SELECT};
use crate::domain::{CampaignId, OrderStatus, Owner};

/// Filters of the list; empty means all (of the owners the caller reads).
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct OrderFilter {
    #[serde(deserialize_with = "blank_or")]
    #[param(value_type = Option<String>)]
    pub owner: Option<Owner>,
    #[serde(deserialize_with = "blank_or")]
    #[param(value_type = Option<String>)]
    pub status: Option<OrderStatus>,
    /// Only orders past their deadline still waiting on the institution
    /// (`1` or `true`).
    #[serde(deserialize_with = "flag")]
    pub overdue: bool,
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub institution_id: Option<i64>,
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub township_id: Option<i64>,
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    #[param(value_type = Option<i64>)]
    pub campaign_id: Option<i64>,
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub page: Option<i64>,
}

/// A code from a query string, where a blank value (a select left on
/// "全部") means no filter.
fn blank_or<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: platform::text_enum::TextEnum,
{
    let v: Option<String> = Option::deserialize(d)?;
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => T::parse(v)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("“{v}”不是有效的选项"))),
    }
}

/// A checkbox or `true`/`1` in a query string.
fn flag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    let v: Option<String> = Option::deserialize(d)?;
    Ok(matches!(v.as_deref(), Some("1" | "true" | "on")))
}

impl OrderFilter {
    /// ` AND …` for each filter set, on orders aliased `o`, among the
    /// orders of `owners` (no join: the count reads the indexes alone).
    fn apply(&self, mut q: Sql, owners: &[Owner], today: NaiveDate) -> Sql {
        q = q
            .push(" AND o.owner IN (")
            .bind_list(owners.iter().copied())
            .push(")");
        if let Some(s) = self.status {
            q = q.push(" AND o.status = ").bind(s);
        }
        if self.overdue {
            q = q
                .push(" AND o.status IN ('issued', 'reopened') AND o.deadline < ")
                .bind(today);
        }
        if let Some(id) = self.institution_id {
            q = q.push(" AND o.institution_id = ").bind(id);
        }
        if let Some(t) = self.township_id {
            q = q
                .push(" AND o.institution_id IN (SELECT id FROM institutions WHERE township_id = ")
                .bind(t)
                .push(")");
        }
        if let Some(c) = self.campaign_id {
            q = q.push(" AND o.campaign_id = ").bind(CampaignId(c));
        }
        q
    }
}

/// One page of the orders in scope that pass `filter`, the most urgent
/// (earliest deadline) first.
pub async fn list<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    owners: &[Owner],
    filter: &OrderFilter,
    today: NaiveDate,
    (limit, offset): (i64, i64),
) -> Result<Vec<Order>, DbError> {
    let q = filter.apply(
        scope.restrict(Sql::new(SELECT), "o.institution_id"),
        owners,
        today,
    );
    ex.into()
        .fetch_all(q.push(" ORDER BY o.deadline, o.id").limit(limit, offset))
        .await
}

/// How many orders in scope pass `filter`.
pub async fn count<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    owners: &[Owner],
    filter: &OrderFilter,
    today: NaiveDate,
) -> Result<i64, DbError> {
    let q = Sql::new("SELECT COUNT(*) FROM inspection_orders o WHERE 1=1");
    let q = filter.apply(scope.restrict(q, "o.institution_id"), owners, today);
    ex.into().scalar(q).await
}
