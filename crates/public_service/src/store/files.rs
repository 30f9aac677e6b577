//! Storage of the area's attachments (附件, `public_files`): a file of any
//! part, named by its subject ('notice', …) and the subject's id. Callers
//! check that the subject is theirs to read before listing or fetching.

use inspection::domain::evidence::EvidenceType;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

platform::typed_id!(
    /// An attachment (附件).
    FileId
);

/// An attachment as lists show it (without its content).
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct PublicFile {
    pub id: FileId,
    pub subject: String,
    pub subject_id: i64,
    pub file_name: String,
    pub media_type: EvidenceType,
    pub size_bytes: i64,
}

/// An attachment with its content, base64.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct FileContent {
    pub file_name: String,
    pub media_type: EvidenceType,
    pub content: String,
}

/// A checked file to store.
pub struct NewFile<'a> {
    pub subject: &'a str,
    pub subject_id: i64,
    pub file_name: &'a str,
    pub media_type: EvidenceType,
    pub size_bytes: i64,
    pub sha256: String,
    pub content: String,
    pub uploaded_by: Option<i64>,
}

pub async fn insert(tx: &mut Tx, f: &NewFile<'_>) -> Result<FileId, DbError> {
    let q = Sql::new(
        "INSERT INTO public_files (subject, subject_id, file_name, media_type, size_bytes, sha256, \
         content, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .arg(f.subject)
    .arg(f.subject_id)
    .arg(f.file_name)
    .arg(f.media_type)
    .arg(f.size_bytes)
    .arg(f.sha256.as_str())
    .arg(f.content.as_str())
    .arg(f.uploaded_by)
    .arg(platform::time::now());
    Ok(FileId(tx.scalar(q).await?))
}

/// The files of one record, in the order they were uploaded.
pub async fn list<'a>(
    ex: impl Into<Ex<'a>>,
    subject: &str,
    subject_id: i64,
) -> Result<Vec<PublicFile>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(
                "SELECT id, subject, subject_id, file_name, media_type, size_bytes FROM public_files \
                 WHERE subject = ",
            )
            .bind(subject)
            .push(" AND subject_id = ")
            .bind(subject_id)
            .push(" ORDER BY id"),
        )
        .await
}

/// A file of one record with its content.
pub async fn content<'a>(
    ex: impl Into<Ex<'a>>,
    subject: &str,
    subject_id: i64,
    id: FileId,
) -> Result<Option<FileContent>, DbError> {
    ex.into()
        .fetch_optional(
            Sql::new("SELECT file_name, media_type, content FROM public_files WHERE id = ")
                .bind(id)
                .push(" AND subject = ")
                .bind(subject)
                .push(" AND subject_id = ")
                .bind(subject_id),
        )
        .await
}
