//! Signing in and out, changing one's password, and first-run setup.

use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;
use chrono::Utc;
use maud::{html, Markup};
use serde::Deserialize;

use crate::audit::{self, Entry, Who};
use crate::error::{ApiResult, AppError, FieldError, PageResult};
use crate::web::forms::{csrf_field, error_summary, field_error};
use crate::web::{double_submit, page, public_page, AppState};

use super::users::{self, NewUser, User};
use super::{password, session, Actor, ClientIp, Role};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).post(login_submit))
        .route("/logout", post(logout))
        .route(
            "/account/password",
            get(password_page).post(password_submit),
        )
        .route("/setup", get(setup_page).post(setup_submit))
        .route(
            "/api/v1/session",
            get(api_me).post(api_login).delete(api_logout),
        )
}

fn cookie(state: &AppState, name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build((name, value))
        .http_only(true)
        .secure(state.config.cookie_secure)
        .same_site(SameSite::Strict)
        .path("/")
        .build()
}

fn login_form(token: &str, username: &str, message: Option<&str>) -> Markup {
    public_page(
        "教育局信息系统 · 登录",
        html! {
            @if let Some(m) = message { p.alert role="alert" { (m) } }
            form.stacked method="post" action="/login" {
                input type="hidden" name="_csrf" value=(token);
                label for="username" { "用户名" }
                input type="text" id="username" name="username" value=(username) autocomplete="username" required;
                label for="password" { "密码" }
                input type="password" id="password" name="password" autocomplete="current-password" required;
                p { button type="submit" { "登录" } }
            }
        },
    )
}

async fn login_page(State(state): State<AppState>, jar: CookieJar) -> PageResult {
    if users::count(&state.db).await? == 0 {
        return Ok(Redirect::to("/setup").into_response());
    }
    let (jar, token) = double_submit::issue(jar, state.config.cookie_secure);
    Ok((jar, login_form(&token, "", None)).into_response())
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    _csrf: String,
    username: String,
    password: String,
}

/// Why a sign-in failed, in the words a user reads.
enum Refusal {
    Wrong,
    Locked(chrono::DateTime<Utc>),
}

impl Refusal {
    fn message(&self) -> String {
        match self {
            Refusal::Wrong => "用户名或密码错误".into(),
            Refusal::Locked(until) => {
                let local = crate::time::local(*until);
                format!(
                    "密码连续错误 {} 次，账号已临时锁定，请于 {} 后再试",
                    users::MAX_FAILED_LOGINS,
                    local.format("%H:%M")
                )
            }
        }
    }
}

/// Checks a username and password, counting failures toward the lockout.
async fn authenticate(
    state: &AppState,
    username: &str,
    pw: &str,
) -> Result<Result<User, Refusal>, AppError> {
    let row = users::find_by_username(&state.db, username.trim()).await?;
    let Some(row) = row.filter(|r| r.active) else {
        password::verify(pw.to_string(), password::DUMMY_HASH.to_string()).await;
        return Ok(Err(Refusal::Wrong));
    };
    if let Some(until) = row.locked_until.filter(|u| *u > Utc::now()) {
        return Ok(Err(Refusal::Locked(until)));
    }
    if !password::verify(pw.to_string(), row.password_hash.clone()).await {
        return Ok(Err(
            match users::record_failed_login(&state.db, &row).await? {
                Some(until) => Refusal::Locked(until),
                None => Refusal::Wrong,
            },
        ));
    }
    users::record_successful_login(&state.db, row.id).await?;
    let user = row
        .to_user()
        .ok_or_else(|| anyhow::anyhow!("account {} has an unknown role", row.id))?;
    Ok(Ok(user))
}

async fn start_session(
    state: &AppState,
    user: &User,
    ip: Option<String>,
) -> Result<String, AppError> {
    let token = session::create(&state.db, user.id).await?;
    let mut tx = state.db.begin().await?;
    let who = Who {
        user_id: Some(user.id),
        username: user.username.clone(),
        ip,
    };
    audit::record(
        &mut tx,
        &who,
        Entry::new("login", "user", format!("{} 登录", user.display_name)).id(user.id.0),
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

async fn login_submit(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(ip): ClientIp,
    Form(f): Form<LoginForm>,
) -> PageResult {
    double_submit::verify(&jar, &f._csrf)?;
    match authenticate(&state, &f.username, &f.password).await? {
        Err(refusal) => Ok((
            StatusCode::UNAUTHORIZED,
            jar.clone(),
            login_form(&f._csrf, &f.username, Some(&refusal.message())),
        )
            .into_response()),
        Ok(user) => {
            let token = start_session(&state, &user, ip).await?;
            let jar = jar
                .remove(Cookie::build(double_submit::COOKIE).path("/"))
                .add(cookie(&state, session::COOKIE, token));
            let to = if user.must_change_password {
                "/account/password"
            } else {
                "/"
            };
            Ok((jar, Redirect::to(to)).into_response())
        }
    }
}

async fn logout(State(state): State<AppState>, jar: CookieJar) -> PageResult {
    if let Some(c) = jar.get(session::COOKIE) {
        session::delete(&state.db, c.value()).await?;
    }
    let jar = jar.remove(Cookie::build(session::COOKIE).path("/"));
    Ok((jar, Redirect::to("/login")).into_response())
}

fn password_form(actor: &Actor, errors: &[FieldError], notice: Option<&str>) -> Markup {
    page(
        actor,
        "修改密码",
        html! {
            @if actor.user.must_change_password { p.alert { "首次登录，请先设置新密码。" } }
            @if let Some(n) = notice { p.notice { (n) } }
            (error_summary(errors))
            form.stacked method="post" action="/account/password" {
                (csrf_field(actor))
                label for="current" { "当前密码" }
                input type="password" id="current" name="current" autocomplete="current-password" required;
                (field_error(errors, "current"))
                label for="password" { "新密码（至少 8 位，须含字母和数字）" }
                input type="password" id="password" name="password" autocomplete="new-password" required;
                (field_error(errors, "password"))
                label for="confirm" { "再次输入新密码" }
                input type="password" id="confirm" name="confirm" autocomplete="new-password" required;
                (field_error(errors, "confirm"))
                p { button type="submit" { "保存新密码" } }
            }
        },
    )
}

async fn password_page(actor: Actor) -> Markup {
    password_form(&actor, &[], None)
}

#[derive(Deserialize)]
pub struct PasswordForm {
    current: String,
    password: String,
    confirm: String,
}

async fn password_submit(
    State(state): State<AppState>,
    jar: CookieJar,
    actor: Actor,
    Form(f): Form<PasswordForm>,
) -> PageResult {
    let mut errors = Vec::new();
    let row = users::get(&state.db, actor.user.id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if !password::verify(f.current.clone(), row.password_hash.clone()).await {
        errors.push(FieldError::new("current", "当前密码不正确"));
    }
    if let Err(e) = password::check_policy(&f.password, &row.username) {
        errors.push(e);
    }
    if f.password != f.confirm {
        errors.push(FieldError::new("confirm", "两次输入的新密码不一致"));
    }
    if f.password == f.current {
        errors.push(FieldError::new("password", "新密码不能与当前密码相同"));
    }
    if !errors.is_empty() {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            password_form(&actor, &errors, None),
        )
            .into_response());
    }
    let hash = password::hash(f.password).await?;
    let mut tx = state.db.begin().await?;
    users::set_password(&mut tx, actor.user.id, &hash).await?;
    audit::record(
        &mut tx,
        &Who::from(&actor),
        Entry::new("password", "user", "修改了自己的密码").id(actor.user.id.0),
    )
    .await?;
    tx.commit().await?;
    // Every other session of this user ends; this one gets a fresh token.
    session::delete_for_user(&state.db, actor.user.id).await?;
    let token = session::create(&state.db, actor.user.id).await?;
    let jar = jar.add(cookie(&state, session::COOKIE, token));
    Ok((jar, Redirect::to("/?notice=password")).into_response())
}

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

async fn setup_page(State(state): State<AppState>, jar: CookieJar) -> PageResult {
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

async fn setup_submit(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(ip): ClientIp,
    Form(f): Form<SetupForm>,
) -> PageResult {
    double_submit::verify(&jar, &f._csrf)?;
    let mut errors = Vec::new();
    let username = f.username.trim();
    if username.is_empty() {
        errors.push(FieldError::new("username", "请填写用户名"));
    }
    if let Err(e) = password::check_policy(&f.password, username) {
        errors.push(e);
    }
    if !errors.is_empty() {
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

#[derive(Deserialize, utoipa::ToSchema)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

/// The signed-in user and the token to send as `X-CSRF-Token` on writes.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct SessionInfo {
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub institution_id: Option<i64>,
    pub csrf_token: String,
}

/// Signs in; the session cookie comes back in `Set-Cookie`.
#[utoipa::path(post, path = "/api/v1/session", tag = "session", request_body = LoginRequest,
    responses((status = 200, body = SessionInfo), (status = 401, body = crate::error::ErrorBody)))]
pub async fn api_login(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(ip): ClientIp,
    Json(req): Json<LoginRequest>,
) -> ApiResult<Response> {
    let user = match authenticate(&state, &req.username, &req.password).await? {
        Ok(u) => u,
        Err(Refusal::Wrong) => return Err(AppError::Unauthenticated.into()),
        Err(r @ Refusal::Locked(_)) => return Err(AppError::TooManyRequests(r.message()).into()),
    };
    let token = start_session(&state, &user, ip).await?;
    let csrf = session::lookup(&state.db, &token, Utc::now())
        .await?
        .map(|s| s.csrf_token)
        .unwrap_or_default();
    let info = SessionInfo {
        username: user.username.clone(),
        display_name: user.display_name.clone(),
        role: user.role.key().into(),
        institution_id: user.institution.map(|i| i.0),
        csrf_token: csrf,
    };
    Ok((jar.add(cookie(&state, session::COOKIE, token)), Json(info)).into_response())
}

/// The current session.
#[utoipa::path(get, path = "/api/v1/session", tag = "session",
    responses((status = 200, body = SessionInfo), (status = 401, body = crate::error::ErrorBody)))]
pub async fn api_me(actor: Actor) -> Json<SessionInfo> {
    Json(SessionInfo {
        username: actor.user.username.clone(),
        display_name: actor.user.display_name.clone(),
        role: actor.user.role.key().into(),
        institution_id: actor.user.institution.map(|i| i.0),
        csrf_token: actor.csrf_token.clone(),
    })
}

/// Signs out.
#[utoipa::path(delete, path = "/api/v1/session", tag = "session", responses((status = 204)))]
pub async fn api_logout(State(state): State<AppState>, jar: CookieJar) -> ApiResult<Response> {
    if let Some(c) = jar.get(session::COOKIE) {
        session::delete(&state.db, c.value()).await?;
    }
    Ok((
        jar.remove(Cookie::build(session::COOKIE).path("/")),
        StatusCode::NO_CONTENT,
    )
        .into_response())
}
