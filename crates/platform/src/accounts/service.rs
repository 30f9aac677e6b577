//! Account administration: each change checks the administrator's rights
//! and the rules, writes in one transaction with its audit entry (before and
//! after, never a password hash) and refuses an edit made from a stale page.

use serde::Serialize;

use crate::audit::{self, Entry};
use crate::auth::users::{self, NewUser, UserRow};
use crate::auth::{password, Access, Caller, Role, WorkArea};
use crate::db::{Db, DbError, Tx};
use crate::error::{AppError, FieldError};
use crate::ids::{InstitutionId, UserId};

use super::rules::{self, AccountInput, NewAccount, Standing};
use super::store;

const STALE: &str = "该账号已被他人修改，请刷新页面查看最新信息后再操作";

/// An account as the audit log records it.
#[derive(Serialize)]
struct Snapshot<'a> {
    username: &'a str,
    display_name: &'a str,
    role: &'static str,
    section: Option<&'a str>,
    institution_id: Option<InstitutionId>,
    active: bool,
    must_change_password: bool,
}

fn snapshot(r: &UserRow) -> Snapshot<'_> {
    Snapshot {
        username: &r.username,
        display_name: &r.display_name,
        role: Role::from_parts(&r.role, r.section.as_deref()).map_or("unknown", Role::key),
        section: r.section.as_deref(),
        institution_id: r.institution_id,
        active: r.active,
        must_change_password: r.must_change_password,
    }
}

fn standing(r: &UserRow) -> Result<Standing, AppError> {
    let role = Role::from_parts(&r.role, r.section.as_deref())
        .ok_or_else(|| anyhow::anyhow!("account {} has an unknown role", r.id))?;
    Ok(Standing {
        id: r.id,
        role,
        active: r.active,
    })
}

/// An account that was given a password the administrator must pass on.
#[derive(Debug)]
pub struct Issued {
    pub id: UserId,
    pub username: String,
    /// The temporary password, when the system made it up (shown once).
    pub generated_password: Option<String>,
}

/// The password to set, checked, with the one made up if none was typed.
fn choose_password(
    typed: Option<String>,
    username: &str,
) -> Result<(String, Option<String>), AppError> {
    match typed {
        Some(p) => {
            password::check_policy(&p, username).map_err(|e| AppError::Invalid(vec![e]))?;
            Ok((p, None))
        }
        None => {
            let p = rules::temporary_password(&mut rand::thread_rng());
            Ok((p.clone(), Some(p)))
        }
    }
}

/// Creates an account (checked with [`rules::check_new`]) that must replace
/// its password at the first sign-in.
pub async fn create(db: &Db, caller: &Caller, new: NewAccount) -> Result<Issued, AppError> {
    caller.require(WorkArea::Accounts, Access::Write)?;
    let after = Standing {
        id: UserId(0),
        role: new.input.role,
        active: true,
    };
    rules::check_change(caller.who.user_id, caller.role, None, after, 0)?;
    let (plain, generated_password) = choose_password(new.password, &new.username)?;
    let hash = password::hash(plain).await?;
    let mut tx = db.begin().await?;
    let id = users::create(
        &mut tx,
        NewUser {
            username: &new.username,
            display_name: &new.input.display_name,
            password_hash: &hash,
            role: new.input.role,
            institution: new.input.institution,
            must_change_password: true,
        },
    )
    .await
    .map_err(|e| match e {
        DbError::Unique(_) => AppError::Invalid(vec![FieldError::new(
            "username",
            format!("用户名“{}”已被使用", new.username),
        )]),
        other => other.into(),
    })?;
    let row = store::get(&mut tx, id).await?;
    let summary = format!("新建账号 {}（{}）", new.username, new.input.role.label());
    let entry = Entry::new("create", "user", summary)
        .id(id.0)
        .institution(row.institution_id)
        .after(&snapshot(&row));
    audit::record(&mut tx, &caller.who, entry).await?;
    tx.commit().await?;
    Ok(Issued {
        id,
        username: new.username,
        generated_password,
    })
}

/// Opens the transaction of a change to account `id`, read at `version`,
/// and checks the administrator's right to make it.
async fn begin_change(
    db: &Db,
    caller: &Caller,
    id: UserId,
    version: i64,
    after: impl FnOnce(Standing) -> Standing,
) -> Result<(Tx, UserRow), AppError> {
    caller.require(WorkArea::Accounts, Access::Write)?;
    let mut tx = db.begin().await?;
    store::lock(&mut tx).await?;
    let row = store::get(&mut tx, id).await?;
    if row.version != version {
        return Err(AppError::Conflict(STALE.into()));
    }
    let others = store::other_active_leaders(&mut tx, id).await?;
    let before = standing(&row)?;
    rules::check_change(
        caller.who.user_id,
        caller.role,
        Some(before),
        after(before),
        others,
    )?;
    Ok((tx, row))
}

/// Records the change and commits, or refuses a write that found the
/// account at another version.
async fn finish_change(
    mut tx: Tx,
    caller: &Caller,
    written: bool,
    action: &'static str,
    summary: String,
    before: &UserRow,
) -> Result<(), AppError> {
    if !written {
        return Err(AppError::Conflict(STALE.into()));
    }
    let after = store::get(&mut tx, before.id).await?;
    let entry = Entry::new(action, "user", summary)
        .id(before.id.0)
        .institution(after.institution_id.or(before.institution_id))
        .before(&snapshot(before))
        .after(&snapshot(&after));
    audit::record(&mut tx, &caller.who, entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Changes the name, role and institution of an account.
pub async fn update(
    db: &Db,
    caller: &Caller,
    id: UserId,
    version: i64,
    input: &AccountInput,
) -> Result<(), AppError> {
    let (mut tx, row) = begin_change(db, caller, id, version, |b| Standing {
        role: input.role,
        ..b
    })
    .await?;
    let written = store::update(&mut tx, id, version, input).await?;
    let summary = format!("修改账号 {}（{}）", row.username, input.role.label());
    finish_change(tx, caller, written, "update", summary, &row).await
}

/// Disables an account (it can no longer sign in; its sessions end) or
/// enables it again.
pub async fn set_active(
    db: &Db,
    caller: &Caller,
    id: UserId,
    version: i64,
    active: bool,
) -> Result<(), AppError> {
    let (mut tx, row) = begin_change(db, caller, id, version, |b| Standing { active, ..b }).await?;
    let written = store::set_active(&mut tx, id, version, active).await?;
    if !active {
        store::end_sessions(&mut tx, id).await?;
    }
    let (action, verb) = if active {
        ("enable", "启用")
    } else {
        ("disable", "停用")
    };
    let summary = format!("{verb}账号 {}", row.username);
    finish_change(tx, caller, written, action, summary, &row).await
}

/// Gives an account a temporary password (typed, or made up when `typed` is
/// `None`) that must be replaced at the next sign-in; its sessions end.
pub async fn reset_password(
    db: &Db,
    caller: &Caller,
    id: UserId,
    version: i64,
    typed: Option<String>,
) -> Result<Issued, AppError> {
    let (mut tx, row) = begin_change(db, caller, id, version, |b| b).await?;
    let (plain, generated_password) = choose_password(typed, &row.username)?;
    let hash = password::hash(plain).await?;
    let written = store::set_temporary_password(&mut tx, id, version, &hash).await?;
    store::end_sessions(&mut tx, id).await?;
    let summary = format!("重置账号 {} 的密码", row.username);
    finish_change(tx, caller, written, "reset_password", summary, &row).await?;
    Ok(Issued {
        id,
        username: row.username,
        generated_password,
    })
}
