//! Rectification orders (整改通知书) for the institutions a year's results
//! fail (年检不合格, 等级验收未定级), one per result, through the inspection
//! mechanism's orders.

use chrono::NaiveDate;
use inspection::domain::{CampaignId, OrderId, Owner, Source};
use inspection::service::orders::{self, NewOrder};
use inspection::service::require_owner_bureau;
use platform::audit::{self, Entry};
use platform::auth::{Caller, Scope};
use platform::db::Db;
use platform::AppError;
use serde::{Deserialize, Serialize};

use crate::domain::inspections::Kind;
use crate::store::inspections as store;

/// The terms of the orders issued for a year's failing results.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct OrderTerms {
    /// annual or grading
    pub kind: String,
    pub year: i64,
    pub requirement: String,
    pub responsible_person: String,
    pub deadline: NaiveDate,
}

/// Issues an order to every failing institution of the year that has
/// none yet; the ids of the orders issued.
pub async fn order_failing(
    db: &Db,
    caller: &Caller,
    terms: &OrderTerms,
) -> Result<Vec<OrderId>, AppError> {
    require_owner_bureau(caller, Owner::Private)?;
    let kind = Kind::parse(&terms.kind)
        .ok_or_else(|| AppError::invalid("kind", "请选择年检或等级验收"))?;
    let today = platform::time::today();
    let mut tx = db.begin().await?;
    let failing: Vec<_> = store::list(&mut tx, &Scope::All, kind, Some(terms.year))
        .await?
        .into_iter()
        .filter(|r| kind.fails(&r.result) && r.order_id.is_none())
        .collect();
    if failing.is_empty() {
        return Err(AppError::invalid(
            "year",
            format!("{}年{}没有待下发整改通知的单位", terms.year, kind.label()),
        ));
    }
    let mut ids = Vec::with_capacity(failing.len());
    for r in &failing {
        let order = NewOrder {
            owner: Owner::Private,
            institution_id: r.institution_id,
            campaign_id: r.campaign_id.map(CampaignId),
            source: if r.campaign_id.is_some() {
                Source::Campaign
            } else {
                Source::Check
            },
            source_id: Some(r.id),
            finding: format!("{}年{}结果：{}", terms.year, kind.label(), r.result_label),
            requirement: terms.requirement.clone(),
            responsible_person: terms.responsible_person.clone(),
            deadline: terms.deadline,
        };
        let id = orders::issue_in(&mut tx, caller, &order, today).await?;
        store::set_order(&mut tx, r.id, id.0).await?;
        audit::record(&mut tx, &caller.who, orders::entry(&order, id)).await?;
        ids.push(id);
    }
    let entry = Entry::new(
        "update",
        "private_result",
        format!(
            "对{}年{}未通过的 {} 所单位下发整改通知",
            terms.year,
            kind.label(),
            ids.len()
        ),
    )
    .after(terms);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(ids)
}
