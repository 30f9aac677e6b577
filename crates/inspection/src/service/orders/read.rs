//! The order list and one order's page (its history and evidence files),
//! each within the owners the caller reads and the caller's scope.

use platform::auth::{Access, Caller, Scope};
use platform::db::Db;
use platform::AppError;
use serde::Serialize;

use crate::domain::{OrderId, Owner};
use crate::store::evidence::{self as files, EvidenceFile};
use crate::store::orders::{self as store, Order, OrderFilter, Step};

/// Orders per page of the list.
pub const PER_PAGE: i64 = 50;

/// One page of the list.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct OrderList {
    pub orders: Vec<Order>,
    pub page: i64,
    pub total: i64,
    /// The ids of the orders on this page that are overdue today.
    pub overdue: Vec<OrderId>,
}

/// An order with its history and files, and what the caller may do next.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct OrderPage {
    pub order: Order,
    pub overdue: bool,
    pub steps: Vec<Step>,
    /// The institution's evidence of its fixes.
    pub response_files: Vec<EvidenceFile>,
    /// The inspectors' evidence of the re-check.
    pub recheck_files: Vec<EvidenceFile>,
    pub may_respond: bool,
    pub may_recheck: bool,
}

/// The owners whose orders the caller reads (one, when `only` is given).
pub fn owners_read(caller: &Caller, only: Option<Owner>) -> Result<Vec<Owner>, AppError> {
    let owners: Vec<Owner> = Owner::ALL
        .iter()
        .copied()
        .filter(|o| only.is_none_or(|only| only == *o))
        .filter(|o| caller.role.may(o.work_area(), Access::Read))
        .collect();
    if owners.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(owners)
}

/// Whether the caller issues and re-checks `owner`'s orders.
pub fn may_issue(caller: &Caller, owner: Owner) -> bool {
    crate::service::require_owner_bureau(caller, owner).is_ok()
}

/// Whether the caller answers orders: an institution's own staff.
pub(super) fn is_institution(caller: &Caller) -> bool {
    matches!(caller.scope, Scope::Institution(_))
}

/// One page of the orders the caller sees that pass `filter`.
pub async fn list(db: &Db, caller: &Caller, filter: &OrderFilter) -> Result<OrderList, AppError> {
    let owners = owners_read(caller, filter.owner)?;
    let today = platform::time::today();
    let total = store::count(db, &caller.scope, &owners, filter, today).await?;
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let page = filter.page.unwrap_or(1).clamp(1, pages);
    let window = (PER_PAGE, (page - 1) * PER_PAGE);
    let orders = store::list(db, &caller.scope, &owners, filter, today, window).await?;
    let overdue = orders
        .iter()
        .filter(|o| o.is_overdue(today))
        .map(|o| o.id)
        .collect();
    Ok(OrderList {
        orders,
        page,
        total,
        overdue,
    })
}

/// One order the caller may read, or 404.
pub(super) async fn readable(db: &Db, caller: &Caller, id: OrderId) -> Result<Order, AppError> {
    let order = store::get(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !caller.role.may(order.owner.work_area(), Access::Read) {
        return Err(AppError::NotFound);
    }
    Ok(order)
}

/// One order with its history and files.
pub async fn get(db: &Db, caller: &Caller, id: OrderId) -> Result<OrderPage, AppError> {
    let order = readable(db, caller, id).await?;
    let steps = store::steps(db, id).await?;
    let response_files = files::list(db, &caller.scope, "order_response", id.0).await?;
    let recheck_files = files::list(db, &caller.scope, "order_recheck", id.0).await?;
    let status = order.status;
    Ok(OrderPage {
        overdue: order.is_overdue(platform::time::today()),
        may_respond: is_institution(caller) && status.awaits_institution(),
        may_recheck: may_issue(caller, order.owner)
            && status == crate::domain::OrderStatus::Responded,
        order,
        steps,
        response_files,
        recheck_files,
    })
}
