//! 主送/抄送 of outgoing documents and the institutions' receipts (签收).

use chrono::{DateTime, NaiveDate, Utc};
use platform::db::{DbError, Ex, Sql, Tx};
use serde::{Deserialize, Serialize};

use crate::domain::documents::DocumentId;

/// A recipient: an institution (who signs for the document) or a section.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Recipient {
    pub copy_only: bool,
    pub institution_id: Option<i64>,
    pub institution_name: Option<String>,
    /// A section's key.
    pub section: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub signed_on: Option<NaiveDate>,
    pub signed_at: Option<DateTime<Utc>>,
    pub signer_name: Option<String>,
}

/// A recipient named on a draft.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize, utoipa::ToSchema)]
pub struct RecipientInput {
    /// 抄送 rather than 主送.
    #[serde(default)]
    pub copy_only: bool,
    pub institution_id: Option<i64>,
    /// A section's key (e.g. `safety`).
    pub section: Option<String>,
}

/// Replaces a draft's recipients.
pub async fn replace(tx: &mut Tx, id: DocumentId, all: &[RecipientInput]) -> Result<(), DbError> {
    tx.execute(Sql::new("DELETE FROM public_document_recipients WHERE document_id = ").bind(id))
        .await?;
    for r in all {
        tx.execute(
            Sql::new(
                "INSERT INTO public_document_recipients (document_id, copy_only, institution_id, section) \
                 VALUES ($1, $2, $3, $4)",
            )
            .arg(id)
            .arg(r.copy_only)
            .arg(r.institution_id)
            .arg(r.section.as_deref()),
        )
        .await?;
    }
    Ok(())
}

/// A document's recipients: 主送 first, institutions by name, then sections.
pub async fn list<'a>(ex: impl Into<Ex<'a>>, id: DocumentId) -> Result<Vec<Recipient>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(
                "SELECT r.copy_only, r.institution_id, i.name AS institution_name, r.section, \
                 r.due_on, r.signed_on, r.signed_at, r.signer_name \
                 FROM public_document_recipients r LEFT JOIN institutions i ON i.id = r.institution_id \
                 WHERE r.document_id = ",
            )
            .bind(id)
            .push(" ORDER BY r.copy_only, r.institution_id IS NULL, i.name, r.section, r.id"),
        )
        .await
}

/// Sets the receipt deadline of the institutions a document is issued to.
pub async fn set_due(tx: &mut Tx, id: DocumentId, due: NaiveDate) -> Result<u64, DbError> {
    tx.execute(
        Sql::new("UPDATE public_document_recipients SET due_on = ")
            .bind(due)
            .push(" WHERE institution_id IS NOT NULL AND document_id = ")
            .bind(id),
    )
    .await
}

/// An institution signs for a document (0 rows: signed before, or not
/// one of its recipients).
pub async fn sign_for(
    tx: &mut Tx,
    id: DocumentId,
    institution: i64,
    by: Option<i64>,
    name: &str,
) -> Result<u64, DbError> {
    let now = platform::time::now();
    tx.execute(
        Sql::new("UPDATE public_document_recipients SET signed_on = ")
            .bind(platform::time::date_of(now))
            .push(", signed_at = ")
            .bind(now)
            .push(", signed_by = ")
            .bind(by)
            .push(", signer_name = ")
            .bind(name)
            .push(" WHERE signed_on IS NULL AND document_id = ")
            .bind(id)
            .push(" AND institution_id = ")
            .bind(institution),
    )
    .await
}

/// Documents issued to `institution` it has not signed for.
pub async fn unsigned_by<'a>(ex: impl Into<Ex<'a>>, institution: i64) -> Result<i64, DbError> {
    ex.into()
        .scalar(
            Sql::new(
                "SELECT COUNT(*) FROM public_document_recipients WHERE signed_on IS NULL \
                 AND due_on IS NOT NULL AND institution_id = ",
            )
            .bind(institution),
        )
        .await
}

/// Issued documents with a receipt past its deadline, of `section`'s
/// drafting (None: all).
pub async fn overdue_documents<'a>(
    ex: impl Into<Ex<'a>>,
    section: Option<&str>,
    today: NaiveDate,
) -> Result<i64, DbError> {
    let mut q = Sql::new(
        "SELECT COUNT(DISTINCT r.document_id) FROM public_document_recipients r \
         JOIN public_documents d ON d.id = r.document_id \
         WHERE r.signed_on IS NULL AND r.due_on < ",
    )
    .bind(today);
    if let Some(s) = section {
        q = q.push(" AND d.section = ").bind(s);
    }
    ex.into().scalar(q).await
}
