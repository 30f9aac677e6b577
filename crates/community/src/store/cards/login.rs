//! A card holder's password and sessions (community_card_logins,
//! community_card_sessions). Sessions are kept as the SHA-256 of their
//! token, like staff sessions.

use chrono::{DateTime, Duration, Utc};
use platform::db::{Db, DbError, Sql, Tx};
use sha2::{Digest, Sha256};

use crate::domain::cards::{CardId, CardNo, Mobile};

/// The SHA-256 (hex) of a session token, as stored.
pub fn digest(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What a sign-in checks: the card, its password hash and status.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Credentials {
    pub card_id: CardId,
    pub password_hash: String,
    pub status: String,
}

const CREDENTIALS: &str =
    "SELECT c.id AS card_id, l.password_hash, c.status FROM community_cards c \
     JOIN community_card_logins l ON l.card_id = c.id WHERE ";

pub async fn by_card_no(db: &Db, no: &CardNo) -> Result<Option<Credentials>, DbError> {
    db.fetch_optional(Sql::new(CREDENTIALS).push("c.card_no = ").bind(no.as_str()))
        .await
}

/// Every card with this phone that has a password (a phone may be shared).
pub async fn by_phone(db: &Db, phone: &Mobile) -> Result<Vec<Credentials>, DbError> {
    db.fetch_all(
        Sql::new(CREDENTIALS)
            .push("c.phone = ")
            .bind(phone.as_str())
            .push(" ORDER BY c.id LIMIT 5"),
    )
    .await
}

/// Sets (or replaces) a card's password hash and ends its sessions.
pub async fn set_password(tx: &mut Tx, card: CardId, hash: &str) -> Result<(), DbError> {
    tx.execute(Sql::new("DELETE FROM community_card_logins WHERE card_id = ").bind(card))
        .await?;
    tx.execute(Sql::new("DELETE FROM community_card_sessions WHERE card_id = ").bind(card))
        .await?;
    tx.execute(
        Sql::new(
            "INSERT INTO community_card_logins (card_id, password_hash, updated_at) \
             VALUES ($1, $2, $3)",
        )
        .arg(card)
        .arg(hash)
        .arg(platform::time::now()),
    )
    .await?;
    Ok(())
}

/// A live session of a card holder.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CardSession {
    pub card_id: CardId,
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

/// Opens a session; returns the cookie's token.
pub async fn open(db: &Db, card: CardId) -> Result<String, DbError> {
    let token = platform::auth::session::random_token();
    let now = platform::time::now();
    db.execute(
        Sql::new(
            "INSERT INTO community_card_sessions (id_hash, card_id, csrf_token, created_at, \
             last_seen_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .arg(digest(&token))
        .arg(card)
        .arg(platform::auth::session::random_token())
        .arg(now)
        .arg(now),
    )
    .await?;
    Ok(token)
}

/// The session of a token, unless idle for `idle` or older than
/// `absolute` (then deleted). `last_seen_at` is written at most once a
/// minute.
pub async fn find(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
    (idle, absolute): (Duration, Duration),
) -> Result<Option<CardSession>, DbError> {
    let id_hash = digest(token);
    let row: Option<CardSession> = db
        .fetch_optional(
            Sql::new(
                "SELECT card_id, csrf_token, created_at, last_seen_at FROM \
                 community_card_sessions WHERE id_hash = ",
            )
            .bind(id_hash.as_str()),
        )
        .await?;
    let Some(row) = row else { return Ok(None) };
    if now - row.last_seen_at > idle || now - row.created_at > absolute {
        close(db, token).await?;
        return Ok(None);
    }
    if now - row.last_seen_at > Duration::seconds(60) {
        db.execute(
            Sql::new("UPDATE community_card_sessions SET last_seen_at = $1 WHERE id_hash = $2")
                .arg(now)
                .arg(id_hash),
        )
        .await?;
    }
    Ok(Some(row))
}

pub async fn close(db: &Db, token: &str) -> Result<(), DbError> {
    db.execute(
        Sql::new("DELETE FROM community_card_sessions WHERE id_hash = ").bind(digest(token)),
    )
    .await?;
    Ok(())
}
