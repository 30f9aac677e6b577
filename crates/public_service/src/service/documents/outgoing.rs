//! Outgoing documents (发文): a draft with its recipients and attachments,
//! the approval steps, 签发 with its number, and the institutions' receipts.

use base64::Engine as _;
use inspection::service::evidence::Upload;
use platform::audit::{self, Entry};
use platform::auth::{Caller, Section};
use platform::db::{Db, DbError, Tx};
use platform::error::FieldError;
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{name_of, refused, visible, who, FILE_SUBJECT};
use crate::domain::documents::{
    next_status, Action, DocStatus, DocType, DocumentId, Issuer, Viewer,
};
use crate::store::documents::files::{self, NewFile};
use crate::store::documents::recipients::{self, RecipientInput};
use crate::store::documents::steps::{self, Kind};
use crate::store::documents::{self as store, DraftRow};

/// The longest title and body accepted.
pub const MAX_TITLE: usize = 200;
pub const MAX_BODY: usize = 50_000;
/// The most attachments a document keeps.
pub const MAX_FILES: usize = 10;

/// A draft as typed.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DraftInput {
    pub doc_type: Option<DocType>,
    /// 发文机关 (default 教育局).
    pub issuer: Option<Issuer>,
    pub title: String,
    pub body: String,
    pub recipients: Vec<RecipientInput>,
}

/// Every field of a draft checked at once.
fn check(d: &DraftInput) -> Result<(DraftRow<'_>, Vec<RecipientInput>), AppError> {
    let mut errors = Vec::new();
    let mut bad = |f: &str, m: &str| errors.push(FieldError::new(f, m));
    if d.doc_type.is_none() {
        bad("doc_type", "请选择文种");
    }
    let title = d.title.trim();
    if title.is_empty() || title.chars().count() > MAX_TITLE {
        bad("title", "请填写标题（不超过 200 字）");
    }
    let body = d.body.trim();
    if body.is_empty() || body.chars().count() > MAX_BODY {
        bad("body", "请填写正文（不超过 50000 字）");
    }
    let mut seen = Vec::new();
    for r in &d.recipients {
        let section = r
            .section
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let key = match (r.institution_id, section) {
            (Some(i), None) => format!("i{i}"),
            (None, Some(s)) if Section::from_key(s).is_some() => format!("s{s}"),
            _ => {
                bad("recipients", "每个收文单位应为一所学校或一个科室");
                continue;
            }
        };
        if seen.iter().any(|(k, _)| *k == key) {
            bad("recipients", "收文单位重复");
            continue;
        }
        seen.push((
            key,
            RecipientInput {
                copy_only: r.copy_only,
                institution_id: r.institution_id,
                section: section.map(str::to_string),
            },
        ));
    }
    if !seen.iter().any(|(_, r)| !r.copy_only) {
        bad("recipients", "请选择主送单位");
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let row = DraftRow {
        doc_type: d.doc_type.unwrap_or(DocType::Notice),
        issuer: d.issuer.unwrap_or(Issuer::Bureau),
        title,
        body,
    };
    Ok((row, seen.into_iter().map(|(_, r)| r).collect()))
}

fn no_such_institution(e: DbError) -> AppError {
    match e {
        DbError::ForeignKey(_) => AppError::invalid("recipients", "所选学校不存在"),
        e => e.into(),
    }
}

fn files_checked(files: &[Upload], had: usize) -> Result<(), AppError> {
    if had + files.len() > MAX_FILES {
        return Err(AppError::invalid(
            "file",
            format!("每份公文最多 {MAX_FILES} 个附件"),
        ));
    }
    inspection::service::evidence::check_all(files)
}

async fn attach(
    tx: &mut Tx,
    caller: &Caller,
    id: DocumentId,
    all: &[Upload],
) -> Result<(), AppError> {
    for f in all {
        let kind = inspection::domain::evidence::check(&f.file_name, &f.bytes)
            .map_err(|e| AppError::invalid("file", format!("{}：{e}", f.file_name)))?;
        let sha: String = Sha256::digest(&f.bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let content = base64::engine::general_purpose::STANDARD.encode(&f.bytes);
        let row = NewFile {
            file_name: f.file_name.trim(),
            media_type: kind.as_str(),
            size_bytes: f.bytes.len() as i64,
            sha256: &sha,
            content: &content,
        };
        files::insert(
            tx,
            FILE_SUBJECT,
            id.0,
            &row,
            caller.who.user_id.map(|u| u.0),
        )
        .await?;
    }
    Ok(())
}

/// Drafts a document (拟稿) for the caller's section, with its attachments.
pub async fn draft(
    db: &Db,
    caller: &Caller,
    input: &DraftInput,
    uploads: &[Upload],
) -> Result<DocumentId, AppError> {
    let section = Viewer::drafting_section(caller.role).ok_or(AppError::Forbidden)?;
    let (row, recipients) = check(input)?;
    files_checked(uploads, 0)?;
    let mut tx = db.begin().await?;
    let name = name_of(&mut tx, caller).await?;
    let by = caller.who.user_id.map(|u| u.0);
    let id = store::insert(&mut tx, &row, section.key(), by, &name).await?;
    recipients::replace(&mut tx, id, &recipients)
        .await
        .map_err(no_such_institution)?;
    attach(&mut tx, caller, id, uploads).await?;
    steps::record(&mut tx, Kind::Outgoing, id.0, "draft", by, &name, "").await?;
    let summary = format!("拟稿：{}（{}）", row.title, row.doc_type.label());
    audit::commit(
        tx,
        &caller.who,
        Entry::new("create", "public_document", summary)
            .id(id.0)
            .after(input),
    )
    .await?;
    Ok(id)
}

/// Rewrites a draft (its section's staff, while it is a draft).
pub async fn revise(
    db: &Db,
    caller: &Caller,
    id: DocumentId,
    input: &DraftInput,
) -> Result<(), AppError> {
    let doc = visible(db, caller, id).await?;
    if Viewer::drafting_section(caller.role).map(Section::key) != Some(doc.section.as_str()) {
        return Err(AppError::Forbidden);
    }
    let (row, recipients) = check(input)?;
    let mut tx = db.begin().await?;
    if store::update_draft(&mut tx, id, &row).await? != 1 {
        return Err(AppError::Conflict("该公文已送核稿，不能修改".into()));
    }
    recipients::replace(&mut tx, id, &recipients)
        .await
        .map_err(no_such_institution)?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "public_document",
            format!("修改公文稿：{}", row.title),
        )
        .id(id.0)
        .after(input),
    )
    .await
}

/// Adds attachments to a draft.
pub async fn add_files(
    db: &Db,
    caller: &Caller,
    id: DocumentId,
    uploads: &[Upload],
) -> Result<(), AppError> {
    let doc = visible(db, caller, id).await?;
    if doc.status != DocStatus::Draft
        || Viewer::drafting_section(caller.role).map(Section::key) != Some(doc.section.as_str())
    {
        return Err(AppError::Conflict("只有拟稿阶段的公文可以添加附件".into()));
    }
    if uploads.is_empty() {
        return Err(AppError::invalid("file", "请选择附件"));
    }
    let had = files::list(db, FILE_SUBJECT, id.0).await?.len();
    files_checked(uploads, had)?;
    let mut tx = db.begin().await?;
    attach(&mut tx, caller, id, uploads).await?;
    let summary = format!("公文附件：{}（{} 个）", doc.title, uploads.len());
    audit::commit(
        tx,
        &caller.who,
        Entry::new("update", "public_document", summary).id(id.0),
    )
    .await
}

/// A step with its comment (退回修改 needs one).
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct StepInput {
    pub comment: String,
    /// 签发 only: a number typed by the signer (empty: the next one).
    pub number: Option<String>,
}

/// 送核稿, 核稿通过 or 退回修改.
pub async fn act(
    db: &Db,
    caller: &Caller,
    id: DocumentId,
    action: Action,
    input: &StepInput,
) -> Result<DocStatus, AppError> {
    if action == Action::Sign {
        return super::signing::sign(db, caller, id, input)
            .await
            .map(|_| DocStatus::Issued);
    }
    let doc = visible(db, caller, id).await?;
    let section = Section::from_key(&doc.section).unwrap_or(Section::Office);
    let to =
        next_status(doc.status, action, who(caller), doc.drafted_by, section).map_err(refused)?;
    let comment = input.comment.trim();
    if action == Action::Return && comment.is_empty() {
        return Err(AppError::invalid("comment", "退回修改请写明意见"));
    }
    let mut tx = db.begin().await?;
    if store::set_status(&mut tx, id, doc.status, to).await? != 1 {
        return Err(AppError::Conflict(
            "该公文已被他人办理，请刷新后查看".into(),
        ));
    }
    let name = name_of(&mut tx, caller).await?;
    let by = caller.who.user_id.map(|u| u.0);
    steps::record(
        &mut tx,
        Kind::Outgoing,
        id.0,
        action.as_str(),
        by,
        &name,
        comment,
    )
    .await?;
    let summary = format!("{}：{}", action.label(), doc.title);
    audit::commit(
        tx,
        &caller.who,
        Entry::new("update", "public_document", summary)
            .id(id.0)
            .before(&serde_json::json!({ "status": doc.status }))
            .after(&serde_json::json!({ "status": to, "comment": comment })),
    )
    .await?;
    Ok(to)
}

/// An institution signs for a document issued to it (签收).
pub async fn confirm_receipt(db: &Db, caller: &Caller, id: DocumentId) -> Result<(), AppError> {
    let doc = visible(db, caller, id).await?;
    let Viewer::Institution(own) = super::viewer(caller) else {
        return Err(AppError::Forbidden);
    };
    let mut tx = db.begin().await?;
    let name = name_of(&mut tx, caller).await?;
    let by = caller.who.user_id.map(|u| u.0);
    if recipients::sign_for(&mut tx, id, own, by, &name).await? != 1 {
        return Err(AppError::Conflict("本单位已签收该公文".into()));
    }
    steps::record(&mut tx, Kind::Outgoing, id.0, "receipt", by, &name, "").await?;
    let summary = format!("签收：{} {}", doc.number.unwrap_or_default(), doc.title);
    audit::commit(
        tx,
        &caller.who,
        Entry::new("update", "public_document", summary)
            .id(id.0)
            .institution(Some(InstitutionId(own))),
    )
    .await
}
