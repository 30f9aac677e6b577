//! Incoming documents (收文): registered by the 办公室, then 拟办 (the
//! office's proposal and the section it suggests), 领导批示 (leadership
//! names the handling section and its deadline), 办结 (the section's
//! outcome). Each step is kept in the history.

use chrono::NaiveDate;
use platform::audit::{self, Entry};
use platform::auth::{Caller, Section};
use platform::db::Db;
use platform::error::FieldError;
use platform::AppError;
use serde::{Deserialize, Serialize};

use super::{keeps_register, name_of, refused, viewer};
use crate::domain::documents::{
    next_incoming, IncomingAction, IncomingId, IncomingStatus, Urgency,
};
use crate::store::documents::incoming::{
    self as store, Incoming, IncomingFilter, NewIncoming, RouteRow,
};
use crate::store::documents::steps::{self, Kind, Step};

/// An incoming document as typed at registration.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct IncomingInput {
    pub sender: String,
    pub their_number: String,
    pub title: String,
    pub received_on: Option<NaiveDate>,
    pub urgency: Option<Urgency>,
}

/// A routing step as typed: the text (拟办意见, 批示, 办理结果) and, for 拟办
/// and 批示, the handling section and deadline.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RouteInput {
    pub text: String,
    pub section: Option<String>,
    pub deadline: Option<NaiveDate>,
}

/// An incoming document with its history.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct IncomingDetail {
    pub incoming: Incoming,
    pub steps: Vec<Step>,
}

pub async fn list(db: &Db, caller: &Caller, f: &IncomingFilter) -> Result<Vec<Incoming>, AppError> {
    Ok(store::list(db, viewer(caller), f, platform::time::today()).await?)
}

async fn visible(db: &Db, caller: &Caller, id: IncomingId) -> Result<Incoming, AppError> {
    store::get(db, viewer(caller), id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn detail(db: &Db, caller: &Caller, id: IncomingId) -> Result<IncomingDetail, AppError> {
    let incoming = visible(db, caller, id).await?;
    let steps = steps::list(db, Kind::Incoming, id.0).await?;
    Ok(IncomingDetail { incoming, steps })
}

fn required(errors: &mut Vec<FieldError>, field: &str, value: &str, what: &str) {
    if value.trim().is_empty() || value.chars().count() > 200 {
        errors.push(FieldError::new(
            field,
            format!("请填写{what}（不超过 200 字）"),
        ));
    }
}

/// Registers an incoming document (登记).
pub async fn register(
    db: &Db,
    caller: &Caller,
    input: &IncomingInput,
) -> Result<IncomingId, AppError> {
    if !keeps_register(caller) {
        return Err(AppError::Forbidden);
    }
    let mut errors = Vec::new();
    required(&mut errors, "sender", &input.sender, "来文单位");
    required(&mut errors, "title", &input.title, "标题");
    if input.their_number.chars().count() > 100 {
        errors.push(FieldError::new("their_number", "来文字号不超过 100 字"));
    }
    let today = platform::time::today();
    match input.received_on {
        None => errors.push(FieldError::new("received_on", "请填写收文日期")),
        Some(d) if d > today => errors.push(FieldError::new("received_on", "收文日期不能晚于今天")),
        _ => {}
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let row = NewIncoming {
        sender: input.sender.trim(),
        their_number: input.their_number.trim(),
        title: input.title.trim(),
        received_on: input.received_on.unwrap_or(today),
        urgency: input.urgency.unwrap_or(Urgency::Normal),
    };
    let mut tx = db.begin().await?;
    let by = caller.who.user_id.map(|u| u.0);
    let id = store::insert(&mut tx, &row, by).await?;
    let name = name_of(&mut tx, caller).await?;
    steps::record(
        &mut tx,
        Kind::Incoming,
        id.0,
        IncomingAction::Register.as_str(),
        by,
        &name,
        "",
    )
    .await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "public_incoming",
            format!("收文登记：{}（{}）", row.title, row.sender),
        )
        .id(id.0)
        .after(input),
    )
    .await?;
    Ok(id)
}

/// The section and deadline a step names, checked.
fn handling(input: &RouteInput, errors: &mut Vec<FieldError>) -> Option<Section> {
    let section = input.section.as_deref().and_then(Section::from_key);
    if section.is_none() {
        errors.push(FieldError::new("section", "请选择承办科室"));
    }
    match input.deadline {
        None => errors.push(FieldError::new("deadline", "请填写办理期限")),
        Some(d) if d < platform::time::today() => {
            errors.push(FieldError::new("deadline", "办理期限不能早于今天"))
        }
        _ => {}
    }
    section
}

/// 拟办, 领导批示 or 办结.
pub async fn route(
    db: &Db,
    caller: &Caller,
    id: IncomingId,
    action: IncomingAction,
    input: &RouteInput,
) -> Result<IncomingStatus, AppError> {
    let doc = visible(db, caller, id).await?;
    let current = doc.section.as_deref().and_then(Section::from_key);
    let to = next_incoming(doc.status, action, caller.role, current).map_err(refused)?;
    let mut errors = Vec::new();
    let text = input.text.trim();
    let (column, what) = match action {
        IncomingAction::Propose => ("proposal", "拟办意见"),
        IncomingAction::Instruct => ("instruction", "批示意见"),
        _ => ("outcome", "办理结果"),
    };
    if text.is_empty() || text.chars().count() > 2000 {
        errors.push(FieldError::new(
            "text",
            format!("请填写{what}（不超过 2000 字）"),
        ));
    }
    let names = matches!(action, IncomingAction::Propose | IncomingAction::Instruct);
    let section = if names {
        handling(input, &mut errors)
    } else {
        None
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let today = platform::time::today();
    let row = RouteRow {
        from: doc.status,
        to,
        column,
        text,
        section: section.map(Section::key),
        deadline: input.deadline.filter(|_| names),
        done_on: (to == IncomingStatus::Done).then_some(today),
    };
    let mut tx = db.begin().await?;
    if store::route(&mut tx, id, &row).await? != 1 {
        return Err(AppError::Conflict(
            "该收文已被他人办理，请刷新后查看".into(),
        ));
    }
    let by = caller.who.user_id.map(|u| u.0);
    let name = name_of(&mut tx, caller).await?;
    let comment = match section {
        Some(s) => format!("{text}（承办：{}）", s.label()),
        None => text.to_string(),
    };
    steps::record(
        &mut tx,
        Kind::Incoming,
        id.0,
        action.as_str(),
        by,
        &name,
        &comment,
    )
    .await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new("update", "public_incoming", format!("{}：{}", action.label(), doc.title))
            .id(id.0)
            .before(&serde_json::json!({ "status": doc.status }))
            .after(&serde_json::json!({ "status": to, "text": text, "section": row.section, "deadline": row.deadline })),
    )
    .await?;
    Ok(to)
}
