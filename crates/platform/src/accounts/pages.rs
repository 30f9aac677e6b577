//! The account pages: the list, a new account, and one account with its
//! edit form, enable/disable and password reset.

use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use serde::Deserialize;

use crate::auth::{Access, Actor, Caller, WorkArea};
use crate::error::{AppError, FieldError, PageResult};
use crate::ids::UserId;
use crate::web::forms::{csrf_field, empty_as_none, field_error, select};
use crate::web::pager::Pager;
use crate::web::{page, AppState, InstitutionChoice};

use super::form::{account_form, institution_picker, issued_page, AccountForm};
use super::rules;
use super::service;
use super::store::{self, PAGE_SIZE};
use super::view::{pick_institution, AccountQuery, AccountView};

pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    Query(f): Query<AccountQuery>,
) -> PageResult {
    actor.require(WorkArea::Accounts, Access::Read)?;
    let all = (state.institutions)(&state.db).await?;
    let (rows, total, problem) = match f.criteria(&all) {
        Ok(c) => {
            let (rows, total) = store::list(&state.db, &c).await?;
            (rows, total, None)
        }
        Err(why) => (Vec::new(), 0, Some(why)),
    };
    let accounts: Vec<AccountView> = rows.iter().map(|r| AccountView::new(r, &all)).collect();
    let pager = Pager::new(f.page.unwrap_or(1), PAGE_SIZE, total);
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let statuses = [("active", "启用"), ("disabled", "已停用")].map(|(v, l)| (v.into(), l.into()));
    let body = html! {
        form.filters method="get" action="/accounts" {
            label { "用户名或姓名" input type="text" name="q" value=(text(&f.q)); }
            label { "角色" (select("role", &rules::role_options(), &text(&f.role), Some("全部"))) }
            label { "所属机构" (institution_picker("institution", &text(&f.institution), &all)) }
            label { "状态" (select("status", &statuses, &text(&f.status), Some("全部"))) }
            button type="submit" { "查询" }
        }
        div.actions {
            @if actor.may(WorkArea::Accounts, Access::Write) { a.button href="/accounts/new" { "新建账号" } }
        }
        @if let Some(why) = &problem { p.alert role="alert" { (why) "，没有可显示的账号。" } }
        p.muted { "共 " (total) " 个账号" }
        table id="accounts" {
            thead { tr { th { "用户名" } th { "姓名" } th { "角色" } th { "所属机构" } th { "状态" } th { "创建时间" } } }
            tbody {
                @for a in &accounts {
                    tr {
                        td { a href=(format!("/accounts/{}", a.id)) { (a.username) } }
                        td { (a.display_name) }
                        td { (a.role_label) }
                        td { (a.institution_name.as_deref().unwrap_or("—")) }
                        td { (status_label(a)) }
                        td { (crate::time::show_minute(a.created_at.to_utc())) }
                    }
                }
            }
        }
        (pager.view("/accounts", &f.filters()))
    };
    Ok(page(&actor, "账号管理", body).into_response())
}

fn status_label(a: &AccountView) -> &'static str {
    match (a.active, a.must_change_password) {
        (false, _) => "已停用",
        (true, true) => "启用（待首次改密）",
        (true, false) => "启用",
    }
}

pub async fn new_page(State(state): State<AppState>, actor: Actor) -> PageResult {
    actor.require(WorkArea::Accounts, Access::Write)?;
    let all = (state.institutions)(&state.db).await?;
    let form = account_form(&actor, &AccountForm::default(), &[], &all, None);
    Ok(page(&actor, "新建账号", form).into_response())
}

fn new_again(
    actor: &Actor,
    f: &AccountForm,
    errors: &[FieldError],
    all: &[InstitutionChoice],
) -> PageResult {
    let form = account_form(actor, f, errors, all, None);
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        page(actor, "新建账号", form),
    )
        .into_response())
}

pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    Form(f): Form<AccountForm>,
) -> PageResult {
    actor.require(WorkArea::Accounts, Access::Write)?;
    let all = (state.institutions)(&state.db).await?;
    let pick = pick_institution(Some(&f.institution), None, &all);
    let password = Some(f.password.as_str()).filter(|p| !p.is_empty());
    let new = match rules::check_new(&f.username, &f.display_name, &f.role, pick, password) {
        Ok(new) => new,
        Err(errors) => return new_again(&actor, &f, &errors, &all),
    };
    match service::create(&state.db, &Caller::from(&actor), new).await {
        Ok(issued) => Ok(issued_page(&actor, "账号已创建", &issued).into_response()),
        Err(AppError::Invalid(errors)) => new_again(&actor, &f, &errors, &all),
        Err(e) => Err(e),
    }
}

/// The field name a reset's password error is shown under.
const RESET_FIELD: &str = "new_password";

fn missing_version() -> AppError {
    AppError::BadRequest("表单缺少版本号，请刷新页面后重试".into())
}

#[derive(Deserialize, Default)]
pub struct Notice {
    notice: Option<String>,
}

fn notice_text(code: &str) -> Option<&'static str> {
    Some(match code {
        "saved" => "已保存修改。",
        "enabled" => "账号已启用。",
        "disabled" => "账号已停用，其登录会话已全部结束。",
        _ => return None,
    })
}

async fn load(
    state: &AppState,
    id: UserId,
) -> Result<(AccountView, Vec<InstitutionChoice>), AppError> {
    let row = crate::auth::users::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let all = (state.institutions)(&state.db).await?;
    Ok((AccountView::new(&row, &all), all))
}

/// One account: its facts, the edit form and the other actions.
fn detail_page(
    actor: &Actor,
    a: &AccountView,
    all: &[InstitutionChoice],
    form: &AccountForm,
    errors: &[FieldError],
    notice: Option<&str>,
) -> Markup {
    let (toggle, toggle_label) = if a.active {
        ("false", "停用账号")
    } else {
        ("true", "启用账号")
    };
    let body = html! {
        @if let Some(n) = notice { p.notice { (n) } }
        dl.facts {
            dt { "用户名" } dd { (a.username) }
            dt { "姓名" } dd { (a.display_name) }
            dt { "角色" } dd { (a.role_label) }
            dt { "所属机构" } dd { (a.institution_name.as_deref().unwrap_or("—")) }
            dt { "状态" } dd { (status_label(a)) }
            dt { "创建时间" } dd { (crate::time::show_minute(a.created_at.to_utc())) }
            dt { "版本" } dd { (a.version) }
        }
        h2 { "修改账号" }
        (account_form(actor, form, errors, all, Some(a)))
        h2 { (toggle_label) }
        form.inline method="post" action=(format!("/accounts/{}/status", a.id)) {
            (csrf_field(actor))
            input type="hidden" name="version" value=(a.version);
            input type="hidden" name="active" value=(toggle);
            button.secondary type="submit" { (toggle_label) }
        }
        h2 { "重置密码" }
        form.stacked method="post" action=(format!("/accounts/{}/password", a.id)) {
            (csrf_field(actor))
            input type="hidden" name="version" value=(a.version);
            label for="new_password" { "新的初始密码（可留空，由系统生成临时密码；用户下次登录时须修改）" }
            input type="password" id="new_password" name="password" autocomplete="new-password";
            (field_error(errors, RESET_FIELD))
            p { button.secondary type="submit" { "重置密码" } }
        }
    };
    page(actor, &format!("账号：{}", a.display_name), body)
}

pub async fn detail(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<UserId>,
    Query(n): Query<Notice>,
) -> PageResult {
    actor.require(WorkArea::Accounts, Access::Read)?;
    let (a, all) = load(&state, id).await?;
    let notice = n.notice.as_deref().and_then(notice_text);
    Ok(detail_page(&actor, &a, &all, &AccountForm::of(&a), &[], notice).into_response())
}

pub async fn update(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<UserId>,
    Form(f): Form<AccountForm>,
) -> PageResult {
    actor.require(WorkArea::Accounts, Access::Write)?;
    let (a, all) = load(&state, id).await?;
    let pick = pick_institution(Some(&f.institution), None, &all);
    let result = match rules::check_input(&f.display_name, &f.role, pick) {
        Ok(input) => {
            let version = f.version.ok_or_else(missing_version)?;
            service::update(&state.db, &Caller::from(&actor), id, version, &input).await
        }
        Err(errors) => Err(AppError::Invalid(errors)),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/accounts/{id}?notice=saved")).into_response()),
        Err(AppError::Invalid(errors)) => {
            let page = detail_page(&actor, &a, &all, &f, &errors, None);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default, deserialize_with = "empty_as_none")]
    version: Option<i64>,
    active: bool,
}

pub async fn set_status(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<UserId>,
    Form(f): Form<StatusForm>,
) -> PageResult {
    let version = f.version.ok_or_else(missing_version)?;
    service::set_active(&state.db, &Caller::from(&actor), id, version, f.active).await?;
    let notice = if f.active { "enabled" } else { "disabled" };
    Ok(Redirect::to(&format!("/accounts/{id}?notice={notice}")).into_response())
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default, deserialize_with = "empty_as_none")]
    version: Option<i64>,
    #[serde(default)]
    password: String,
}

pub async fn reset_password(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<UserId>,
    Form(f): Form<ResetForm>,
) -> PageResult {
    let version = f.version.ok_or_else(missing_version)?;
    let typed = Some(f.password).filter(|p| !p.is_empty());
    match service::reset_password(&state.db, &Caller::from(&actor), id, version, typed).await {
        Ok(issued) => Ok(issued_page(&actor, "密码已重置", &issued).into_response()),
        Err(AppError::Invalid(errors)) => {
            let (a, all) = load(&state, id).await?;
            let errors: Vec<FieldError> = errors
                .into_iter()
                .map(|e| FieldError::new(RESET_FIELD, e.message))
                .collect();
            let page = detail_page(&actor, &a, &all, &AccountForm::of(&a), &errors, None);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}
