//! Account storage.

use chrono::{DateTime, Duration, Utc};

use crate::db::{Db, DbError, Sql, Tx};
use crate::ids::{InstitutionId, UserId};

use super::{Role, Scope};

/// After this many wrong passwords in a row the account is locked for
/// [`LOCKOUT`].
pub const MAX_FAILED_LOGINS: i64 = 5;
pub const LOCKOUT: Duration = Duration::minutes(15);

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct UserRow {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: String,
    pub section: Option<String>,
    pub institution_id: Option<InstitutionId>,
    pub active: bool,
    pub failed_logins: i64,
    pub locked_until: Option<DateTime<Utc>>,
    pub must_change_password: bool,
}

/// A signed-in user, as the rest of the program sees them.
#[derive(Clone, Debug, serde::Serialize)]
pub struct User {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub institution: Option<InstitutionId>,
    pub must_change_password: bool,
}

impl UserRow {
    pub fn to_user(&self) -> Option<User> {
        Some(User {
            id: self.id,
            username: self.username.clone(),
            display_name: self.display_name.clone(),
            role: Role::from_parts(&self.role, self.section.as_deref())?,
            institution: self.institution_id,
            must_change_password: self.must_change_password,
        })
    }
}

impl User {
    pub fn scope(&self) -> Scope {
        match (self.role, self.institution) {
            (Role::Institution, Some(id)) => Scope::Institution(id),
            // An institution account without an institution sees nothing;
            // the database's CHECK constraint forbids that row anyway.
            (Role::Institution, None) => Scope::Institution(InstitutionId(-1)),
            _ => Scope::All,
        }
    }
}

const COLUMNS: &str = "id, username, display_name, password_hash, role, section, institution_id, active, failed_logins, locked_until, must_change_password";

pub async fn find_by_username(db: &Db, username: &str) -> Result<Option<UserRow>, DbError> {
    db.fetch_optional(
        Sql::new(format!("SELECT {COLUMNS} FROM users WHERE username = ")).bind(username),
    )
    .await
}

pub async fn get(db: &Db, id: UserId) -> Result<Option<UserRow>, DbError> {
    db.fetch_optional(Sql::new(format!("SELECT {COLUMNS} FROM users WHERE id = ")).bind(id))
        .await
}

pub async fn count(db: &Db) -> Result<i64, DbError> {
    db.scalar(Sql::new("SELECT COUNT(*) FROM users")).await
}

pub async fn list(db: &Db) -> Result<Vec<UserRow>, DbError> {
    db.fetch_all(Sql::new(format!("SELECT {COLUMNS} FROM users ORDER BY id")))
        .await
}

/// A new account; the password is hashed already.
pub struct NewUser<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub institution: Option<InstitutionId>,
    pub must_change_password: bool,
}

pub async fn create(tx: &mut Tx, u: NewUser<'_>) -> Result<UserId, DbError> {
    let section = match u.role {
        Role::Section(s) => Some(s.key()),
        _ => None,
    };
    let id = tx
        .scalar(
            Sql::new("INSERT INTO users (username, display_name, password_hash, role, section, institution_id, must_change_password, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
                .arg(u.username)
                .arg(u.display_name)
                .arg(u.password_hash)
                .arg(u.role.key())
                .arg(section)
                .arg(u.institution)
                .arg(u.must_change_password)
                .arg(Utc::now()),
        )
        .await?;
    Ok(UserId(id))
}

/// Counts a wrong password; the fifth in a row locks the account.
pub async fn record_failed_login(
    db: &Db,
    user: &UserRow,
) -> Result<Option<DateTime<Utc>>, DbError> {
    let failures = user.failed_logins + 1;
    let (failures, locked) = if failures >= MAX_FAILED_LOGINS {
        (0, Some(Utc::now() + LOCKOUT))
    } else {
        (failures, None)
    };
    db.execute(
        Sql::new("UPDATE users SET failed_logins = $1, locked_until = $2 WHERE id = $3")
            .arg(failures)
            .arg(locked)
            .arg(user.id),
    )
    .await?;
    Ok(locked)
}

pub async fn record_successful_login(db: &Db, id: UserId) -> Result<(), DbError> {
    db.execute(
        Sql::new("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ").bind(id),
    )
    .await?;
    Ok(())
}

pub async fn set_password(tx: &mut Tx, id: UserId, password_hash: &str) -> Result<(), DbError> {
    tx.execute(
        Sql::new("UPDATE users SET password_hash = $1, must_change_password = $2 WHERE id = $3")
            .arg(password_hash)
            .arg(false)
            .arg(id),
    )
    .await?;
    Ok(())
}
