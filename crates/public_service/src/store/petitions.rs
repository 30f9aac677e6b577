//! Storage of petitions (信访件). Cases are not owned by an institution:
//! which ones a caller sees is the service's decision (all, or those of
//! one section), handed here as `section`.

use chrono::{DateTime, NaiveDate, Utc};
use platform::db::{Arg, DbError, Ex, Sql, Tx};
use serde::{Deserialize, Serialize};

use crate::domain::petitions::{Channel, PetitionDraft, PetitionId, Satisfaction, Status, Topic};

/// A case with everything about it, as the handlers see it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Petition {
    pub id: PetitionId,
    pub ref_no: String,
    pub channel: Channel,
    pub received_by: String,
    pub name: String,
    pub phone: String,
    pub id_number: String,
    pub topic: Topic,
    pub subject: String,
    pub content: String,
    pub status: Status,
    pub received_on: NaiveDate,
    pub accept_by: NaiveDate,
    /// The handling section's key (`platform::auth::Section::key`).
    pub section: Option<String>,
    pub reply_by: Option<NaiveDate>,
    pub extended: bool,
    pub extension_reason: String,
    pub reject_reason: String,
    pub reply_text: String,
    pub reply_author: Option<i64>,
    pub reply_approver: Option<i64>,
    pub replied_on: Option<NaiveDate>,
    pub satisfaction: Option<Satisfaction>,
    pub public_subject: String,
    pub public_text: String,
    pub published_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, ref_no, channel, received_by, name, phone, id_number, topic, subject, \
     content, status, received_on, accept_by, section, reply_by, extended, extension_reason, \
     reject_reason, reply_text, reply_author, reply_approver, replied_on, satisfaction, \
     public_subject, public_text, published_at";

fn select() -> Sql {
    Sql::new(format!("SELECT {COLUMNS} FROM public_petitions WHERE 1=1"))
}

/// The list's filters (all optional).
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct PetitionFilter {
    pub status: Option<Status>,
    pub topic: Option<Topic>,
    /// A section's key.
    pub section: Option<String>,
    /// Only those still waiting for the bureau.
    pub open: Option<bool>,
    /// Reference, subject or content containing this.
    pub q: Option<String>,
}

/// The most rows a list returns.
pub const LIST_LIMIT: i64 = 500;

/// The next number of `year` (1 for the first), taken inside the writing
/// transaction so that two petitions never share one.
pub async fn next_number(tx: &mut Tx, year: i32) -> Result<i64, DbError> {
    let q = Sql::new(
        "INSERT INTO public_petition_numbers (year, last) VALUES ($1, 1) \
         ON CONFLICT (year) DO UPDATE SET last = public_petition_numbers.last + 1 \
         RETURNING last",
    )
    .arg(i64::from(year));
    tx.scalar(q).await
}

/// What a new case is stored with besides its draft.
pub struct NewCase<'a> {
    pub accept_by: NaiveDate,
    pub query_hash: &'a str,
    pub form_hash: Option<&'a str>,
    pub source_ip: Option<String>,
    pub created_by: Option<i64>,
}

pub async fn insert(
    tx: &mut Tx,
    d: &PetitionDraft,
    ref_no: &str,
    c: &NewCase<'_>,
) -> Result<PetitionId, DbError> {
    let now = platform::time::now();
    let q = Sql::new(
        "INSERT INTO public_petitions (ref_no, channel, received_by, name, phone, id_number, \
         topic, subject, content, status, received_on, accept_by, query_hash, form_hash, \
         source_ip, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, \
         $9, $10, $11, $12, $13, $14, $15, $16, $17, $17) RETURNING id",
    )
    .arg(ref_no)
    .arg(d.channel)
    .arg(d.received_by.as_str())
    .arg(d.name.as_str())
    .arg(d.phone.as_str())
    .arg(d.id_number.as_str())
    .arg(d.topic)
    .arg(d.subject.as_str())
    .arg(d.content.as_str())
    .arg(Status::Registered)
    .arg(d.received_on)
    .arg(c.accept_by)
    .arg(c.query_hash)
    .arg(c.form_hash)
    .arg(c.source_ip.clone())
    .arg(c.created_by)
    .arg(now);
    Ok(PetitionId(tx.scalar(q).await?))
}

/// The case a public form (by its token's hash) already made.
pub async fn by_form<'a>(
    ex: impl Into<Ex<'a>>,
    form_hash: &str,
) -> Result<Option<Petition>, DbError> {
    ex.into()
        .fetch_optional(select().push(" AND form_hash = ").bind(form_hash))
        .await
}

/// Replaces a case's query code (its hash).
pub async fn set_query_hash(tx: &mut Tx, id: PetitionId, hash: &str) -> Result<u64, DbError> {
    tx.execute(
        Sql::new("UPDATE public_petitions SET query_hash = $1 WHERE id = $2")
            .arg(hash)
            .arg(id),
    )
    .await
}

/// One case, whoever may see it (the service decides).
pub async fn get<'a>(ex: impl Into<Ex<'a>>, id: PetitionId) -> Result<Option<Petition>, DbError> {
    ex.into()
        .fetch_optional(select().push(" AND id = ").bind(id))
        .await
}

/// A case by its reference, with its query code's hash.
pub async fn by_ref<'a>(
    ex: impl Into<Ex<'a>>,
    ref_no: &str,
) -> Result<Option<(Petition, String)>, DbError> {
    let mut ex = ex.into();
    let Some(p) = ex
        .fetch_optional::<Petition>(select().push(" AND ref_no = ").bind(ref_no))
        .await?
    else {
        return Ok(None);
    };
    let hash: Option<(String,)> = ex
        .fetch_optional(Sql::new("SELECT query_hash FROM public_petitions WHERE id = $1").arg(p.id))
        .await?;
    Ok(hash.map(|(h,)| (p, h)))
}

/// The cases that pass `f`, of `section` only when given, newest first.
pub async fn list<'a>(
    ex: impl Into<Ex<'a>>,
    section: Option<&str>,
    f: &PetitionFilter,
) -> Result<Vec<Petition>, DbError> {
    let mut q = select();
    if let Some(s) = section {
        q = q.push(" AND section = ").bind(s);
    }
    if let Some(s) = f.status {
        q = q.push(" AND status = ").bind(s);
    }
    if let Some(t) = f.topic {
        q = q.push(" AND topic = ").bind(t);
    }
    if let Some(s) = f.section.as_deref().filter(|s| !s.is_empty()) {
        q = q.push(" AND section = ").bind(s);
    }
    if f.open == Some(true) {
        q = q.push(" AND status IN ('registered', 'accepted', 'drafted')");
    }
    if let Some(text) = f.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        q = q.and_any_contains(&["ref_no", "subject", "content"], text);
    }
    let q = q
        .push(" ORDER BY received_on DESC, id DESC")
        .limit(LIST_LIMIT, 0);
    ex.into().fetch_all(q).await
}

/// The published replies, newest first.
pub async fn published<'a>(ex: impl Into<Ex<'a>>, limit: i64) -> Result<Vec<Petition>, DbError> {
    let q = select()
        .push(" AND published_at IS NOT NULL ORDER BY published_at DESC, id DESC")
        .limit(limit, 0);
    ex.into().fetch_all(q).await
}

/// How many letters came from `phone` through the mailbox since `since`.
pub async fn count_from_phone<'a>(
    ex: impl Into<Ex<'a>>,
    phone: &str,
    since: DateTime<Utc>,
) -> Result<i64, DbError> {
    let q = Sql::new("SELECT COUNT(*) FROM public_petitions WHERE phone = $1 AND channel = 'online' AND created_at >= $2")
        .arg(phone)
        .arg(since);
    ex.into().scalar(q).await
}

/// Moves a case from `from` to `to`, setting `columns`; 0 when the case is
/// no longer at `from` (someone acted first).
pub async fn transition(
    tx: &mut Tx,
    id: PetitionId,
    from: Status,
    to: Status,
    columns: Vec<(&str, Arg)>,
) -> Result<u64, DbError> {
    let mut q = Sql::new("UPDATE public_petitions SET status = ")
        .bind(to)
        .push(", updated_at = ")
        .bind(platform::time::now());
    for (col, v) in columns {
        q = q.push(&format!(", {col} = ")).bind(v);
    }
    q = q
        .push(" WHERE id = ")
        .bind(id)
        .push(" AND status = ")
        .bind(from);
    tx.execute(q).await
}

const DATES: &str = "SELECT status, topic, section, accept_by, reply_by, replied_on, satisfaction \
     FROM public_petitions";

/// A case's dates, for timeliness.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Dates {
    pub status: Status,
    pub topic: Topic,
    pub section: Option<String>,
    pub accept_by: NaiveDate,
    pub reply_by: Option<NaiveDate>,
    pub replied_on: Option<NaiveDate>,
    pub satisfaction: Option<Satisfaction>,
}

/// The dates of the cases received in the period (or still open), of
/// `section` only when given.
pub async fn dates<'a>(
    ex: impl Into<Ex<'a>>,
    period: (NaiveDate, NaiveDate),
    section: Option<&str>,
) -> Result<Vec<Dates>, DbError> {
    let mut q = Sql::new(format!("{DATES} WHERE received_on >= "))
        .bind(period.0)
        .push(" AND received_on <= ")
        .bind(period.1);
    if let Some(s) = section {
        q = q.push(" AND section = ").bind(s);
    }
    ex.into().fetch_all(q).await
}

/// The open cases' dates, of `section` only when given (for the inbox).
pub async fn open_dates<'a>(
    ex: impl Into<Ex<'a>>,
    section: Option<&str>,
) -> Result<Vec<Dates>, DbError> {
    let mut q = Sql::new(format!(
        "{DATES} WHERE status IN ('registered', 'accepted', 'drafted')"
    ));
    if let Some(s) = section {
        q = q.push(" AND section = ").bind(s);
    }
    ex.into().fetch_all(q).await
}

/// Answered cases in the period by reply date: (answered, of which by the
/// deadline) and rated ones (rated, of which satisfied).
pub async fn answered<'a>(
    ex: impl Into<Ex<'a>>,
    from: Option<NaiveDate>,
    to: NaiveDate,
) -> Result<Vec<Dates>, DbError> {
    let mut q = Sql::new(format!(
        "{DATES} WHERE replied_on IS NOT NULL AND replied_on <= "
    ))
    .bind(to);
    if let Some(f) = from {
        q = q.push(" AND replied_on >= ").bind(f);
    }
    ex.into().fetch_all(q).await
}

/// A file attached to a case (`public_files`, subject `petition`), its
/// type already read from its content.
pub async fn insert_file(
    tx: &mut Tx,
    id: PetitionId,
    file_name: &str,
    media_type: &str,
    bytes: &[u8],
) -> Result<i64, DbError> {
    use base64::Engine;
    use sha2::Digest;
    let sha: String = sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let q = Sql::new(
        "INSERT INTO public_files (subject, subject_id, file_name, media_type, size_bytes, sha256, \
         content, uploaded_at) VALUES ('petition', $1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .arg(id)
    .arg(file_name)
    .arg(media_type)
    .arg(bytes.len() as i64)
    .arg(sha)
    .arg(base64::engine::general_purpose::STANDARD.encode(bytes))
    .arg(platform::time::now());
    tx.scalar(q).await
}

/// The names of a case's files.
pub async fn file_names<'a>(
    ex: impl Into<Ex<'a>>,
    id: PetitionId,
) -> Result<Vec<(i64, String)>, DbError> {
    let q = Sql::new("SELECT id, file_name FROM public_files WHERE subject = 'petition' AND subject_id = $1 ORDER BY id")
        .arg(id);
    ex.into().fetch_all(q).await
}
