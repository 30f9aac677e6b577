//! Evidence files (佐证材料): checked by content and size, then stored with
//! the record they support, inside that record's transaction (its audit
//! entry names the files).

use base64::Engine;
use platform::auth::Caller;
use platform::db::{Db, Tx};
use platform::AppError;
use sha2::{Digest, Sha256};

use crate::domain::evidence::{self, EvidenceType};
use crate::domain::{EvidenceId, Owner};
use crate::store::evidence::{self as store, EvidenceContent, EvidenceFile, NewEvidenceRow};

/// An uploaded file, as the form or API received it.
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The record a file supports.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    pub owner: Owner,
    pub institution_id: Option<i64>,
    /// The kind of record: "self_evaluation", "order_response",
    /// "order_recheck", or an area's own (e.g. "hazard").
    pub kind: &'a str,
    pub id: i64,
    /// The indicator the file is evidence for, or "".
    pub indicator_code: &'a str,
}

/// Checks every file before any is stored, so a bad one refuses them all:
/// the field `file` names the first bad file and why.
pub fn check_all(files: &[Upload]) -> Result<(), AppError> {
    types_of(files).map(|_| ())
}

/// Each file's type, or the first bad file and why.
fn types_of(files: &[Upload]) -> Result<Vec<EvidenceType>, AppError> {
    files
        .iter()
        .map(|f| {
            evidence::check(&f.file_name, &f.bytes)
                .map_err(|e| AppError::invalid("file", format!("{}：{e}", f.file_name)))
        })
        .collect()
}

/// Stores `files` for `subject` inside `tx`, after checking each.
pub async fn attach(
    tx: &mut Tx,
    caller: &Caller,
    subject: Subject<'_>,
    files: &[Upload],
) -> Result<Vec<EvidenceId>, AppError> {
    let types = types_of(files)?;
    let mut ids = Vec::with_capacity(files.len());
    for (f, media_type) in files.iter().zip(types) {
        let row = NewEvidenceRow {
            owner: subject.owner,
            institution_id: subject.institution_id,
            subject: subject.kind,
            subject_id: subject.id,
            indicator_code: subject.indicator_code,
            file_name: f.file_name.trim(),
            media_type,
            size_bytes: f.bytes.len() as i64,
            sha256: hex(&Sha256::digest(&f.bytes)),
            content: base64::engine::general_purpose::STANDARD.encode(&f.bytes),
            uploaded_by: caller.who.user_id.map(|u| u.0),
        };
        ids.push(store::insert(tx, &row).await?);
    }
    Ok(ids)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The files of one record the caller may see.
pub async fn list(
    db: &Db,
    caller: &Caller,
    kind: &str,
    id: i64,
) -> Result<Vec<EvidenceFile>, AppError> {
    Ok(store::list(db, &caller.scope, kind, id).await?)
}

/// One file's name, type and bytes, if the caller may read its owner area
/// and its institution.
pub async fn download(
    db: &Db,
    caller: &Caller,
    id: EvidenceId,
) -> Result<(EvidenceContent, Vec<u8>), AppError> {
    let file = store::get(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    caller.require(file.owner.work_area(), platform::auth::Access::Read)?;
    let content = store::content(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(&content.content)
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok((content, bytes))
}
