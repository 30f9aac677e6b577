//! Storage of official documents (电子公文): outgoing documents with their
//! number, recipients and receipts ([`recipients`]), incoming documents
//! ([`incoming`]) and the steps of both ([`steps`]). Every read takes the
//! caller's [`Viewer`] and filters in SQL.

pub mod files;
pub mod incoming;
pub mod recipients;
pub mod steps;

use chrono::{DateTime, NaiveDate, Utc};
use platform::db::{DbError, Ex, Sql, Tx};
use serde::{Deserialize, Serialize};

use crate::domain::documents::{DocNumber, DocStatus, DocType, DocumentId, Issuer, Viewer};

/// An outgoing document (发文) as lists and pages show it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Document {
    pub id: DocumentId,
    pub doc_type: DocType,
    pub issuer: Issuer,
    pub title: String,
    pub body: String,
    /// The drafting section's key.
    pub section: String,
    pub status: DocStatus,
    /// 文号, once signed: 浔教〔2026〕12号.
    pub number: Option<String>,
    pub drafted_by: Option<i64>,
    pub drafter_name: String,
    pub drafted_on: NaiveDate,
    pub signed_on: Option<NaiveDate>,
    /// The day recipients must sign for it by.
    pub receipt_due: Option<NaiveDate>,
    /// Institutions it was issued to, and those that have not signed yet.
    pub receipts: i64,
    pub unsigned: i64,
    pub updated_at: DateTime<Utc>,
}

const SELECT: &str = "SELECT d.id, d.doc_type, d.issuer, d.title, d.body, d.section, d.status, \
     d.prefix || '〔' || CAST(d.year AS TEXT) || '〕' || CAST(d.seq AS TEXT) || '号' AS number, \
     d.drafted_by, d.drafter_name, d.drafted_on, d.signed_on, d.receipt_due, \
     (SELECT COUNT(*) FROM public_document_recipients r WHERE r.document_id = d.id \
       AND r.institution_id IS NOT NULL) AS receipts, \
     (SELECT COUNT(*) FROM public_document_recipients r WHERE r.document_id = d.id \
       AND r.institution_id IS NOT NULL AND r.signed_on IS NULL) AS unsigned, \
     d.updated_at FROM public_documents d WHERE 1=1";

/// The outgoing documents list's filters (all optional).
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct DocumentFilter {
    pub doc_type: Option<DocType>,
    /// The year signed (drafts: drafted).
    pub year: Option<i32>,
    pub status: Option<DocStatus>,
    /// Only those some institution has not signed for.
    pub unsigned: Option<bool>,
}

/// The most rows a list returns.
pub const LIST_LIMIT: i64 = 500;

/// What a viewer sees of outgoing documents, as a condition on `d`.
fn visible(q: Sql, viewer: Viewer) -> Sql {
    const SENT: &str =
        "d.status = 'issued' AND EXISTS (SELECT 1 FROM public_document_recipients v \
         WHERE v.document_id = d.id AND v.";
    match viewer {
        Viewer::All => q,
        Viewer::Section(s) => q
            .push(" AND (d.section = ")
            .bind(s.key())
            .push(&format!(" OR ({SENT}section = "))
            .bind(s.key())
            .push(")))"),
        Viewer::Institution(id) => q
            .push(&format!(" AND {SENT}institution_id = "))
            .bind(id)
            .push(")"),
        Viewer::Nobody => q.push(" AND 1 = 0"),
    }
}

/// Documents that pass `f`, newest first.
pub async fn list<'a>(
    ex: impl Into<Ex<'a>>,
    viewer: Viewer,
    f: &DocumentFilter,
) -> Result<Vec<Document>, DbError> {
    let mut q = visible(Sql::new(SELECT), viewer);
    if let Some(t) = f.doc_type {
        q = q.push(" AND d.doc_type = ").bind(t);
    }
    if let Some(s) = f.status {
        q = q.push(" AND d.status = ").bind(s);
    }
    if let Some(y) = f.year {
        let first = NaiveDate::from_ymd_opt(y, 1, 1);
        let last = NaiveDate::from_ymd_opt(y, 12, 31);
        q = q
            .push(" AND COALESCE(d.signed_on, d.drafted_on) >= ")
            .bind(first)
            .push(" AND COALESCE(d.signed_on, d.drafted_on) <= ")
            .bind(last);
    }
    if f.unsigned == Some(true) {
        q = q.push(
            " AND EXISTS (SELECT 1 FROM public_document_recipients u WHERE u.document_id = d.id \
             AND u.institution_id IS NOT NULL AND u.signed_on IS NULL)",
        );
    }
    let q = q
        .push(" ORDER BY COALESCE(d.signed_on, d.drafted_on) DESC, d.id DESC")
        .limit(LIST_LIMIT, 0);
    ex.into().fetch_all(q).await
}

/// One document, if the viewer sees it.
pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    viewer: Viewer,
    id: DocumentId,
) -> Result<Option<Document>, DbError> {
    let q = visible(Sql::new(SELECT).push(" AND d.id = ").bind(id), viewer);
    ex.into().fetch_optional(q).await
}

/// What a draft says.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftRow<'a> {
    pub doc_type: DocType,
    pub issuer: Issuer,
    pub title: &'a str,
    pub body: &'a str,
}

pub async fn insert(
    tx: &mut Tx,
    d: &DraftRow<'_>,
    section: &str,
    by: Option<i64>,
    by_name: &str,
) -> Result<DocumentId, DbError> {
    let now = platform::time::now();
    let q = Sql::new(
        "INSERT INTO public_documents (doc_type, issuer, title, body, section, status, \
         drafted_by, drafter_name, drafted_on, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
    )
    .arg(d.doc_type)
    .arg(d.issuer)
    .arg(d.title)
    .arg(d.body)
    .arg(section)
    .arg(DocStatus::Draft)
    .arg(by)
    .arg(by_name)
    .arg(platform::time::date_of(now))
    .arg(now);
    Ok(DocumentId(tx.scalar(q).await?))
}

/// Rewrites a draft (0 rows: it is no longer a draft).
pub async fn update_draft(tx: &mut Tx, id: DocumentId, d: &DraftRow<'_>) -> Result<u64, DbError> {
    tx.execute(
        Sql::new("UPDATE public_documents SET doc_type = ")
            .bind(d.doc_type)
            .push(", issuer = ")
            .bind(d.issuer)
            .push(", title = ")
            .bind(d.title)
            .push(", body = ")
            .bind(d.body)
            .push(", updated_at = ")
            .bind(platform::time::now())
            .push(" WHERE status = 'draft' AND id = ")
            .bind(id),
    )
    .await
}

/// Moves a document from `from` to `to` (0 rows: someone moved it first).
pub async fn set_status(
    tx: &mut Tx,
    id: DocumentId,
    from: DocStatus,
    to: DocStatus,
) -> Result<u64, DbError> {
    tx.execute(
        Sql::new("UPDATE public_documents SET status = ")
            .bind(to)
            .push(", updated_at = ")
            .bind(platform::time::now())
            .push(" WHERE id = ")
            .bind(id)
            .push(" AND status = ")
            .bind(from),
    )
    .await
}

/// The prefix of `issuer`'s numbers: the bureau's setting or the default.
pub async fn prefix<'a>(ex: impl Into<Ex<'a>>, issuer: Issuer) -> Result<String, DbError> {
    let row: Option<(String,)> = ex
        .into()
        .fetch_optional(
            Sql::new("SELECT prefix FROM public_document_prefixes WHERE issuer = ").bind(issuer),
        )
        .await?;
    Ok(row.map_or_else(|| issuer.default_prefix().to_string(), |(p,)| p))
}

/// Sets the prefix of `issuer`'s numbers.
pub async fn set_prefix(tx: &mut Tx, issuer: Issuer, prefix: &str) -> Result<(), DbError> {
    tx.execute(Sql::new("DELETE FROM public_document_prefixes WHERE issuer = ").bind(issuer))
        .await?;
    tx.execute(
        Sql::new(
            "INSERT INTO public_document_prefixes (issuer, prefix, updated_at) VALUES ($1, $2, $3)",
        )
        .arg(issuer)
        .arg(prefix)
        .arg(platform::time::now()),
    )
    .await?;
    Ok(())
}

/// The highest sequence given under `prefix` in `year` (None: none yet).
pub async fn highest_seq(tx: &mut Tx, prefix: &str, year: i32) -> Result<Option<u32>, DbError> {
    let n = tx
        .scalar(
            Sql::new("SELECT CAST(COALESCE(MAX(seq), 0) AS BIGINT) FROM public_documents WHERE prefix = ")
                .bind(prefix)
                .push(" AND year = ")
                .bind(year),
        )
        .await?;
    Ok(u32::try_from(n).ok().filter(|n| *n > 0))
}

/// Signs a document awaiting signature: its number, the signer, the day and
/// the receipt deadline. A number given before fails on the unique key.
pub async fn sign(
    tx: &mut Tx,
    id: DocumentId,
    number: &DocNumber,
    by: Option<i64>,
    on: NaiveDate,
    receipt_due: NaiveDate,
) -> Result<u64, DbError> {
    tx.execute(
        Sql::new("UPDATE public_documents SET status = 'issued', prefix = ")
            .bind(number.prefix.as_str())
            .push(", year = ")
            .bind(number.year)
            .push(", seq = ")
            .bind(number.seq)
            .push(", signed_by = ")
            .bind(by)
            .push(", signed_on = ")
            .bind(on)
            .push(", receipt_due = ")
            .bind(receipt_due)
            .push(", updated_at = ")
            .bind(platform::time::now())
            .push(" WHERE status = 'sign' AND id = ")
            .bind(id),
    )
    .await
}

/// Whether a number is taken.
pub async fn number_taken(tx: &mut Tx, n: &DocNumber) -> Result<bool, DbError> {
    let c = tx
        .scalar(
            Sql::new("SELECT COUNT(*) FROM public_documents WHERE prefix = ")
                .bind(n.prefix.as_str())
                .push(" AND year = ")
                .bind(n.year)
                .push(" AND seq = ")
                .bind(n.seq),
        )
        .await?;
    Ok(c > 0)
}

/// (drafted, signed) days of the documents signed in the period.
pub async fn signing_spans<'a>(
    ex: impl Into<Ex<'a>>,
    from: Option<NaiveDate>,
    on: NaiveDate,
) -> Result<Vec<(NaiveDate, NaiveDate)>, DbError> {
    let mut q =
        Sql::new("SELECT drafted_on, signed_on FROM public_documents WHERE signed_on <= ").bind(on);
    if let Some(f) = from {
        q = q.push(" AND signed_on >= ").bind(f);
    }
    ex.into().fetch_all(q).await
}

/// Documents at `status` (of `section`'s drafting, when given) not drafted
/// by `not_by`: what waits for a reviewer or signer.
pub async fn count_waiting<'a>(
    ex: impl Into<Ex<'a>>,
    status: DocStatus,
    section: Option<&str>,
    not_by: Option<i64>,
) -> Result<i64, DbError> {
    let mut q = Sql::new("SELECT COUNT(*) FROM public_documents WHERE status = ").bind(status);
    if let Some(s) = section {
        q = q.push(" AND section = ").bind(s);
    }
    if let Some(u) = not_by {
        q = q
            .push(" AND (drafted_by IS NULL OR drafted_by <> ")
            .bind(u)
            .push(")");
    }
    ex.into().scalar(q).await
}

/// The institutions running, (id, name) by name: the choices of 主送.
pub async fn institution_choices<'a>(ex: impl Into<Ex<'a>>) -> Result<Vec<(i64, String)>, DbError> {
    ex.into()
        .fetch_all(Sql::new(
            "SELECT id, name FROM institutions WHERE status = 'active' ORDER BY name",
        ))
        .await
}
