//! Signing in, through the login form or the JSON API, behind the sign-in
//! throttle. Every refusal is the same answer (status, words, and the cost
//! of one argon2 check unless the throttle refuses first), so nobody can
//! tell a wrong password from an unknown, disabled or throttled account.

use std::net::IpAddr;
use std::time::Duration;

use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use axum_extra::extract::cookie::Cookie;
use axum_extra::extract::CookieJar;
use maud::{html, Markup};
use serde::Deserialize;

use crate::audit::{self, Entry, Who};
use crate::error::{ApiResult, AppError, PageResult};
use crate::ids::UserId;
use crate::web::{double_submit, public_page, AppState};

use super::routes::cookie;
use super::throttle::policy::account_key;
use super::users::{self, User};
use super::{password, session, Actor, ClientAddr};

/// The sign-in form, under the bureau's name.
fn login_form(state: &AppState, token: &str, username: &str, message: Option<&str>) -> Markup {
    public_page(
        &format!("{} · 登录", state.shell.bureau_name),
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

pub(super) async fn login_page(State(state): State<AppState>, jar: CookieJar) -> PageResult {
    if users::count(&state.db).await? == 0 {
        return Ok(Redirect::to("/setup").into_response());
    }
    let (jar, token) = double_submit::issue(jar, state.config.cookie_secure);
    Ok((jar, login_form(&state, &token, "", None)).into_response())
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    _csrf: String,
    username: String,
    password: String,
}

/// Checks a username and password. Any failure is [`AppError::LoginRefused`].
async fn authenticate(
    state: &AppState,
    username: &str,
    pw: &str,
    addr: Option<IpAddr>,
) -> Result<User, AppError> {
    let attempt = match state.login_throttle.begin(username, addr) {
        Ok(a) => a,
        Err(wait) => {
            tracing::warn!(client = ?addr, wait_secs = wait.as_secs(), "sign-in refused by the throttle");
            return Err(AppError::LoginRefused);
        }
    };
    let row = users::find_by_username(&state.db, username.trim())
        .await?
        .filter(|r| r.active);
    let stored = row
        .as_ref()
        .map_or(password::DUMMY_HASH, |r| r.password_hash.as_str());
    let right = password::verify(pw.to_string(), stored.to_string()).await;
    match row {
        Some(row) if right => {
            state.login_throttle.succeeded(attempt);
            row.to_user()
                .ok_or_else(|| anyhow::anyhow!("account {} has an unknown role", row.id).into())
        }
        row => {
            if !attempt.wait_if_wrong.is_zero() {
                record_throttle(
                    state,
                    username,
                    row.map(|r| r.id),
                    addr,
                    attempt.wait_if_wrong,
                )
                .await?;
            }
            Err(AppError::LoginRefused)
        }
    }
}

/// A security event for the audit log: failures have reached the point
/// where further attempts must wait.
async fn record_throttle(
    state: &AppState,
    typed: &str,
    user: Option<UserId>,
    addr: Option<IpAddr>,
    wait: Duration,
) -> Result<(), AppError> {
    let name: String = account_key(typed).chars().take(32).collect();
    let ip = addr.map(|a| a.to_string());
    let summary = format!(
        "登录失败次数过多：用户名“{name}”（来源 {}）须等待 {} 秒后才能再次尝试",
        ip.as_deref().unwrap_or("未知"),
        wait.as_secs()
    );
    let mut entry = Entry::new("throttle", "user", summary).after(&serde_json::json!({
        "username": name, "ip": ip, "wait_seconds": wait.as_secs(),
    }));
    entry.entity_id = user.map(|u| u.0);
    let who = Who {
        ip,
        ..Who::system("login")
    };
    let mut tx = state.db.begin().await?;
    audit::record(&mut tx, &who, entry).await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn start_session(
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

pub(super) async fn login_submit(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientAddr(addr): ClientAddr,
    Form(f): Form<LoginForm>,
) -> PageResult {
    double_submit::verify(&jar, &f._csrf)?;
    let user = match authenticate(&state, &f.username, &f.password, addr).await {
        Ok(user) => user,
        Err(e @ AppError::LoginRefused) => {
            let form = login_form(&state, &f._csrf, &f.username, Some(&e.to_string()));
            return Ok((e.status(), jar, form).into_response());
        }
        Err(e) => return Err(e),
    };
    let token = start_session(&state, &user, addr.map(|a| a.to_string())).await?;
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
    /// The account must replace its initial password (on the web page
    /// `/account/password`) before anything else answers.
    pub must_change_password: bool,
    pub csrf_token: String,
}

impl SessionInfo {
    fn new(user: &User, csrf_token: String) -> Self {
        SessionInfo {
            username: user.username.clone(),
            display_name: user.display_name.clone(),
            role: user.role.key().into(),
            institution_id: user.institution.map(|i| i.0),
            must_change_password: user.must_change_password,
            csrf_token,
        }
    }
}

/// Signs in; the session cookie comes back in `Set-Cookie`. Every refusal
/// is the same 401, whatever its reason.
#[utoipa::path(post, path = "/api/v1/session", tag = "session", request_body = LoginRequest,
    responses((status = 200, body = SessionInfo), (status = 401, body = crate::error::ErrorBody)))]
pub async fn api_login(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientAddr(addr): ClientAddr,
    Json(req): Json<LoginRequest>,
) -> ApiResult<Response> {
    let user = authenticate(&state, &req.username, &req.password, addr).await?;
    let token = start_session(&state, &user, addr.map(|a| a.to_string())).await?;
    let csrf = session::lookup(&state.db, &token, crate::time::now(), &state.config.session)
        .await?
        .map(|s| s.csrf_token)
        .unwrap_or_default();
    let info = SessionInfo::new(&user, csrf);
    Ok((jar.add(cookie(&state, session::COOKIE, token)), Json(info)).into_response())
}

/// The current session.
#[utoipa::path(get, path = "/api/v1/session", tag = "session",
    responses((status = 200, body = SessionInfo), (status = 401, body = crate::error::ErrorBody)))]
pub async fn api_me(actor: Actor) -> Json<SessionInfo> {
    Json(SessionInfo::new(&actor.user, actor.csrf_token.clone()))
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
