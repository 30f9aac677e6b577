//! A document's attachments in `public_files` (subject `document`).

use chrono::{DateTime, Utc};
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct FileRow {
    pub id: i64,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub uploaded_at: DateTime<Utc>,
}

/// A checked file to store.
pub struct NewFile<'a> {
    pub file_name: &'a str,
    pub media_type: &'a str,
    pub size_bytes: i64,
    pub sha256: &'a str,
    pub content: &'a str,
}

pub async fn insert(
    tx: &mut Tx,
    subject: &str,
    subject_id: i64,
    f: &NewFile<'_>,
    by: Option<i64>,
) -> Result<i64, DbError> {
    tx.scalar(
        Sql::new(
            "INSERT INTO public_files (subject, subject_id, file_name, media_type, size_bytes, \
             sha256, content, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             RETURNING id",
        )
        .arg(subject)
        .arg(subject_id)
        .arg(f.file_name)
        .arg(f.media_type)
        .arg(f.size_bytes)
        .arg(f.sha256)
        .arg(f.content)
        .arg(by)
        .arg(platform::time::now()),
    )
    .await
}

pub async fn list<'a>(
    ex: impl Into<Ex<'a>>,
    subject: &str,
    subject_id: i64,
) -> Result<Vec<FileRow>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(
                "SELECT id, file_name, media_type, size_bytes, uploaded_at FROM public_files \
                 WHERE subject = ",
            )
            .bind(subject)
            .push(" AND subject_id = ")
            .bind(subject_id)
            .push(" ORDER BY id"),
        )
        .await
}

/// A file's name, type and base64 content, if it belongs to the subject.
pub async fn content<'a>(
    ex: impl Into<Ex<'a>>,
    subject: &str,
    subject_id: i64,
    id: i64,
) -> Result<Option<(String, String, String)>, DbError> {
    ex.into()
        .fetch_optional(
            Sql::new("SELECT file_name, media_type, content FROM public_files WHERE subject = ")
                .bind(subject)
                .push(" AND subject_id = ")
                .bind(subject_id)
                .push(" AND id = ")
                .bind(id),
        )
        .await
}
