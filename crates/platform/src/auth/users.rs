//! Account storage.

use chrono::{DateTime, Utc};

use crate::db::{Db, DbError, Sql, Tx};
use crate::ids::{InstitutionId, UserId};

use super::{Role, Scope};

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
    pub must_change_password: bool,
    pub created_at: DateTime<Utc>,
    /// Raised by every change, for optimistic concurrency.
    pub version: i64,
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

pub(crate) const COLUMNS: &str = "id, username, display_name, password_hash, role, section, institution_id, active, must_change_password, created_at, version";

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

pub async fn set_password(tx: &mut Tx, id: UserId, password_hash: &str) -> Result<(), DbError> {
    tx.execute(
        Sql::new("UPDATE users SET password_hash = $1, must_change_password = $2, version = version + 1 WHERE id = $3")
            .arg(password_hash)
            .arg(false)
            .arg(id),
    )
    .await?;
    Ok(())
}
