//! First-run setup: the very first (leadership) account, only while there
//! are no accounts at all.

use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::CookieJar;
use maud::{html, Markup};
use serde::Deserialize;

use crate::audit::{self, Entry, Who};
use crate::error::{AppError, FieldError, PageResult};
use crate::vocab::{Checker, Field};
use crate::web::forms::{error_summary, field_error};
use crate::web::{double_submit, public_page, AppState};

use super::login::start_session;
use super::routes::cookie;
use super::users::{self, NewUser};
use super::{password, session, ClientIp, Role};

fn setup_form(token: &str, errors: &[FieldError]) -> Markup {
    public_page(
        "首次使用：创建管理员账号",
        html! {
            p { "系统中还没有任何账号。请为局领导（系统管理员）创建第一个账号。" }
            (error_summary(errors))
            form.stacked method="post" action="/setup" {
                input type="hidden" name="_csrf" value=(token);
                label for="username" { "用户名" }
                input type="text" id="username" name="username" required;
                (field_error(errors, "username"))
                label for="display_name" { "姓名" }
                input type="text" id="display_name" name="display_name" required;
                label for="password" { "密码（至少 8 位，须含字母和数字）" }
                input type="password" id="password" name="password" required;
                (field_error(errors, "password"))
                p { button type="submit" { "创建并登录" } }
            }
        },
    )
}

pub(super) async fn setup_page(State(state): State<AppState>, jar: CookieJar) -> PageResult {
    if users::count(&state.db).await? > 0 {
        return Ok(Redirect::to("/login").into_response());
    }
    let (jar, token) = double_submit::issue(jar, state.config.cookie_secure);
    Ok((jar, setup_form(&token, &[])).into_response())
}

#[derive(Deserialize)]
pub struct SetupForm {
    #[serde(default)]
    _csrf: String,
    username: String,
    display_name: String,
    password: String,
}

pub(super) async fn setup_submit(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(ip): ClientIp,
    Form(f): Form<SetupForm>,
) -> PageResult {
    double_submit::verify(&jar, &f._csrf)?;
    let mut c = Checker::new();
    let username = c.required(Field::new("username", "用户名"), &f.username);
    c.extend(password::check_policy(&f.password, username).err());
    if let Err(errors) = c.finish(()) {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            setup_form(&f._csrf, &errors),
        )
            .into_response());
    }
    let hash = password::hash(f.password.clone()).await?;
    let mut tx = state.db.begin().await?;
    // Checked inside the write transaction: only the very first account.
    if tx
        .scalar(crate::db::Sql::new("SELECT COUNT(*) FROM users"))
        .await?
        > 0
    {
        return Ok(Redirect::to("/login").into_response());
    }
    let display = if f.display_name.trim().is_empty() {
        username
    } else {
        f.display_name.trim()
    };
    let id = users::create(
        &mut tx,
        NewUser {
            username,
            display_name: display,
            password_hash: &hash,
            role: Role::Leadership,
            institution: None,
            must_change_password: false,
        },
    )
    .await?;
    audit::record(
        &mut tx,
        &Who {
            user_id: Some(id),
            username: username.into(),
            ip: ip.clone(),
        },
        Entry::new("create", "user", format!("首次使用，创建管理员 {username}")).id(id.0),
    )
    .await?;
    tx.commit().await?;
    let user = users::get(&state.db, id)
        .await?
        .and_then(|r| r.to_user())
        .ok_or(AppError::NotFound)?;
    let token = start_session(&state, &user, ip).await?;
    Ok((
        jar.add(cookie(&state, session::COOKIE, token)),
        Redirect::to("/"),
    )
        .into_response())
}
