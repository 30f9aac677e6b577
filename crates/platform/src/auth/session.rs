//! Server-side sessions. The cookie holds a random token; the database keeps
//! only its SHA-256, so a leaked database cannot be replayed as cookies.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::db::{Db, DbError, Sql};
use crate::ids::UserId;

pub const COOKIE: &str = "edb_session";

/// How long a session lasts (configurable: `[session]` in the
/// configuration file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionLimits {
    /// Signed out after this long without a request.
    pub idle: Duration,
    /// Signed out after this long whatever happens.
    pub absolute: Duration,
}

impl Default for SessionLimits {
    fn default() -> Self {
        SessionLimits {
            idle: Duration::minutes(30),
            absolute: Duration::hours(12),
        }
    }
}
/// `last_seen_at` is written at most this often, not on every request.
const TOUCH_EVERY: Duration = Duration::seconds(60);

pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

fn digest(token: &str) -> String {
    let d = Sha256::digest(token.as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionRow {
    pub user_id: UserId,
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

/// Creates a session and returns the cookie token.
pub async fn create(db: &Db, user: UserId) -> Result<String, DbError> {
    let token = random_token();
    let now = Utc::now();
    db.execute(
        Sql::new("INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5)")
            .arg(digest(&token))
            .arg(user)
            .arg(random_token())
            .arg(now)
            .arg(now),
    )
    .await?;
    Ok(token)
}

/// The live session for a cookie token; expired sessions are deleted.
pub async fn lookup(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
    limits: &SessionLimits,
) -> Result<Option<SessionRow>, DbError> {
    let id_hash = digest(token);
    let row: Option<SessionRow> = db
        .fetch_optional(
            Sql::new("SELECT user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE id_hash = ")
                .bind(id_hash.as_str()),
        )
        .await?;
    let Some(row) = row else { return Ok(None) };
    if now - row.last_seen_at > limits.idle || now - row.created_at > limits.absolute {
        db.execute(Sql::new("DELETE FROM sessions WHERE id_hash = ").bind(id_hash))
            .await?;
        return Ok(None);
    }
    if now - row.last_seen_at > TOUCH_EVERY {
        db.execute(
            Sql::new("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
                .arg(now)
                .arg(id_hash),
        )
        .await?;
    }
    Ok(Some(row))
}

pub async fn delete(db: &Db, token: &str) -> Result<(), DbError> {
    db.execute(Sql::new("DELETE FROM sessions WHERE id_hash = ").bind(digest(token)))
        .await?;
    Ok(())
}

/// Signs a user out everywhere (after a password change).
pub async fn delete_for_user(db: &Db, user: UserId) -> Result<(), DbError> {
    db.execute(Sql::new("DELETE FROM sessions WHERE user_id = ").bind(user))
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_digests_stable() {
        let a = random_token();
        let b = random_token();
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(digest("x"), digest("x"));
        assert_eq!(digest("x").len(), 64);
    }
}
