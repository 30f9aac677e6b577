//! Storage of incoming documents (收文) and their routing.

use chrono::{DateTime, NaiveDate, Utc};
use platform::db::{DbError, Ex, Sql, Tx};
use serde::{Deserialize, Serialize};

use crate::domain::documents::{IncomingId, IncomingStatus, Urgency, Viewer};

#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Incoming {
    pub id: IncomingId,
    /// 来文单位.
    pub sender: String,
    /// The sender's number (来文字号).
    pub their_number: String,
    pub title: String,
    pub received_on: NaiveDate,
    pub urgency: Urgency,
    pub status: IncomingStatus,
    /// 拟办意见.
    pub proposal: Option<String>,
    /// 领导批示.
    pub instruction: Option<String>,
    /// The handling section's key (承办科室).
    pub section: Option<String>,
    pub deadline: Option<NaiveDate>,
    /// 办理结果.
    pub outcome: Option<String>,
    pub done_on: Option<NaiveDate>,
    pub updated_at: DateTime<Utc>,
}

const SELECT: &str = "SELECT i.id, i.sender, i.their_number, i.title, i.received_on, i.urgency, \
     i.status, i.proposal, i.instruction, i.section, i.deadline, i.outcome, i.done_on, i.updated_at \
     FROM public_incoming i WHERE 1=1";

/// The incoming documents list's filters (all optional).
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct IncomingFilter {
    pub status: Option<IncomingStatus>,
    /// The year received.
    pub year: Option<i32>,
    /// Only those past their deadline and not done.
    pub overdue: Option<bool>,
}

/// What a viewer sees: a section the documents routed to it.
fn visible(q: Sql, viewer: Viewer) -> Sql {
    match viewer {
        Viewer::All => q,
        Viewer::Section(s) => q
            .push(" AND i.status IN ('handling', 'done') AND i.section = ")
            .bind(s.key()),
        Viewer::Institution(_) | Viewer::Nobody => q.push(" AND 1 = 0"),
    }
}

pub async fn list<'a>(
    ex: impl Into<Ex<'a>>,
    viewer: Viewer,
    f: &IncomingFilter,
    today: NaiveDate,
) -> Result<Vec<Incoming>, DbError> {
    let mut q = visible(Sql::new(SELECT), viewer);
    if let Some(s) = f.status {
        q = q.push(" AND i.status = ").bind(s);
    }
    if let Some(y) = f.year {
        q = q
            .push(" AND i.received_on >= ")
            .bind(NaiveDate::from_ymd_opt(y, 1, 1))
            .push(" AND i.received_on <= ")
            .bind(NaiveDate::from_ymd_opt(y, 12, 31));
    }
    if f.overdue == Some(true) {
        q = q
            .push(" AND i.status = 'handling' AND i.deadline < ")
            .bind(today);
    }
    let q = q
        .push(" ORDER BY i.received_on DESC, i.id DESC")
        .limit(super::LIST_LIMIT, 0);
    ex.into().fetch_all(q).await
}

pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    viewer: Viewer,
    id: IncomingId,
) -> Result<Option<Incoming>, DbError> {
    let q = visible(Sql::new(SELECT).push(" AND i.id = ").bind(id), viewer);
    ex.into().fetch_optional(q).await
}

/// An incoming document as registered.
#[derive(Clone, Debug, PartialEq)]
pub struct NewIncoming<'a> {
    pub sender: &'a str,
    pub their_number: &'a str,
    pub title: &'a str,
    pub received_on: NaiveDate,
    pub urgency: Urgency,
}

pub async fn insert(
    tx: &mut Tx,
    d: &NewIncoming<'_>,
    by: Option<i64>,
) -> Result<IncomingId, DbError> {
    let q = Sql::new(
        "INSERT INTO public_incoming (sender, their_number, title, received_on, urgency, status, \
         registered_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
    )
    .arg(d.sender)
    .arg(d.their_number)
    .arg(d.title)
    .arg(d.received_on)
    .arg(d.urgency)
    .arg(IncomingStatus::Registered)
    .arg(by)
    .arg(platform::time::now());
    Ok(IncomingId(tx.scalar(q).await?))
}

/// What a routing step writes: the column and its value, plus the handling
/// section and deadline when the step names them.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteRow<'a> {
    pub from: IncomingStatus,
    pub to: IncomingStatus,
    /// `proposal`, `instruction` or `outcome` (constants only).
    pub column: &'static str,
    pub text: &'a str,
    pub section: Option<&'a str>,
    pub deadline: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
}

/// Takes a routing step (0 rows: someone took it first).
pub async fn route(tx: &mut Tx, id: IncomingId, r: &RouteRow<'_>) -> Result<u64, DbError> {
    let mut q = Sql::new("UPDATE public_incoming SET status = ")
        .bind(r.to)
        .push(&format!(", {} = ", r.column))
        .bind(r.text)
        .push(", updated_at = ")
        .bind(platform::time::now());
    if let Some(s) = r.section {
        q = q.push(", section = ").bind(s);
    }
    if let Some(d) = r.deadline {
        q = q.push(", deadline = ").bind(d);
    }
    if let Some(d) = r.done_on {
        q = q.push(", done_on = ").bind(d);
    }
    tx.execute(
        q.push(" WHERE id = ")
            .bind(id)
            .push(" AND status = ")
            .bind(r.from),
    )
    .await
}

/// Incoming documents at `status` (and handled by `section`, when given).
pub async fn count_at<'a>(
    ex: impl Into<Ex<'a>>,
    status: IncomingStatus,
    section: Option<&str>,
    overdue_on: Option<NaiveDate>,
) -> Result<i64, DbError> {
    let mut q = Sql::new("SELECT COUNT(*) FROM public_incoming WHERE status = ").bind(status);
    if let Some(s) = section {
        q = q.push(" AND section = ").bind(s);
    }
    if let Some(d) = overdue_on {
        q = q.push(" AND deadline < ").bind(d);
    }
    ex.into().scalar(q).await
}

/// (received, done) days of the documents closed in the period.
pub async fn handling_spans<'a>(
    ex: impl Into<Ex<'a>>,
    from: Option<NaiveDate>,
    on: NaiveDate,
) -> Result<Vec<(NaiveDate, NaiveDate)>, DbError> {
    let mut q =
        Sql::new("SELECT received_on, done_on FROM public_incoming WHERE done_on <= ").bind(on);
    if let Some(f) = from {
        q = q.push(" AND done_on >= ").bind(f);
    }
    ex.into().fetch_all(q).await
}
