//! Services of official documents (电子公文): drafting, approval (拟稿 →
//! 核稿 → 签发), numbering, issue and receipt ([`outgoing`]), incoming
//! documents and their routing ([`incoming`]), the .docx ([`docx`]), the
//! inbox ([`tasks`]), the indicators and the demo's documents.
//!
//! Who sees what is the domain's [`Viewer`]: every section drafts and sees
//! its own drafts and what is sent or routed to it (not only the 办公室,
//! which writes the area), so these services check the caller themselves.

mod demo;
pub mod docx;
pub mod incoming;
pub mod indicators;
pub mod outgoing;
pub mod signing;
pub mod tasks;

use platform::auth::{Caller, Role, Section};
use platform::db::{DbError, Ex, Sql};
use platform::AppError;
use serde::Serialize;

pub use demo::fill_demo;

use crate::domain::documents::{DocumentId, FlowError, Viewer, Who};
use crate::store::documents::recipients::{self, Recipient};
use crate::store::documents::steps::{self, Kind, Step};
use crate::store::documents::{self as store, Document, DocumentFilter};

/// The subject of a document's attachments in `public_files`.
pub const FILE_SUBJECT: &str = "document";

/// What the caller sees of documents.
pub fn viewer(caller: &Caller) -> Viewer {
    Viewer::of(caller.role, caller.scope.institution().map(|i| i.0))
}

/// The caller as the flow knows them.
pub fn who(caller: &Caller) -> Who {
    Who {
        user: caller.who.user_id.map(|u| u.0),
        role: caller.role,
    }
}

/// Whether the caller drafts documents: leadership and every section.
pub fn may_draft(caller: &Caller) -> bool {
    Viewer::drafting_section(caller.role).is_some()
}

/// Whether the caller registers and routes incoming documents.
pub fn keeps_register(caller: &Caller) -> bool {
    matches!(
        caller.role,
        Role::Leadership | Role::Section(Section::Office)
    )
}

/// The Chinese name of a section key (the key itself if unknown).
pub fn section_label(key: &str) -> &str {
    Section::from_key(key).map_or(key, |s| s.label())
}

/// A refused step: a step out of order or on one's own draft is a conflict
/// the user can read; a step that is not theirs is forbidden.
pub(crate) fn refused(e: FlowError) -> AppError {
    match e {
        FlowError::NotAllowed => AppError::Forbidden,
        e => AppError::Conflict(e.to_string()),
    }
}

/// The caller's name as the history shows it.
pub(crate) async fn name_of<'a>(ex: impl Into<Ex<'a>>, caller: &Caller) -> Result<String, DbError> {
    let Some(id) = caller.who.user_id else {
        return Ok(caller.who.username.clone());
    };
    let row: Option<(String,)> = ex
        .into()
        .fetch_optional(Sql::new("SELECT display_name FROM users WHERE id = ").bind(id.0))
        .await?;
    Ok(row.map_or_else(|| caller.who.username.clone(), |(n,)| n))
}

/// A document with its recipients and history.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DocumentDetail {
    pub document: Document,
    pub recipients: Vec<Recipient>,
    pub steps: Vec<Step>,
    pub files: Vec<crate::store::documents::files::FileRow>,
}

pub async fn list(
    db: &platform::db::Db,
    caller: &Caller,
    f: &DocumentFilter,
) -> Result<Vec<Document>, AppError> {
    Ok(store::list(db, viewer(caller), f).await?)
}

pub(crate) async fn visible(
    db: &platform::db::Db,
    caller: &Caller,
    id: DocumentId,
) -> Result<Document, AppError> {
    store::get(db, viewer(caller), id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn detail(
    db: &platform::db::Db,
    caller: &Caller,
    id: DocumentId,
) -> Result<DocumentDetail, AppError> {
    let document = visible(db, caller, id).await?;
    let mut recipients = recipients::list(db, id).await?;
    // An institution sees whom the document went to, not who else signed.
    if let Viewer::Institution(own) = viewer(caller) {
        for r in recipients
            .iter_mut()
            .filter(|r| r.institution_id.is_some_and(|i| i != own))
        {
            r.signed_on = None;
            r.signed_at = None;
            r.signer_name = None;
        }
    }
    let steps = steps::list(db, Kind::Outgoing, id.0).await?;
    let files = crate::store::documents::files::list(db, FILE_SUBJECT, id.0).await?;
    Ok(DocumentDetail {
        document,
        recipients,
        steps,
        files,
    })
}
