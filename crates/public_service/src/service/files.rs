//! Attachments (附件) of the area's records: each checked by its content
//! (`inspection::domain::evidence::check`) before any is stored, stored
//! base64 inside the record's transaction.

use base64::Engine;
use inspection::domain::evidence::{self, EvidenceType};
use platform::db::{Db, Tx};
use platform::AppError;
use sha2::{Digest, Sha256};

pub use inspection::service::evidence::Upload;

use crate::store::files::{self as store, FileId, NewFile, PublicFile};

/// Most files one record takes.
pub const MAX_FILES: usize = 10;

/// Each file's type, or the first bad file and why (field `file`).
pub fn check_all(files: &[Upload]) -> Result<Vec<EvidenceType>, AppError> {
    if files.len() > MAX_FILES {
        return Err(AppError::invalid("file", "附件最多 10 个"));
    }
    files
        .iter()
        .map(|f| {
            evidence::check(&f.file_name, &f.bytes)
                .map_err(|e| AppError::invalid("file", format!("{}：{e}", f.file_name)))
        })
        .collect()
}

/// Stores `files` for a record inside `tx`, after checking every one.
pub async fn attach(
    tx: &mut Tx,
    subject: &str,
    subject_id: i64,
    files: &[Upload],
    by: Option<i64>,
) -> Result<Vec<FileId>, AppError> {
    let types = check_all(files)?;
    let mut ids = Vec::with_capacity(files.len());
    for (f, media_type) in files.iter().zip(types) {
        let row = NewFile {
            subject,
            subject_id,
            file_name: f.file_name.trim(),
            media_type,
            size_bytes: f.bytes.len() as i64,
            sha256: format!("{:x}", Sha256::digest(&f.bytes)),
            content: base64::engine::general_purpose::STANDARD.encode(&f.bytes),
            uploaded_by: by,
        };
        ids.push(store::insert(tx, &row).await?);
    }
    Ok(ids)
}

/// The files of a record the caller was found to read.
pub async fn list(db: &Db, subject: &str, subject_id: i64) -> Result<Vec<PublicFile>, AppError> {
    Ok(store::list(db, subject, subject_id).await?)
}

/// One file's name, type and bytes, of a record the caller was found to read.
pub async fn download(
    db: &Db,
    subject: &str,
    subject_id: i64,
    id: FileId,
) -> Result<(String, EvidenceType, Vec<u8>), AppError> {
    let f = store::content(db, subject, subject_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(&f.content)
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok((f.file_name, f.media_type, bytes))
}
