//! Account storage for administration: the filtered list and the versioned
//! writes. Sign-in lookups stay in `auth::users`.

use crate::auth::users::{UserRow, COLUMNS};
use crate::auth::Role;
use crate::db::{Backend, Db, DbError, Ex, Sql, Tx};
use crate::ids::{InstitutionId, UserId};

use super::rules::AccountInput;

pub const PAGE_SIZE: i64 = 50;

/// What the list is narrowed to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Criteria {
    /// Part of the user name or the person's name.
    pub text: Option<String>,
    pub role: Option<Role>,
    pub institution: Option<InstitutionId>,
    pub active: Option<bool>,
    /// 1-based.
    pub page: i64,
}

fn filtered(select: &str, c: &Criteria) -> Sql {
    let mut q = Sql::new(format!("{select} FROM users WHERE 1=1"));
    if let Some(text) = &c.text {
        q = q.and_any_contains(&["username", "display_name"], text);
    }
    if let Some(role) = c.role {
        q = q.push(" AND role = ").bind(role.key());
        if let Role::Section(s) = role {
            q = q.push(" AND section = ").bind(s.key());
        }
    }
    if let Some(id) = c.institution {
        q = q.push(" AND institution_id = ").bind(id);
    }
    if let Some(active) = c.active {
        q = q.push(" AND active = ").bind(active);
    }
    q
}

/// One page of accounts (by user name) and how many match in all.
pub async fn list(db: &Db, c: &Criteria) -> Result<(Vec<UserRow>, i64), DbError> {
    let total = db.scalar(filtered("SELECT COUNT(*)", c)).await?;
    let rows = db
        .fetch_all(
            filtered(&format!("SELECT {COLUMNS}"), c)
                .push(" ORDER BY username")
                .limit(PAGE_SIZE, (c.page.max(1) - 1) * PAGE_SIZE),
        )
        .await?;
    Ok((rows, total))
}

/// Serialises account changes, so two administrators cannot each remove
/// "another" leader at the same moment. SQLite's write transactions are
/// serial already.
pub async fn lock(tx: &mut Tx) -> Result<(), DbError> {
    if tx.backend() == Backend::Postgres {
        tx.execute(Sql::new("SELECT pg_advisory_xact_lock(7220002)"))
            .await?;
    }
    Ok(())
}

pub async fn get(ex: impl Into<Ex<'_>>, id: UserId) -> Result<UserRow, DbError> {
    ex.into()
        .fetch_one(Sql::new(format!("SELECT {COLUMNS} FROM users WHERE id = ")).bind(id))
        .await
}

/// Active leadership accounts other than `id`.
pub async fn other_active_leaders(tx: &mut Tx, id: UserId) -> Result<i64, DbError> {
    tx.scalar(
        Sql::new("SELECT COUNT(*) FROM users WHERE role = 'leadership' AND active = ")
            .bind(true)
            .push(" AND id <> ")
            .bind(id),
    )
    .await
}

/// Writes `set` (`column = $n, …`, arguments already bound) if the account
/// is still at `version`; false if it moved on.
async fn versioned(tx: &mut Tx, set: Sql, id: UserId, version: i64) -> Result<bool, DbError> {
    let q = set
        .push(", version = version + 1 WHERE id = ")
        .bind(id)
        .push(" AND version = ")
        .bind(version);
    Ok(tx.execute(q).await? == 1)
}

pub async fn update(
    tx: &mut Tx,
    id: UserId,
    version: i64,
    a: &AccountInput,
) -> Result<bool, DbError> {
    let section = match a.role {
        Role::Section(s) => Some(s.key()),
        _ => None,
    };
    let set = Sql::new("UPDATE users SET display_name = ")
        .bind(a.display_name.as_str())
        .push(", role = ")
        .bind(a.role.key())
        .push(", section = ")
        .bind(section)
        .push(", institution_id = ")
        .bind(a.institution);
    versioned(tx, set, id, version).await
}

pub async fn set_active(
    tx: &mut Tx,
    id: UserId,
    version: i64,
    active: bool,
) -> Result<bool, DbError> {
    versioned(
        tx,
        Sql::new("UPDATE users SET active = ").bind(active),
        id,
        version,
    )
    .await
}

/// A password set by an administrator, to be replaced at the next sign-in.
pub async fn set_temporary_password(
    tx: &mut Tx,
    id: UserId,
    version: i64,
    hash: &str,
) -> Result<bool, DbError> {
    let set = Sql::new("UPDATE users SET password_hash = ")
        .bind(hash)
        .push(", must_change_password = ")
        .bind(true);
    versioned(tx, set, id, version).await
}

/// Signs an account out everywhere, inside the change's transaction.
pub async fn end_sessions(tx: &mut Tx, id: UserId) -> Result<(), DbError> {
    tx.execute(Sql::new("DELETE FROM sessions WHERE user_id = ").bind(id))
        .await?;
    Ok(())
}
