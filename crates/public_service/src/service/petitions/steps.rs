//! The steps of a case after registration: 受理 or 不予受理 by the 办公室,
//! the reply drafted by the handling section and approved by another
//! person, one extension, and publication without personal data.

use platform::audit::{self, Entry};
use platform::auth::{Caller, Section};
use platform::db::{Arg, Db, Tx};
use platform::AppError;
use serde::{Deserialize, Serialize};

use super::{handles, limits, require_office, visible, ENTITY};
use crate::domain::petitions::{
    after, may_approve, may_extend, next, redact, required_text, PetitionId, Status, Step,
    MAX_REASON, MAX_REPLY, MAX_SUBJECT,
};
use crate::store::petitions::{self as store, Petition};

/// Applies `step` to a case the caller handles, setting `columns`, in one
/// transaction with its audit entry.
async fn act(
    db: &Db,
    caller: &Caller,
    p: &Petition,
    step: Step,
    columns: Vec<(&str, Arg)>,
    summary: String,
) -> Result<Status, AppError> {
    let to = next(p.status, step).map_err(|e| AppError::Conflict(e.to_string()))?;
    let mut tx: Tx = db.begin().await?;
    let mut after: serde_json::Map<String, serde_json::Value> = columns
        .iter()
        .map(|(k, v)| (k.to_string(), arg_json(v)))
        .collect();
    after.insert("status".into(), serde_json::json!(to));
    if store::transition(&mut tx, p.id, p.status, to, columns).await? != 1 {
        return Err(AppError::Conflict(
            "该信访件刚被他人处理，请刷新页面后查看".into(),
        ));
    }
    audit::commit(
        tx,
        &caller.who,
        Entry::new("update", ENTITY, format!("{}：{summary}", p.ref_no))
            .id(p.id.0)
            .before(&serde_json::json!({ "status": p.status }))
            .after(&after),
    )
    .await?;
    Ok(to)
}

fn arg_json(a: &Arg) -> serde_json::Value {
    match a {
        Arg::Int(v) => serde_json::json!(v),
        Arg::Text(v) => serde_json::json!(v),
        Arg::Bool(v) => serde_json::json!(v),
        Arg::Date(v) => serde_json::json!(v),
        Arg::Time(v) => serde_json::json!(v),
    }
}

/// What the 办公室 decides on a registered case.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CaseAssignment {
    /// The handling section's key, e.g. `basic_education`.
    pub section: String,
}

/// 受理: assigns a case to a section; the reply is due within the limit.
pub async fn assign(
    db: &Db,
    caller: &Caller,
    id: PetitionId,
    a: &CaseAssignment,
) -> Result<Status, AppError> {
    let p = visible(db, caller, id).await?;
    require_office(caller)?;
    let Some(section) = Section::from_key(a.section.trim()) else {
        return Err(AppError::invalid("section", "请选择承办科室"));
    };
    let reply_by = after(platform::time::today(), limits(db).await?.reply);
    let cols = vec![
        ("section", Arg::from(section.key())),
        ("assigned_at", Arg::from(platform::time::now())),
        ("reply_by", Arg::from(reply_by)),
    ];
    let summary = format!("受理，交{}办理，{}前答复", section.label(), reply_by);
    act(db, caller, &p, Step::Accept, cols, summary).await
}

/// A reason (不予受理, extension).
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct StepReason {
    pub reason: String,
}

/// 不予受理, with the reason the writer reads.
pub async fn reject(
    db: &Db,
    caller: &Caller,
    id: PetitionId,
    r: &StepReason,
) -> Result<Status, AppError> {
    let p = visible(db, caller, id).await?;
    require_office(caller)?;
    let reason = required_text("reason", "不予受理理由", &r.reason, MAX_REASON)
        .map_err(AppError::Invalid)?;
    let cols = vec![("reject_reason", Arg::from(reason.as_str()))];
    act(
        db,
        caller,
        &p,
        Step::Reject,
        cols,
        format!("不予受理：{reason}"),
    )
    .await
}

/// The reply drafted by the handling section.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Reply {
    pub text: String,
}

async fn handled(db: &Db, caller: &Caller, id: PetitionId) -> Result<Petition, AppError> {
    let p = visible(db, caller, id).await?;
    if !handles(caller, &p) {
        return Err(AppError::Forbidden);
    }
    Ok(p)
}

/// Drafts (or redrafts) the reply; the drafter is its author.
pub async fn draft(
    db: &Db,
    caller: &Caller,
    id: PetitionId,
    r: &Reply,
) -> Result<Status, AppError> {
    let p = handled(db, caller, id).await?;
    let text = required_text("text", "答复意见", &r.text, MAX_REPLY).map_err(AppError::Invalid)?;
    let cols = vec![
        ("reply_text", Arg::from(text.as_str())),
        ("reply_author", Arg::from(caller.who.user_id.map(|u| u.0))),
    ];
    act(db, caller, &p, Step::Draft, cols, "起草答复意见".into()).await
}

/// Approves the draft (审核签发), by someone other than its author: the
/// reply is sent to the writer.
pub async fn approve(db: &Db, caller: &Caller, id: PetitionId) -> Result<Status, AppError> {
    let p = handled(db, caller, id).await?;
    next(p.status, Step::Approve).map_err(|e| AppError::Conflict(e.to_string()))?;
    may_approve(p.reply_author, caller.who.user_id.map(|u| u.0))
        .map_err(|e| AppError::Conflict(e.to_string()))?;
    let cols = vec![
        ("reply_approver", Arg::from(caller.who.user_id.map(|u| u.0))),
        ("replied_on", Arg::from(platform::time::today())),
    ];
    act(db, caller, &p, Step::Approve, cols, "审核签发答复".into()).await
}

/// Extends the reply deadline once, with a reason.
pub async fn extend(
    db: &Db,
    caller: &Caller,
    id: PetitionId,
    r: &StepReason,
) -> Result<Status, AppError> {
    let p = handled(db, caller, id).await?;
    next(p.status, Step::Extend).map_err(|e| AppError::Conflict(e.to_string()))?;
    may_extend(p.extended).map_err(|e| AppError::Conflict(e.to_string()))?;
    let reason =
        required_text("reason", "延期理由", &r.reason, MAX_REASON).map_err(AppError::Invalid)?;
    let base = p.reply_by.unwrap_or_else(platform::time::today);
    let reply_by = after(base, limits(db).await?.extension);
    let cols = vec![
        ("extended", Arg::from(true)),
        ("extension_reason", Arg::from(reason.as_str())),
        ("reply_by", Arg::from(reply_by)),
    ];
    act(
        db,
        caller,
        &p,
        Step::Extend,
        cols,
        format!("延期至 {reply_by}：{reason}"),
    )
    .await
}

/// What is published of an answered case: an edited copy.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Publication {
    pub subject: String,
    /// The letter and reply as published (empty: the reply as sent).
    pub text: String,
}

/// Publishes an answered case on `/mailbox/replies`: the edited copy with
/// the writer's name, phone and ID number, and any long number, removed.
pub async fn publish(
    db: &Db,
    caller: &Caller,
    id: PetitionId,
    input: &Publication,
) -> Result<(), AppError> {
    let p = visible(db, caller, id).await?;
    require_office(caller)?;
    if !matches!(p.status, Status::Replied | Status::Rated) {
        return Err(AppError::Conflict("只能公开已答复的信访件".into()));
    }
    let subject = if input.subject.trim().is_empty() {
        p.subject.clone()
    } else {
        input.subject.clone()
    };
    let subject =
        required_text("subject", "公开标题", &subject, MAX_SUBJECT).map_err(AppError::Invalid)?;
    let text = if input.text.trim().is_empty() {
        p.reply_text.clone()
    } else {
        input.text.clone()
    };
    let text = required_text("text", "公开内容", &text, MAX_REPLY).map_err(AppError::Invalid)?;
    let terms = [p.name.as_str(), p.phone.as_str(), p.id_number.as_str()];
    let (subject, text) = (redact(&subject, &terms), redact(&text, &terms));
    let mut tx = db.begin().await?;
    let q = platform::db::Sql::new("UPDATE public_petitions SET public_subject = $1, public_text = $2, published_at = $3, updated_at = $3 WHERE id = $4")
        .arg(subject.as_str())
        .arg(text.as_str())
        .arg(platform::time::now())
        .arg(p.id);
    tx.execute(q).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new("update", ENTITY, format!("{}：公开答复", p.ref_no))
            .id(p.id.0)
            .after(&serde_json::json!({ "public_subject": subject, "public_text": text })),
    )
    .await?;
    Ok(())
}
