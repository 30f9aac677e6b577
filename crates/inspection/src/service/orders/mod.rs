//! Rectification orders (整改通知书): issued by the owner area's section
//! with a deadline that has not passed and numbered per owner and year;
//! answered by the institution with evidence; re-checked (复查) and closed
//! (销号) or reopened by the owner's writers.

mod inbox;
mod notice;
mod read;
mod steps;

pub use inbox::overdue_tasks;
pub use notice::notice_docx;
pub use read::{get, list, may_issue, owners_read, OrderList, OrderPage, PER_PAGE};
pub use steps::{recheck, respond, Recheck, Response};

use chrono::{Datelike, NaiveDate};
use platform::audit::{self, Entry};
use platform::auth::Caller;
use platform::db::{Db, Tx};
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

use crate::domain::order::{check_deadline, order_number};
use crate::domain::{CampaignId, OrderId, Owner, Source};
use crate::service::require_owner_bureau;
use crate::store::orders::{self as store, NewOrderRow};

/// An order as a user (or an area's service) submits it.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewOrder {
    pub owner: Owner,
    pub institution_id: i64,
    #[serde(default)]
    pub campaign_id: Option<CampaignId>,
    pub source: Source,
    #[serde(default)]
    pub source_id: Option<i64>,
    pub finding: String,
    #[serde(default)]
    pub requirement: String,
    pub responsible_person: String,
    pub deadline: NaiveDate,
}

/// Issues an order in its own transaction.
pub async fn issue(db: &Db, caller: &Caller, input: &NewOrder) -> Result<OrderId, AppError> {
    let mut tx = db.begin().await?;
    let id = issue_in(&mut tx, caller, input, platform::time::today()).await?;
    audit::commit(tx, &caller.who, entry(input, id)).await?;
    Ok(id)
}

/// Issues an order inside the caller's transaction (an area that opens one
/// from its own record, e.g. a hazard); the caller commits it with
/// [`entry`] or its own audit entry.
pub async fn issue_in(
    tx: &mut Tx,
    caller: &Caller,
    input: &NewOrder,
    today: NaiveDate,
) -> Result<OrderId, AppError> {
    require_owner_bureau(caller, input.owner)?;
    let finding = input.finding.trim();
    if finding.is_empty() {
        return Err(AppError::invalid("finding", "请填写发现的问题"));
    }
    let responsible = input.responsible_person.trim();
    if responsible.is_empty() {
        return Err(AppError::invalid("responsible_person", "请填写整改责任人"));
    }
    check_deadline(input.deadline, today)
        .map_err(|e| AppError::invalid("deadline", e.to_string()))?;
    let n = store::next_number(tx, input.owner, today.year()).await?;
    let number = order_number(input.owner, today.year(), n);
    let row = NewOrderRow {
        owner: input.owner,
        institution_id: input.institution_id,
        campaign_id: input.campaign_id,
        source: input.source,
        source_id: input.source_id,
        number: &number,
        finding,
        requirement: input.requirement.trim(),
        responsible_person: responsible,
        deadline: input.deadline,
        issued_by: caller.who.user_id.map(|u| u.0),
        issued_on: today,
    };
    store::insert(tx, &row).await.map_err(|e| match e {
        platform::db::DbError::ForeignKey(_) => {
            AppError::invalid("institution_id", "整改单位不存在")
        }
        e => e.into(),
    })
}

/// The audit entry of an issued order.
pub fn entry(input: &NewOrder, id: OrderId) -> Entry {
    Entry::new(
        "create",
        "inspection_order",
        format!(
            "下发整改通知（{}）：{}",
            input.source.label(),
            input.finding.trim()
        ),
    )
    .id(id.0)
    .institution(Some(InstitutionId(input.institution_id)))
    .after(input)
}
