//! Storage of learning cards (学习卡): the cards, their scope, the holder's
//! sign-in ([`login`]), the citizen's own page ([`mine`]) and enrolment
//! ([`enrolment`]).
//!
//! Scope: a community school sees the cards it issued and those whose
//! holders enrolled in one of its sessions; the bureau sees all.

pub mod enrolment;
pub mod login;
pub mod mine;

use chrono::{DateTime, NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::{Deserialize, Serialize};

use crate::domain::cards::{CardDraft, CardId, CardNo};

/// Most cards one page or export lists.
pub const EXPORT_LIMIT: i64 = 50_000;

/// A card as staff see it (unmasked: the service masks or audits).
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Card {
    pub id: CardId,
    pub card_no: String,
    pub id_number: String,
    pub name: String,
    pub sex: String,
    pub birth_date: NaiveDate,
    pub phone: String,
    pub township_id: i64,
    pub township_name: String,
    pub community: String,
    pub issued_by: Option<i64>,
    pub issuer_name: Option<String>,
    pub registered_via: String,
    pub verified_on: Option<NaiveDate>,
    pub status: String,
    pub created_at: DateTime<Utc>,
}

/// What the card list filters by.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct CardFilter {
    /// 街道（镇）
    pub township_id: Option<i64>,
    /// Part of the name, or the start of a card or ID number.
    pub q: String,
}

const COLUMNS: &str = "SELECT c.id, c.card_no, c.id_number, c.name, c.sex, c.birth_date, c.phone, \
     c.township_id, t.name AS township_name, c.community, c.issued_by, i.name AS issuer_name, \
     c.registered_via, c.verified_on, c.status, c.created_at FROM community_cards c \
     JOIN townships t ON t.id = c.township_id LEFT JOIN institutions i ON i.id = c.issued_by \
     WHERE 1=1";

/// The cards a scope sees: all, or those its institution issued or whose
/// holders enrolled in one of its sessions.
pub fn restrict(q: Sql, scope: &Scope) -> Sql {
    match scope.institution() {
        None => q,
        Some(own) => q
            .push(" AND (c.issued_by = ")
            .bind(own)
            .push(
                " OR EXISTS (SELECT 1 FROM community_enrolments e JOIN community_sessions s \
                 ON s.id = e.session_id WHERE e.card_id = c.id AND s.institution_id = ",
            )
            .bind(own)
            .push("))"),
    }
}

fn filtered(f: &CardFilter, scope: &Scope) -> Sql {
    let mut q = Sql::new(COLUMNS);
    if let Some(t) = f.township_id {
        q = q.push(" AND c.township_id = ").bind(t);
    }
    let text = f.q.trim();
    if !text.is_empty() {
        if text.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            q = q
                .push(" AND (c.card_no = ")
                .bind(text.to_ascii_uppercase())
                .push(" OR c.id_number = ")
                .bind(text.to_ascii_uppercase())
                .push(")");
        } else {
            q = q.and_any_contains(&["c.name"], text);
        }
    }
    restrict(q, scope)
}

/// A page of the cards in scope, newest first.
pub async fn list<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    f: &CardFilter,
    limit: i64,
    offset: i64,
) -> Result<Vec<Card>, DbError> {
    let q = filtered(f, scope)
        .push(" ORDER BY c.id DESC")
        .limit(limit, offset);
    ex.into().fetch_all(q).await
}

/// How many cards in scope match.
pub async fn count<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    f: &CardFilter,
) -> Result<i64, DbError> {
    let q = filtered(f, scope).wrap("SELECT COUNT(*) FROM (", ") n");
    ex.into().scalar(q).await
}

/// One card, if the scope sees it.
pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: CardId,
) -> Result<Option<Card>, DbError> {
    let q = restrict(Sql::new(COLUMNS).push(" AND c.id = ").bind(id), scope);
    ex.into().fetch_optional(q).await
}

/// Whether a card with this ID number exists.
pub async fn id_number_taken(tx: &mut Tx, id_number: &str) -> Result<bool, DbError> {
    let n = tx
        .scalar(Sql::new("SELECT COUNT(*) FROM community_cards WHERE id_number = ").bind(id_number))
        .await?;
    Ok(n > 0)
}

/// How a card comes to be.
pub struct Issue {
    pub issued_by: Option<i64>,
    /// `desk` or `online`.
    pub via: &'static str,
    pub verified_on: Option<NaiveDate>,
}

/// Stores a card; its number is set from its id by [`set_number`].
pub async fn insert(tx: &mut Tx, d: &CardDraft, how: &Issue) -> Result<CardId, DbError> {
    let now = platform::time::now();
    let q = Sql::new(
        "INSERT INTO community_cards (card_no, id_number, name, sex, birth_date, phone, \
         township_id, community, issued_by, registered_via, verified_on, status, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'active', $12, $13) \
         RETURNING id",
    )
    .arg(format!("new:{}", d.id_number.as_str()))
    .arg(d.id_number.as_str())
    .arg(d.name.as_str())
    .arg(d.sex_code())
    .arg(d.birth_date)
    .arg(d.phone.as_str())
    .arg(d.township_id)
    .arg(d.community.as_str())
    .arg(how.issued_by)
    .arg(how.via)
    .arg(how.verified_on)
    .arg(now)
    .arg(now);
    Ok(CardId(tx.scalar(q).await?))
}

pub async fn set_number(tx: &mut Tx, id: CardId, no: &CardNo) -> Result<(), DbError> {
    tx.execute(
        Sql::new("UPDATE community_cards SET card_no = $1 WHERE id = $2")
            .arg(no.as_str())
            .arg(id),
    )
    .await?;
    Ok(())
}
