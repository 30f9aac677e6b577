//! Services of notices (通知公告) from the bureau to institutions: sending
//! to an audience with attachments, each recipient's inbox and receipt
//! (回执), the sender's read/unread list and reminders. Notices of
//! institutions to parents are in [`parents`].

mod demo;
pub mod indicators;
pub mod parents;

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Role, Scope, Section, WorkArea};
use platform::db::{Db, Sql};
use platform::{AppError, InstitutionId};
use serde::Serialize;

pub use demo::fill_demo;

use crate::domain::notices::{read_rate, Audience, NoticeDraft, NoticeId, NoticeInput};
use crate::service::files::{self, Upload};
use crate::store::files::{FileId, PublicFile};
use crate::store::notices::{
    self as store, InboxNotice, NewNotice, Notice, Receipt, Sender, Senders, SentNotice,
};

/// The kind of record a notice's attachments are filed under.
pub const FILE_SUBJECT: &str = "notice";

/// The sender key of a bureau account: its section's key, 'leadership' for
/// the leaders; none for others (inspectors, institutions).
pub fn bureau_sender(caller: &Caller) -> Option<&'static str> {
    if caller.scope != Scope::All {
        return None;
    }
    match caller.role {
        Role::Leadership => Some("leadership"),
        Role::Section(s) => Some(s.key()),
        _ => None,
    }
}

/// Refuses unless the caller reads the area or sends notices of the bureau
/// (any section sends notices for its own matters and follows them).
pub fn may_read(caller: &Caller) -> Result<(), AppError> {
    if bureau_sender(caller).is_some() {
        return Ok(());
    }
    caller.require(WorkArea::PublicService, Access::Read)
}

/// The name of a sender key, as recipients see it.
pub fn sender_label(key: &str) -> &'static str {
    if key == "leadership" {
        return "局领导";
    }
    Section::from_key(key).map_or("教育局", Section::label)
}

/// Whose sent notices the caller sees: the 办公室 and leaders every
/// bureau notice, a section its own, an institution its notices to parents.
pub fn senders_of(caller: &Caller) -> Senders {
    match (caller.scope, caller.role) {
        (Scope::Institution(id), _) => Senders::Institution(id.0),
        (_, Role::Section(s)) if s != Section::Office => Senders::Section(s.key().into()),
        _ => Senders::Bureau,
    }
}

/// Whether the caller may see the receipts of a notice.
fn may_follow(caller: &Caller, n: &Notice) -> bool {
    match senders_of(caller) {
        Senders::Bureau => n.sender_section.is_some(),
        Senders::Section(key) => n.sender_section.as_deref() == Some(key.as_str()),
        Senders::Institution(id) => n.sender_institution_id == Some(id),
    }
}

async fn audience_label(db: &Db, a: &Audience) -> Result<String, AppError> {
    Ok(match a {
        Audience::All => "全部机构".into(),
        Audience::Category(c) => format!("全部{}", c.label()),
        Audience::Township(t) => {
            let name: Option<Name> = db
                .fetch_optional(Sql::new("SELECT name FROM townships WHERE id = ").bind(*t))
                .await?;
            let name =
                name.ok_or_else(|| AppError::invalid("audience_value", "乡镇（街道）不存在"))?;
            format!("{}全部机构", name.name)
        }
        Audience::Chosen(ids) => format!("指定机构 {} 所", ids.len()),
    })
}

#[derive(sqlx::FromRow)]
struct Name {
    name: String,
}

/// What sending did.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Sent {
    pub id: NoticeId,
    /// The institutions it went to.
    pub recipients: i64,
}

/// Sends a notice of the bureau to the institutions its audience names:
/// one receipt per recipient, written in one statement, with the files.
pub async fn send(
    db: &Db,
    caller: &Caller,
    input: &NoticeInput,
    attachments: &[Upload],
) -> Result<Sent, AppError> {
    let sender = bureau_sender(caller).ok_or(AppError::Forbidden)?;
    let draft: NoticeDraft<Audience> = input.parse().map_err(AppError::Invalid)?;
    files::check_all(attachments)?;
    let label = audience_label(db, &draft.audience).await?;
    let mut tx = db.begin().await?;
    let types = match draft.audience {
        Audience::Category(_) => store::school_types_in_use(&mut tx).await?,
        _ => Vec::new(),
    };
    let types = draft.audience.school_types(&types).unwrap_or_default();
    let by = caller.who.user_id.map(|u| u.0);
    let value = draft.audience.value();
    let id = store::insert(
        &mut tx,
        &NewNotice {
            title: &draft.title,
            body: &draft.body,
            sender: Sender::Section(sender),
            audience: draft.audience.key(),
            audience_value: &value,
            audience_label: &label,
            by,
        },
    )
    .await?;
    let recipients = store::fan_out(&mut tx, id, &draft.audience, &types).await?;
    if let Audience::Chosen(ids) = &draft.audience {
        if recipients != ids.len() as i64 {
            return Err(AppError::invalid(
                "audience_value",
                "所选机构中有不存在或已停止办学的，请重新选择",
            ));
        }
    }
    if recipients == 0 {
        return Err(AppError::invalid(
            "audience",
            "发送范围内没有正在办学的机构",
        ));
    }
    files::attach(&mut tx, FILE_SUBJECT, id.0, attachments, by).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "public_notice",
            format!("发送通知公告：{}（{label}，{recipients} 所）", draft.title),
        )
        .id(id.0)
        .after(input),
    )
    .await?;
    Ok(Sent { id, recipients })
}

/// The notices the caller's side has sent, with read counts.
pub async fn sent(db: &Db, caller: &Caller) -> Result<Vec<SentNotice>, AppError> {
    may_read(caller)?;
    Ok(store::sent(db, &senders_of(caller)).await?)
}

/// Receipts still missing of the notices the caller's side has sent.
pub async fn unread_of_sent(db: &Db, caller: &Caller) -> Result<i64, AppError> {
    may_read(caller)?;
    Ok(store::unread_of_sent(db, &senders_of(caller)).await?)
}

/// An institution's inbox (none for bureau accounts).
pub async fn inbox(db: &Db, caller: &Caller) -> Result<Vec<InboxNotice>, AppError> {
    may_read(caller)?;
    match caller.scope.institution() {
        Some(own) => Ok(store::inbox(db, own.0).await?),
        None => Ok(vec![]),
    }
}

/// A notice as the caller may see it: the sender's side, a recipient
/// institution, or the institution that sent it to parents; anyone else
/// finds nothing.
pub async fn get(db: &Db, caller: &Caller, id: NoticeId) -> Result<NoticeView, AppError> {
    may_read(caller)?;
    let n = store::get(db, id).await?.ok_or(AppError::NotFound)?;
    let follows = may_follow(caller, &n);
    let receipt = match caller.scope.institution() {
        Some(own) if !follows => Some(
            store::inbox_entry(db, id, own.0)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
        _ if follows => None,
        _ => return Err(AppError::NotFound),
    };
    let stats = if follows {
        Some(store::sent_one(db, id).await?.ok_or(AppError::NotFound)?)
    } else {
        None
    };
    let files = files::list(db, FILE_SUBJECT, id.0).await?;
    Ok(NoticeView {
        sender: n
            .sender_section
            .as_deref()
            .map_or("本校", sender_label)
            .to_string(),
        rate: stats.as_ref().and_then(|s| read_rate(s.read, s.recipients)),
        notice: n,
        receipt,
        stats,
        files,
    })
}

/// A notice with what the caller sees around it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct NoticeView {
    pub notice: Notice,
    /// 发文单位
    pub sender: String,
    /// The caller's institution's receipt, for a recipient.
    pub receipt: Option<InboxNotice>,
    /// Read counts, for the sender's side.
    pub stats: Option<SentNotice>,
    /// 阅读率 (%), for the sender's side.
    pub rate: Option<f64>,
    pub files: Vec<PublicFile>,
}

/// The receipts of a notice (the unread ones if asked), for its sender's side.
pub async fn receipts(
    db: &Db,
    caller: &Caller,
    id: NoticeId,
    unread_only: bool,
) -> Result<Vec<Receipt>, AppError> {
    may_read(caller)?;
    let n = store::get(db, id).await?.ok_or(AppError::NotFound)?;
    if !may_follow(caller, &n) {
        return Err(AppError::NotFound);
    }
    Ok(store::receipts(db, id, unread_only).await?)
}

/// Records that the caller's institution has read a notice (the first
/// reader's receipt stands).
pub async fn mark_read(db: &Db, caller: &Caller, id: NoticeId) -> Result<bool, AppError> {
    may_read(caller)?;
    let own = caller.scope.institution().ok_or(AppError::NotFound)?;
    store::inbox_entry(db, id, own.0)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut tx = db.begin().await?;
    let changed = store::mark_read(&mut tx, id, own.0, caller.who.user_id.map(|u| u.0)).await?;
    if changed == 0 {
        return Ok(false);
    }
    audit::commit(
        tx,
        &caller.who,
        Entry::new("update", "public_notice_receipt", "通知公告已读回执")
            .id(id.0)
            .institution(Some(InstitutionId(own.0))),
    )
    .await?;
    Ok(true)
}

/// Reminds the unread recipients of a notice (it stays in their inbox,
/// marked as reminded); returns how many were reminded.
pub async fn remind(db: &Db, caller: &Caller, id: NoticeId) -> Result<i64, AppError> {
    let n = store::get(db, id).await?.ok_or(AppError::NotFound)?;
    if bureau_sender(caller).is_none() || !may_follow(caller, &n) {
        return Err(AppError::NotFound);
    }
    let mut tx = db.begin().await?;
    let unread = store::remind(&mut tx, id).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "public_notice",
            format!("催阅通知公告：{}（未读 {unread} 所）", n.title),
        )
        .id(id.0),
    )
    .await?;
    Ok(unread)
}

/// An attachment of a notice the caller may see.
pub async fn file(
    db: &Db,
    caller: &Caller,
    id: NoticeId,
    file: FileId,
) -> Result<(String, inspection::domain::evidence::EvidenceType, Vec<u8>), AppError> {
    get(db, caller, id).await?;
    files::download(db, FILE_SUBJECT, id.0, file).await
}

/// Notices waiting to be read by the caller's institution (for the inbox).
pub async fn waiting(db: &Db, caller: &Caller) -> Result<i64, AppError> {
    match caller.scope.institution() {
        Some(own) => Ok(store::unread(db, own.0).await?),
        None => Ok(0),
    }
}
