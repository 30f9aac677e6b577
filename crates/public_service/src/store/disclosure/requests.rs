//! Storage of the bureau's disclosure catalogue (主动公开目录) and of
//! requests for disclosure (依申请公开). Both belong to the bureau, not to
//! an institution: the service admits bureau accounts only.

use chrono::{DateTime, NaiveDate, Utc};
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::disclosure::{CatalogueDraft, CatalogueId, Outcome, RequestDraft, RequestId};

/// An entry of the catalogue.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct CatalogueEntry {
    pub id: CatalogueId,
    pub category: String,
    pub title: String,
    pub published_on: NaiveDate,
    pub body: String,
}

pub async fn insert_entry(
    tx: &mut Tx,
    d: &CatalogueDraft,
    by: Option<i64>,
) -> Result<CatalogueId, DbError> {
    let q = Sql::new(
        "INSERT INTO public_catalogue (category, title, published_on, body, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .arg(d.category.as_str())
    .arg(d.title.as_str())
    .arg(d.published_on)
    .arg(d.body.as_str())
    .arg(by)
    .arg(platform::time::now());
    Ok(CatalogueId(tx.scalar(q).await?))
}

/// The catalogue, by category, newest first.
pub async fn catalogue<'a>(ex: impl Into<Ex<'a>>) -> Result<Vec<CatalogueEntry>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(
                "SELECT id, category, title, published_on, body FROM public_catalogue \
                 ORDER BY category, published_on DESC, id DESC",
            )
            .limit(1_000, 0),
        )
        .await
}

/// A request for disclosure.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Request {
    pub id: RequestId,
    pub requester: String,
    pub contact: String,
    pub content: String,
    pub received_on: NaiveDate,
    pub due_on: NaiveDate,
    pub extended: bool,
    pub outcome: Option<Outcome>,
    pub reason: String,
    pub replied_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
}

pub async fn insert_request(
    tx: &mut Tx,
    d: &RequestDraft,
    by: Option<i64>,
) -> Result<RequestId, DbError> {
    let q = Sql::new(
        "INSERT INTO public_disclosure_requests (requester, contact, content, received_on, due_on, \
         registered_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .arg(d.requester.as_str())
    .arg(d.contact.as_str())
    .arg(d.content.as_str())
    .arg(d.received_on)
    .arg(d.due_on)
    .arg(by)
    .arg(platform::time::now());
    Ok(RequestId(tx.scalar(q).await?))
}

const REQUEST: &str = "SELECT id, requester, contact, content, received_on, due_on, extended, \
     outcome, reason, replied_on, created_at FROM public_disclosure_requests WHERE 1=1";

/// Which requests a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    All,
    Open,
    /// Unanswered past their deadline on the day.
    OverdueOn(NaiveDate),
}

fn which(q: Sql, w: Which) -> Sql {
    match w {
        Which::All => q,
        Which::Open => q.push(" AND replied_on IS NULL"),
        Which::OverdueOn(day) => q.push(" AND replied_on IS NULL AND due_on < ").bind(day),
    }
}

pub async fn requests<'a>(ex: impl Into<Ex<'a>>, w: Which) -> Result<Vec<Request>, DbError> {
    let q = which(Sql::new(REQUEST), w)
        .push(" ORDER BY CASE WHEN replied_on IS NULL THEN 0 ELSE 1 END, due_on, id")
        .limit(500, 0);
    ex.into().fetch_all(q).await
}

pub async fn count<'a>(ex: impl Into<Ex<'a>>, w: Which) -> Result<i64, DbError> {
    let q = which(
        Sql::new("SELECT COUNT(*) FROM public_disclosure_requests WHERE 1=1"),
        w,
    );
    ex.into().scalar(q).await
}

pub async fn get<'a>(ex: impl Into<Ex<'a>>, id: RequestId) -> Result<Option<Request>, DbError> {
    ex.into()
        .fetch_optional(Sql::new(REQUEST).push(" AND id = ").bind(id))
        .await
}

/// Records the reply of an open request; 0 when it was already answered.
pub async fn reply(
    tx: &mut Tx,
    id: RequestId,
    outcome: Outcome,
    reason: &str,
    on: NaiveDate,
) -> Result<u64, DbError> {
    tx.execute(
        Sql::new("UPDATE public_disclosure_requests SET outcome = ")
            .bind(outcome)
            .push(", reason = ")
            .bind(reason)
            .push(", replied_on = ")
            .bind(on)
            .push(" WHERE replied_on IS NULL AND id = ")
            .bind(id),
    )
    .await
}

/// Moves the deadline of an open request not yet extended; 0 otherwise.
pub async fn extend(tx: &mut Tx, id: RequestId, due_on: NaiveDate) -> Result<u64, DbError> {
    tx.execute(
        Sql::new("UPDATE public_disclosure_requests SET extended = ")
            .bind(true)
            .push(", due_on = ")
            .bind(due_on)
            .push(" WHERE replied_on IS NULL AND extended = ")
            .bind(false)
            .push(" AND id = ")
            .bind(id),
    )
    .await
}
