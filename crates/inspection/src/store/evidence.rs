//! Storage of evidence files (佐证材料). Reads take the caller's `Scope`:
//! an institution sees the files of its own records only.

use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::evidence::EvidenceType;
use crate::domain::{EvidenceId, Owner};

/// A file as lists show it (without its content).
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct EvidenceFile {
    pub id: EvidenceId,
    pub owner: Owner,
    pub institution_id: Option<i64>,
    pub subject: String,
    pub subject_id: i64,
    pub indicator_code: String,
    pub file_name: String,
    pub media_type: EvidenceType,
    pub size_bytes: i64,
    pub sha256: String,
}

/// A file with its content, base64.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct EvidenceContent {
    pub file_name: String,
    pub media_type: EvidenceType,
    pub content: String,
}

/// A checked file to store.
pub struct NewEvidenceRow<'a> {
    pub owner: Owner,
    pub institution_id: Option<i64>,
    pub subject: &'a str,
    pub subject_id: i64,
    pub indicator_code: &'a str,
    pub file_name: &'a str,
    pub media_type: EvidenceType,
    pub size_bytes: i64,
    pub sha256: String,
    pub content: String,
    pub uploaded_by: Option<i64>,
}

pub async fn insert(tx: &mut Tx, e: &NewEvidenceRow<'_>) -> Result<EvidenceId, DbError> {
    let q = Sql::new(
        "INSERT INTO inspection_evidence (owner, institution_id, subject, subject_id, \
         indicator_code, file_name, media_type, size_bytes, sha256, content, uploaded_by, \
         uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .arg(e.owner)
    .arg(e.institution_id)
    .arg(e.subject)
    .arg(e.subject_id)
    .arg(e.indicator_code)
    .arg(e.file_name)
    .arg(e.media_type)
    .arg(e.size_bytes)
    .arg(e.sha256.as_str())
    .arg(e.content.as_str())
    .arg(e.uploaded_by)
    .arg(platform::time::now());
    Ok(EvidenceId(tx.scalar(q).await?))
}

const COLUMNS: &str = "SELECT id, owner, institution_id, subject, subject_id, indicator_code, \
     file_name, media_type, size_bytes, sha256 FROM inspection_evidence WHERE 1=1";

/// The files of one record, in the order they were uploaded.
pub async fn list<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    subject: &str,
    subject_id: i64,
) -> Result<Vec<EvidenceFile>, DbError> {
    let q = Sql::new(COLUMNS)
        .push(" AND subject = ")
        .bind(subject)
        .push(" AND subject_id = ")
        .bind(subject_id);
    let q = scope.restrict(q, "institution_id").push(" ORDER BY id");
    ex.into().fetch_all(q).await
}

/// How many files one record has.
pub async fn count<'a>(
    ex: impl Into<Ex<'a>>,
    subject: &str,
    subject_id: i64,
) -> Result<i64, DbError> {
    let q = Sql::new("SELECT COUNT(*) FROM inspection_evidence WHERE subject = ")
        .bind(subject)
        .push(" AND subject_id = ")
        .bind(subject_id);
    ex.into().scalar(q).await
}

/// One file's row, if the scope sees it.
pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: EvidenceId,
) -> Result<Option<EvidenceFile>, DbError> {
    let q = scope.restrict(
        Sql::new(COLUMNS).push(" AND id = ").bind(id),
        "institution_id",
    );
    ex.into().fetch_optional(q).await
}

/// One file's content, if the scope sees it.
pub async fn content<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: EvidenceId,
) -> Result<Option<EvidenceContent>, DbError> {
    let q = Sql::new("SELECT file_name, media_type, content FROM inspection_evidence WHERE id = ")
        .bind(id);
    ex.into()
        .fetch_optional(scope.restrict(q, "institution_id"))
        .await
}
