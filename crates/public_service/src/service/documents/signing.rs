//! 签发: leadership signs a document reviewed (核稿) by someone else; it
//! gets its number (文号) — typed, or the next of its prefix and year — and
//! is issued to its recipients with the receipt deadline. The prefixes are
//! the bureau's settings.

use chrono::Datelike;
use platform::audit::{self, Entry};
use platform::auth::{Caller, Section};
use platform::db::{Db, DbError, Tx};
use platform::AppError;

use super::outgoing::StepInput;
use super::{name_of, refused, visible, who};
use crate::domain::documents::{
    next_status, receipt_due, Action, DocNumber, DocStatus, DocumentId, Issuer,
};
use crate::domain::limits::DOCUMENT_RECEIPT;
use crate::store::documents::recipients;
use crate::store::documents::steps::{self, Kind};
use crate::store::documents::{self as store};

/// The receipt limit in force (`service::limits`).
async fn receipt_limit(tx: &mut Tx) -> Result<(u32, bool), DbError> {
    let limit = crate::service::limits::limit(&mut *tx, DOCUMENT_RECEIPT).await?;
    Ok((limit.days.clamp(1, 365) as u32, limit.working_days))
}

fn taken(n: &DocNumber) -> AppError {
    AppError::Conflict(format!(
        "文号 {n} 已被使用，请换一个文号，或留空由系统自动编号"
    ))
}

/// 签发: leadership signs; the document gets its number (typed, or the next
/// of its prefix and year) and is issued to its recipients.
pub async fn sign(
    db: &Db,
    caller: &Caller,
    id: DocumentId,
    input: &StepInput,
) -> Result<DocNumber, AppError> {
    let doc = visible(db, caller, id).await?;
    let section = Section::from_key(&doc.section).unwrap_or(Section::Office);
    next_status(
        doc.status,
        Action::Sign,
        who(caller),
        doc.drafted_by,
        section,
    )
    .map_err(refused)?;
    let today = platform::time::today();
    let prefix = store::prefix(db, doc.issuer).await?;
    let typed = match input
        .number
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(t) => {
            let n = DocNumber::parse(t).map_err(|e| AppError::invalid("number", e.to_string()))?;
            if n.prefix != prefix || n.year != today.year() {
                return Err(AppError::invalid(
                    "number",
                    format!("文号应为 {prefix}〔{}〕开头", today.year()),
                ));
            }
            Some(n)
        }
    };
    // Two signers at once may pick the same next number: the unique key
    // refuses one, who takes the next.
    for _ in 0..3 {
        let mut tx = db.begin().await?;
        let number = match &typed {
            Some(n) => {
                if store::number_taken(&mut tx, n).await? {
                    return Err(taken(n));
                }
                n.clone()
            }
            None => {
                let highest = store::highest_seq(&mut tx, &prefix, today.year()).await?;
                DocNumber::next(&prefix, today.year(), highest).ok_or_else(|| {
                    AppError::Conflict(format!("{prefix}〔{}〕的文号已用完", today.year()))
                })?
            }
        };
        let (days, working) = receipt_limit(&mut tx).await?;
        let due = receipt_due(today, days, working);
        let by = caller.who.user_id.map(|u| u.0);
        match store::sign(&mut tx, id, &number, by, today, due).await {
            Ok(1) => {}
            Ok(_) => {
                return Err(AppError::Conflict(
                    "该公文已被他人办理，请刷新后查看".into(),
                ))
            }
            Err(DbError::Unique(_)) if typed.is_none() => continue,
            Err(DbError::Unique(_)) => return Err(taken(&number)),
            Err(e) => return Err(e.into()),
        }
        recipients::set_due(&mut tx, id, due).await?;
        let name = name_of(&mut tx, caller).await?;
        steps::record(
            &mut tx,
            Kind::Outgoing,
            id.0,
            Action::Sign.as_str(),
            by,
            &name,
            input.comment.trim(),
        )
        .await?;
        audit::commit(
            tx,
            &caller.who,
            Entry::new("update", "public_document", format!("签发：{number} {}", doc.title))
                .id(id.0)
                .after(&serde_json::json!({ "status": DocStatus::Issued, "number": number.to_string(), "receipt_due": due })),
        )
        .await?;
        return Ok(number);
    }
    Err(AppError::Conflict("文号分配繁忙，请重试".into()))
}

/// Sets the number prefix of an issuer (the 办公室 or leadership).
pub async fn set_prefix(
    db: &Db,
    caller: &Caller,
    issuer: Issuer,
    prefix: &str,
) -> Result<(), AppError> {
    if !super::keeps_register(caller) {
        return Err(AppError::Forbidden);
    }
    let prefix = prefix.trim();
    if !crate::domain::documents::valid_prefix(prefix) {
        return Err(AppError::invalid(
            "prefix",
            "文号前缀应为不超过 12 个字的文字，不含数字、空格和括号",
        ));
    }
    let before = store::prefix(db, issuer).await?;
    let mut tx = db.begin().await?;
    store::set_prefix(&mut tx, issuer, prefix).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "public_document_prefix",
            format!("文号前缀（{}）：{before} → {prefix}", issuer.label()),
        )
        .before(&serde_json::json!({ "prefix": before }))
        .after(&serde_json::json!({ "prefix": prefix })),
    )
    .await
}
