//! Storage of notices (通知公告) and their receipts (回执). The audience is
//! a query: sending writes every recipient's receipt in one
//! `INSERT … SELECT` over the institutions it names.

mod parents;

use chrono::{DateTime, Utc};
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

pub use parents::*;

use crate::domain::notices::{Audience, NoticeId};

/// Notices shown in a list at most.
pub const LIST_LIMIT: i64 = 200;

/// Whose notices a list shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Senders {
    /// Every notice of the bureau (办公室, leadership).
    Bureau,
    /// Those of one section (its key).
    Section(String),
    /// Those of one institution to its parents.
    Institution(i64),
}

impl Senders {
    fn restrict(&self, q: Sql) -> Sql {
        match self {
            Senders::Bureau => q.push(" AND n.sender_section IS NOT NULL"),
            Senders::Section(key) => q.push(" AND n.sender_section = ").bind(key.as_str()),
            Senders::Institution(id) => q.push(" AND n.sender_institution_id = ").bind(*id),
        }
    }
}

/// A notice as its sender and its readers see it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Notice {
    pub id: NoticeId,
    pub title: String,
    pub body: String,
    /// The bureau section that sent it ('leadership' for the leaders).
    pub sender_section: Option<String>,
    /// The institution that sent it to its parents.
    pub sender_institution_id: Option<i64>,
    pub audience: String,
    pub audience_value: String,
    pub audience_label: String,
    pub recipients: i64,
    pub sent_at: DateTime<Utc>,
    pub reminders: i64,
}

/// A sent notice with how many have read it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct SentNotice {
    pub id: NoticeId,
    pub title: String,
    pub audience_label: String,
    pub sent_at: DateTime<Utc>,
    pub recipients: i64,
    /// Receipts so far (institutions, or pupils for a notice to parents).
    pub read: i64,
    pub reminders: i64,
}

/// A notice in an institution's inbox.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct InboxNotice {
    pub id: NoticeId,
    pub title: String,
    pub sender_section: Option<String>,
    pub sent_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

/// A recipient institution's receipt.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Receipt {
    pub institution_id: i64,
    pub institution_name: String,
    pub township_name: String,
    pub read_at: Option<DateTime<Utc>>,
    /// The account that confirmed it.
    pub reader: Option<String>,
}

/// Who sends a notice.
pub enum Sender<'a> {
    Section(&'a str),
    Institution(i64),
}

/// A notice to store.
pub struct NewNotice<'a> {
    pub title: &'a str,
    pub body: &'a str,
    pub sender: Sender<'a>,
    pub audience: &'a str,
    pub audience_value: &'a str,
    pub audience_label: &'a str,
    pub by: Option<i64>,
}

pub async fn insert(tx: &mut Tx, n: &NewNotice<'_>) -> Result<NoticeId, DbError> {
    let (section, institution) = match n.sender {
        Sender::Section(s) => (Some(s.to_string()), None),
        Sender::Institution(i) => (None, Some(i)),
    };
    let q = Sql::new(
        "INSERT INTO public_notices (title, body, sender_section, sender_institution_id, audience, \
         audience_value, audience_label, sent_by, sent_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .arg(n.title)
    .arg(n.body)
    .arg(section)
    .arg(institution)
    .arg(n.audience)
    .arg(n.audience_value)
    .arg(n.audience_label)
    .arg(n.by)
    .arg(platform::time::now());
    Ok(NoticeId(tx.scalar(q).await?))
}

/// The school types of the institutions in operation (for a category
/// audience).
pub async fn school_types_in_use<'a>(ex: impl Into<Ex<'a>>) -> Result<Vec<String>, DbError> {
    #[derive(sqlx::FromRow)]
    struct T {
        school_type: String,
    }
    let rows: Vec<T> = ex
        .into()
        .fetch_all(Sql::new(
            "SELECT DISTINCT school_type FROM institutions WHERE status = 'active'",
        ))
        .await?;
    Ok(rows.into_iter().map(|t| t.school_type).collect())
}

/// The institutions in operation an audience names, as SQL over `i`.
fn audience_filter(q: Sql, audience: &Audience, school_types: &[String]) -> Sql {
    let q = q.push(" AND i.status = 'active'");
    match audience {
        Audience::All => q,
        Audience::Category(_) if school_types.is_empty() => q.push(" AND 1 = 0"),
        Audience::Category(_) => q
            .push(" AND i.school_type IN (")
            .bind_list(school_types.iter().map(String::as_str))
            .push(")"),
        Audience::Township(t) => q.push(" AND i.township_id = ").bind(*t),
        Audience::Chosen(ids) => q
            .push(" AND i.id IN (")
            .bind_list(ids.iter().copied())
            .push(")"),
    }
}

/// Writes one unread receipt per recipient institution, in one statement,
/// and records their number on the notice.
pub async fn fan_out(
    tx: &mut Tx,
    id: NoticeId,
    audience: &Audience,
    school_types: &[String],
) -> Result<i64, DbError> {
    let q = Sql::new("INSERT INTO public_notice_receipts (notice_id, institution_id) SELECT ")
        .bind(id)
        .push(", i.id FROM institutions i WHERE 1=1");
    let sent = tx
        .execute(audience_filter(q, audience, school_types))
        .await? as i64;
    set_recipients(tx, id, sent).await?;
    Ok(sent)
}

pub async fn set_recipients(tx: &mut Tx, id: NoticeId, n: i64) -> Result<(), DbError> {
    tx.execute(
        Sql::new("UPDATE public_notices SET recipients = ")
            .bind(n)
            .push(" WHERE id = ")
            .bind(id),
    )
    .await?;
    Ok(())
}

pub async fn get<'a>(ex: impl Into<Ex<'a>>, id: NoticeId) -> Result<Option<Notice>, DbError> {
    ex.into()
        .fetch_optional(
            Sql::new(
                "SELECT id, title, body, sender_section, sender_institution_id, audience, \
                 audience_value, audience_label, recipients, sent_at, reminders \
                 FROM public_notices WHERE id = ",
            )
            .bind(id),
        )
        .await
}

const SENT: &str = "SELECT n.id, n.title, n.audience_label, n.sent_at, n.recipients, n.reminders, \
     (SELECT COUNT(*) FROM public_notice_receipts r WHERE r.notice_id = n.id AND r.read_at IS NOT NULL) \
     + (SELECT COUNT(*) FROM public_parent_receipts p WHERE p.notice_id = n.id) AS read \
     FROM public_notices n WHERE 1=1";

/// The notices sent by `senders`, newest first, with their read counts.
pub async fn sent<'a>(
    ex: impl Into<Ex<'a>>,
    senders: &Senders,
) -> Result<Vec<SentNotice>, DbError> {
    let q = senders
        .restrict(Sql::new(SENT))
        .push(" ORDER BY n.sent_at DESC, n.id DESC")
        .limit(LIST_LIMIT, 0);
    ex.into().fetch_all(q).await
}

/// One notice with its read counts.
pub async fn sent_one<'a>(
    ex: impl Into<Ex<'a>>,
    id: NoticeId,
) -> Result<Option<SentNotice>, DbError> {
    ex.into()
        .fetch_optional(Sql::new(SENT).push(" AND n.id = ").bind(id))
        .await
}

/// Receipts not yet confirmed of the notices sent by `senders`.
pub async fn unread_of_sent<'a>(ex: impl Into<Ex<'a>>, senders: &Senders) -> Result<i64, DbError> {
    let q = Sql::new(
        "SELECT COUNT(*) FROM public_notice_receipts r JOIN public_notices n ON n.id = r.notice_id \
         WHERE r.read_at IS NULL",
    );
    ex.into().scalar(senders.restrict(q)).await
}

const INBOX: &str = "SELECT n.id, n.title, n.sender_section, n.sent_at, r.read_at \
     FROM public_notice_receipts r JOIN public_notices n ON n.id = r.notice_id \
     WHERE r.institution_id = ";

/// An institution's inbox: unread first, then newest.
pub async fn inbox<'a>(
    ex: impl Into<Ex<'a>>,
    institution: i64,
) -> Result<Vec<InboxNotice>, DbError> {
    let q = Sql::new(INBOX)
        .bind(institution)
        .push(" ORDER BY CASE WHEN r.read_at IS NULL THEN 0 ELSE 1 END, n.sent_at DESC, n.id DESC")
        .limit(LIST_LIMIT, 0);
    ex.into().fetch_all(q).await
}

/// An institution's receipt of one notice, if it is a recipient.
pub async fn inbox_entry<'a>(
    ex: impl Into<Ex<'a>>,
    id: NoticeId,
    institution: i64,
) -> Result<Option<InboxNotice>, DbError> {
    ex.into()
        .fetch_optional(
            Sql::new(INBOX)
                .bind(institution)
                .push(" AND n.id = ")
                .bind(id),
        )
        .await
}

/// How many notices wait to be read by an institution.
pub async fn unread<'a>(ex: impl Into<Ex<'a>>, institution: i64) -> Result<i64, DbError> {
    ex.into()
        .scalar(
            Sql::new("SELECT COUNT(*) FROM public_notice_receipts WHERE read_at IS NULL AND institution_id = ")
                .bind(institution),
        )
        .await
}

/// The receipts of a notice (only the unread ones if asked), by township
/// and name.
pub async fn receipts<'a>(
    ex: impl Into<Ex<'a>>,
    id: NoticeId,
    unread_only: bool,
) -> Result<Vec<Receipt>, DbError> {
    let mut q = Sql::new(
        "SELECT r.institution_id, i.name AS institution_name, t.name AS township_name, r.read_at, \
         u.display_name AS reader FROM public_notice_receipts r \
         JOIN institutions i ON i.id = r.institution_id JOIN townships t ON t.id = i.township_id \
         LEFT JOIN users u ON u.id = r.read_by WHERE r.notice_id = ",
    )
    .bind(id);
    if unread_only {
        q = q.push(" AND r.read_at IS NULL");
    }
    ex.into()
        .fetch_all(q.push(" ORDER BY t.name, i.name"))
        .await
}

/// Records an institution's receipt (the first reader's); 0 when it was
/// already read.
pub async fn mark_read(
    tx: &mut Tx,
    id: NoticeId,
    institution: i64,
    by: Option<i64>,
) -> Result<u64, DbError> {
    tx.execute(
        Sql::new("UPDATE public_notice_receipts SET read_at = ")
            .bind(platform::time::now())
            .push(", read_by = ")
            .bind(by)
            .push(" WHERE read_at IS NULL AND notice_id = ")
            .bind(id)
            .push(" AND institution_id = ")
            .bind(institution),
    )
    .await
}

/// Notes a reminder to the unread recipients; returns how many they are.
pub async fn remind(tx: &mut Tx, id: NoticeId) -> Result<i64, DbError> {
    tx.execute(
        Sql::new("UPDATE public_notices SET reminders = reminders + 1, reminded_at = ")
            .bind(platform::time::now())
            .push(" WHERE id = ")
            .bind(id),
    )
    .await?;
    tx.scalar(
        Sql::new(
            "SELECT COUNT(*) FROM public_notice_receipts WHERE read_at IS NULL AND notice_id = ",
        )
        .bind(id),
    )
    .await
}
