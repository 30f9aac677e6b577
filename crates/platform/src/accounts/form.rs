//! The account form (new and edit), the institution picker and the page
//! that shows a temporary password once.

use maud::{html, Markup};
use serde::Deserialize;

use crate::auth::Actor;
use crate::error::FieldError;
use crate::web::forms::{csrf_field, empty_as_none, error_summary, field_error, select};
use crate::web::{page, InstitutionChoice};

use super::rules;
use super::service::Issued;
use super::view::AccountView;

/// What the account form sends.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub role: String,
    /// The institution's label, name or code as typed or picked.
    #[serde(default)]
    pub institution: String,
    #[serde(default)]
    pub password: String,
    #[serde(default, deserialize_with = "empty_as_none")]
    pub version: Option<i64>,
}

impl AccountForm {
    /// The form filled in from an existing account.
    pub fn of(a: &AccountView) -> Self {
        AccountForm {
            username: a.username.clone(),
            display_name: a.display_name.clone(),
            role: a.role_value(),
            institution: a.institution_name.clone().unwrap_or_default(),
            password: String::new(),
            version: Some(a.version),
        }
    }
}

pub use crate::web::directory::picker as institution_picker;

/// The roles this administrator may give, as (value, label).
pub fn grantable_roles(actor: &Actor) -> Vec<(String, String)> {
    rules::role_options()
        .into_iter()
        .filter(|(v, _)| rules::parse_role(v).is_some_and(|r| rules::may_grant(actor.role(), r)))
        .collect()
}

/// The form of a new account (`editing` is `None`) or of an existing one.
pub fn account_form(
    actor: &Actor,
    values: &AccountForm,
    errors: &[FieldError],
    all: &[InstitutionChoice],
    editing: Option<&AccountView>,
) -> Markup {
    let action = editing.map_or_else(
        || "/accounts".to_string(),
        |a| format!("/accounts/{}", a.id),
    );
    html! {
        (error_summary(errors))
        form.stacked method="post" action=(action) {
            (csrf_field(actor))
            @if let Some(v) = values.version { input type="hidden" name="version" value=(v); }
            @if editing.is_none() {
                label for="username" { "用户名（登录用：英文字母、数字、下划线、点或连字符）" }
                input type="text" id="username" name="username" value=(values.username) autocomplete="off" required;
                (field_error(errors, "username"))
            }
            label for="display_name" { "姓名" }
            input type="text" id="display_name" name="display_name" value=(values.display_name) required;
            (field_error(errors, "display_name"))
            label for="role" { "角色" }
            (select("role", &grantable_roles(actor), &values.role, Some("请选择角色")))
            (field_error(errors, "role"))
            label for="institution" { "所属机构（学校管理员必选）" }
            (institution_picker("institution", &values.institution, all))
            (field_error(errors, "institution"))
            @if editing.is_none() {
                label for="password" { "初始密码（可留空，由系统生成临时密码；用户首次登录时须修改）" }
                input type="password" id="password" name="password" autocomplete="new-password";
                (field_error(errors, "password"))
            }
            p { button type="submit" { @if editing.is_some() { "保存修改" } @else { "创建账号" } } }
        }
    }
}

/// The page after creating an account or resetting its password: the
/// temporary password, shown this once.
pub fn issued_page(actor: &Actor, title: &str, issued: &Issued) -> Markup {
    page(
        actor,
        title,
        html! {
            p.notice { "账号 " strong { (issued.username) } " 已设置初始密码，本人首次登录时须修改密码。" }
            @match &issued.generated_password {
                Some(p) => {
                    p { "临时密码（只显示这一次，请当面或通过安全渠道告知本人）：" }
                    p { code id="temporary-password" { (p) } }
                }
                None => p { "初始密码为您刚才输入的密码。" },
            }
            div.actions {
                a.button href=(format!("/accounts/{}", issued.id)) { "查看账号" }
                a.button.secondary href="/accounts" { "返回账号列表" }
            }
        },
    )
}
