//! The rules of account administration, as plain functions: what a valid
//! account looks like, who may grant which role, and the changes that would
//! lock the bureau out of its own system.

use rand::Rng;

use crate::auth::{password, Role, Section};
use crate::error::{AppError, FieldError};
use crate::ids::{InstitutionId, UserId};
use crate::vocab::{Checker, Field};

/// An account's role, institution and name as an administrator set them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountInput {
    pub display_name: String,
    pub role: Role,
    pub institution: Option<InstitutionId>,
}

/// The institution a form or request named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InstitutionPick {
    Blank,
    Found(InstitutionId),
    /// Typed, but no institution has that name, code or id.
    Unknown(String),
}

/// A role as one value of a drop-down or filter: `leadership`, `inspector`,
/// `institution` or `section:<section key>`.
pub fn role_value(role: Role) -> String {
    match role {
        Role::Section(s) => format!("section:{}", s.key()),
        other => other.key().to_string(),
    }
}

pub fn parse_role(value: &str) -> Option<Role> {
    let (role, section) = match value.trim().split_once(':') {
        Some((r, s)) => (r, Some(s)),
        None => (value.trim(), None),
    };
    Role::from_parts(role, section).filter(|r| matches!(r, Role::Section(_)) == section.is_some())
}

/// Every role, as (value, label) for a drop-down.
pub fn role_options() -> Vec<(String, String)> {
    let sections = Section::ALL.into_iter().map(Role::Section);
    [Role::Leadership]
        .into_iter()
        .chain(sections)
        .chain([Role::Inspector, Role::Institution])
        .map(|r| (role_value(r), r.label()))
        .collect()
}

/// Whether an administrator with `admin`'s role may give or manage `role`:
/// only leadership manages leadership accounts, so the information centre
/// cannot raise anyone (itself included) to leadership.
pub fn may_grant(admin: Role, role: Role) -> bool {
    role != Role::Leadership || admin == Role::Leadership
}

pub const MAX_USERNAME: usize = 32;
pub const MAX_DISPLAY_NAME: usize = 50;
const DISPLAY_NAME: Field = Field::new("display_name", "姓名");

/// A new account's user name: 2 to 32 letters, digits, `_`, `.` or `-`.
pub fn check_username(username: &str) -> Result<(), FieldError> {
    let ok_chars = username
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    let len = username.chars().count();
    if !ok_chars || !(2..=MAX_USERNAME).contains(&len) {
        return Err(FieldError::new(
            "username",
            format!("用户名须为 2–{MAX_USERNAME} 位英文字母、数字、下划线、点或连字符"),
        ));
    }
    Ok(())
}

/// Checks the name, role and institution of an account.
pub fn check_input(
    display_name: &str,
    role: &str,
    institution: InstitutionPick,
) -> Result<AccountInput, Vec<FieldError>> {
    let mut c = Checker::new();
    let display_name = c.required_text(DISPLAY_NAME, display_name, MAX_DISPLAY_NAME);
    let role = parse_role(role);
    if role.is_none() {
        c.custom("role", "请选择角色");
    }
    let institution = match (role, institution) {
        (Some(Role::Institution), InstitutionPick::Found(id)) => Some(id),
        (Some(Role::Institution), InstitutionPick::Blank) => {
            c.custom("institution", "学校管理员须选择所属机构");
            None
        }
        (Some(Role::Institution), InstitutionPick::Unknown(typed)) => {
            c.custom(
                "institution",
                format!("未找到机构“{typed}”，请从列表中选择"),
            );
            None
        }
        _ => None,
    };
    match role {
        Some(role) => c.finish(AccountInput {
            display_name: display_name.to_string(),
            role,
            institution,
        }),
        None => Err(c.into_errors()),
    }
}

/// A new account, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAccount {
    pub username: String,
    pub input: AccountInput,
    /// Typed by the administrator; `None`: the system makes one up.
    pub password: Option<String>,
}

/// Checks every field of a new account, reporting all problems at once.
pub fn check_new(
    username: &str,
    display_name: &str,
    role: &str,
    institution: InstitutionPick,
    password: Option<&str>,
) -> Result<NewAccount, Vec<FieldError>> {
    let username = username.trim();
    let mut errors: Vec<FieldError> = check_username(username).err().into_iter().collect();
    let input = check_input(display_name, role, institution).map_err(|e| errors.extend(e));
    if let Some(Err(e)) = password.map(|p| password::check_policy(p, username)) {
        errors.push(e);
    }
    match input {
        Ok(input) if errors.is_empty() => Ok(NewAccount {
            username: username.to_string(),
            input,
            password: password.map(str::to_string),
        }),
        _ => Err(errors),
    }
}

/// An account as the rules below see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    pub id: UserId,
    pub role: Role,
    pub active: bool,
}

impl Standing {
    fn active_leader(self) -> bool {
        self.active && self.role == Role::Leadership
    }
}

/// Why a change to an account is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    LeadershipOnly,
    OwnAccount,
    LastLeader,
}

impl From<Refusal> for AppError {
    fn from(r: Refusal) -> AppError {
        match r {
            Refusal::LeadershipOnly => AppError::Forbidden,
            Refusal::OwnAccount => AppError::Conflict("不能停用自己正在使用的账号".into()),
            Refusal::LastLeader => {
                AppError::Conflict("这是最后一个启用的局领导账号，不能停用或改为其他角色".into())
            }
        }
    }
}

/// Whether an administrator (`admin`, `admin_role`) may turn account
/// `before` into `after` (`before` is `None` for a new account), when
/// `other_leaders` other active leadership accounts exist.
pub fn check_change(
    admin: Option<UserId>,
    admin_role: Role,
    before: Option<Standing>,
    after: Standing,
    other_leaders: i64,
) -> Result<(), Refusal> {
    let mut roles = before.map(|b| b.role).into_iter().chain([after.role]);
    if roles.any(|r| !may_grant(admin_role, r)) {
        return Err(Refusal::LeadershipOnly);
    }
    let Some(before) = before else {
        return Ok(());
    };
    if before.active && !after.active && admin == Some(before.id) {
        return Err(Refusal::OwnAccount);
    }
    if before.active_leader() && !after.active_leader() && other_leaders < 1 {
        return Err(Refusal::LastLeader);
    }
    Ok(())
}

const PASSWORD_CHARS: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
pub const TEMPORARY_PASSWORD_LEN: usize = 12;

/// A temporary password to show once: 12 characters without look-alikes
/// (no 0/O, 1/l/I), meeting the password policy.
pub fn temporary_password(rng: &mut impl Rng) -> String {
    loop {
        let p: String = (0..TEMPORARY_PASSWORD_LEN)
            .map(|_| char::from(PASSWORD_CHARS[rng.gen_range(0..PASSWORD_CHARS.len())]))
            .collect();
        if password::check_policy(&p, "").is_ok() {
            return p;
        }
    }
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
