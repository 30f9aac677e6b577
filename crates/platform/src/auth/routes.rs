//! The sign-in routes, signing out and changing one's own password.

use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;
use maud::{html, Markup};
use serde::Deserialize;

use crate::audit::{self, Entry, Who};
use crate::error::{AppError, FieldError, PageResult};
use crate::web::forms::{csrf_field, error_summary, field_error};
use crate::web::{page, AppState};

use super::login::{api_login, api_logout, api_me, login_page, login_submit};
use super::setup::{setup_page, setup_submit};
use super::{password, session, users, Actor};

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

pub(super) fn cookie(state: &AppState, name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build((name, value))
        .http_only(true)
        .secure(state.config.cookie_secure)
        .same_site(SameSite::Strict)
        .path("/")
        .build()
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
