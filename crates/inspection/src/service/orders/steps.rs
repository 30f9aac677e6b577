//! The steps after issuing: the institution's response with evidence
//! (整改情况), the re-check (复查) that closes the order (销号) with its own
//! evidence or reopens it with a new deadline. Every step goes through
//! `OrderStatus::after`, is made on top of the version the user saw, and
//! changes nothing when refused.

use chrono::NaiveDate;
use platform::audit::{self, Entry};
use platform::auth::Caller;
use platform::db::{Db, Updated};
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::read::{is_institution, readable};
use crate::domain::order::{OrderError, StepKind};
use crate::domain::{OrderEvent, OrderId, OrderStatus};
use crate::service::evidence::{self, Subject, Upload};
use crate::service::require_owner_bureau;
use crate::store::orders::{self as store, Order, StatusChange};

/// The institution's report of what it fixed.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct Response {
    /// The order's version the institution saw.
    pub version: i64,
    #[serde(default)]
    pub note: String,
}

/// The re-check's outcome: `close` (passed, 销号) or `reopen` (failed,
/// with `new_deadline`).
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct Recheck {
    pub version: i64,
    #[schema(value_type = String)]
    pub decision: StepKind,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub new_deadline: Option<NaiveDate>,
}

/// The institution answers its own order with evidence files.
pub async fn respond(
    db: &Db,
    caller: &Caller,
    id: OrderId,
    input: &Response,
    files: &[Upload],
) -> Result<Order, AppError> {
    let order = readable(db, caller, id).await?;
    if !is_institution(caller) {
        return Err(AppError::Forbidden);
    }
    let event = OrderEvent::Respond {
        evidence: files.len(),
    };
    step(db, caller, &order, input.version, event, &input.note, files).await
}

/// The owner's writers re-check a responded order.
pub async fn recheck(
    db: &Db,
    caller: &Caller,
    id: OrderId,
    input: &Recheck,
    files: &[Upload],
) -> Result<Order, AppError> {
    let order = readable(db, caller, id).await?;
    require_owner_bureau(caller, order.owner)?;
    let event = match input.decision {
        StepKind::Close => OrderEvent::Close {
            evidence: files.len(),
        },
        StepKind::Reopen => OrderEvent::Reopen {
            deadline: input
                .new_deadline
                .ok_or_else(|| AppError::invalid("new_deadline", "请填写新的整改期限"))?,
        },
        StepKind::Respond => return Err(AppError::invalid("decision", "请选择复查结论")),
    };
    step(db, caller, &order, input.version, event, &input.note, files).await
}

/// The field a refused step points at.
fn refusal(e: OrderError) -> AppError {
    let field = match e {
        OrderError::DeadlineInPast { .. } => "new_deadline",
        OrderError::ResponseWithoutEvidence | OrderError::CloseWithoutEvidence => "file",
        _ => "status",
    };
    AppError::invalid(field, e.to_string())
}

async fn step(
    db: &Db,
    caller: &Caller,
    order: &Order,
    version: i64,
    event: OrderEvent,
    note: &str,
    files: &[Upload],
) -> Result<Order, AppError> {
    let today = platform::time::today();
    if version != order.version {
        return Err(AppError::stale("该整改通知", version, order.version));
    }
    let status = order.status.after(event, today).map_err(refusal)?;
    evidence::check_all(files)?;
    let mut after = order.clone();
    after.status = status;
    after.version += 1;
    let mut new_deadline = None;
    match event {
        OrderEvent::Reopen { deadline } => {
            after.deadline = deadline;
            new_deadline = Some(deadline);
        }
        OrderEvent::Close { .. } => after.closed_on = Some(today),
        OrderEvent::Respond { .. } => {}
    }
    let change = StatusChange {
        status,
        deadline: after.deadline,
        closed_on: after.closed_on,
    };
    let mut tx = db.begin().await?;
    if let Updated::Stale = store::set_status(&mut tx, order.id, version, &change).await? {
        return Err(AppError::stale("该整改通知", version, version + 1));
    }
    let by = caller.who.user_id.map(|u| u.0);
    let note = note.trim();
    store::insert_step(&mut tx, order.id, event.kind(), note, new_deadline, by).await?;
    let kind = match event {
        OrderEvent::Respond { .. } => "order_response",
        _ => "order_recheck",
    };
    let subject = Subject {
        owner: order.owner,
        institution_id: Some(order.institution_id),
        kind,
        id: order.id.0,
        indicator_code: "",
    };
    evidence::attach(&mut tx, caller, subject, files).await?;
    let names: Vec<&str> = files.iter().map(|f| f.file_name.trim()).collect();
    let entry = Entry::new(
        "update",
        "inspection_order",
        step_summary(order, event, status, &names),
    )
    .id(order.id.0)
    .institution(Some(InstitutionId(order.institution_id)))
    .before(order)
    .after(&after);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(after)
}

fn step_summary(order: &Order, event: OrderEvent, status: OrderStatus, files: &[&str]) -> String {
    let mut s = format!(
        "{} {}：{}（{}）",
        order.number,
        event.kind().label(),
        order.institution_name,
        status.label()
    );
    if !files.is_empty() {
        s.push_str(&format!("，附 {}", files.join("、")));
    }
    s
}
