//! The history of a document: each step, who took it and their comment.

use chrono::{DateTime, Utc};
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

/// Which kind of document a step belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Outgoing,
    Incoming,
}

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Outgoing => "outgoing",
            Kind::Incoming => "incoming",
        }
    }
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Step {
    /// The step's key (see `Action` and `IncomingAction`).
    pub step: String,
    pub by_name: String,
    pub comment: String,
    pub at: DateTime<Utc>,
}

pub async fn record(
    tx: &mut Tx,
    kind: Kind,
    id: i64,
    step: &str,
    by: Option<i64>,
    by_name: &str,
    comment: &str,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new(
            "INSERT INTO public_document_steps (kind, document_id, step, by_user, by_name, comment, at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .arg(kind.key())
        .arg(id)
        .arg(step)
        .arg(by)
        .arg(by_name)
        .arg(comment)
        .arg(platform::time::now()),
    )
    .await?;
    Ok(())
}

/// A document's steps, oldest first.
pub async fn list<'a>(ex: impl Into<Ex<'a>>, kind: Kind, id: i64) -> Result<Vec<Step>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new("SELECT step, by_name, comment, at FROM public_document_steps WHERE kind = ")
                .bind(kind.key())
                .push(" AND document_id = ")
                .bind(id)
                .push(" ORDER BY at, id"),
        )
        .await
}
