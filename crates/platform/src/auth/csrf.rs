//! The session middleware: finds the signed-in user for every request and
//! refuses state-changing requests that lack the session's CSRF token (in the
//! `X-CSRF-Token` header, a `_csrf` form field, or for file uploads a `_csrf`
//! query parameter).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use chrono::Utc;

use crate::error::{ApiError, AppError};
use crate::web::AppState;

use super::address::{self, ClientAddr};
use super::{session, users, Actor, Caller};

pub const HEADER: &str = "x-csrf-token";
pub const FIELD: &str = "_csrf";
const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

/// Paths that take unauthenticated POSTs and protect themselves: sign-in
/// and first-run setup use a double-submit cookie, the JSON sign-in takes
/// JSON (which no cross-site form can send), and each area's public paths
/// (its [`crate::area::Area::public_paths`]) do one or the other.
fn exempt(state: &AppState, path: &str) -> bool {
    matches!(path, "/login" | "/setup" | "/api/v1/session") || state.areas.is_public(path)
}

pub async fn session_layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let jar = CookieJar::from_headers(req.headers());
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let addr = address::resolve(peer, req.headers(), &state.config.trusted_proxies);
    let ip = addr.map(|a| a.to_string());
    let actor = match jar.get(session::COOKIE) {
        Some(c) => match load_actor(&state, c.value(), ip).await {
            Ok(a) => a,
            Err(e) => return e.into_response(),
        },
        None => None,
    };
    let is_api = req.uri().path().starts_with("/api/");
    let reject = |e: AppError| {
        if is_api {
            ApiError(e).into_response()
        } else {
            e.into_response()
        }
    };
    let mut req = req;
    req.extensions_mut().insert(ClientAddr(addr));
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !exempt(&state, req.uri().path()) {
        let Some(actor) = &actor else {
            return reject(AppError::Unauthenticated);
        };
        match check_token(req, &actor.csrf_token).await {
            Ok(r) => req = r,
            Err(e) => return reject(e),
        }
    }
    // Only a signed-in user's change can settle or create a task; a flood of
    // public submissions must not keep emptying everyone's cache.
    let changes_tasks = !safe && actor.is_some();
    // Pages show the inbox; the API, static files and downloads do not.
    let shows_inbox = safe && !is_api && !req.uri().path().starts_with("/static/");
    if let Some(mut actor) = actor {
        if shows_inbox {
            actor.tasks = match state
                .inbox
                .tasks(state.areas, &state.db, actor.user.id, &Caller::from(&actor))
                .await
            {
                Ok(t) => t,
                Err(e) => return e.into_response(),
            };
        }
        req.extensions_mut().insert(Arc::new(actor));
    }
    let response = next.run(req).await;
    if changes_tasks {
        // Any change may settle or create a task: recount on the next page.
        state.inbox.forget();
    }
    response
}

async fn load_actor(
    state: &AppState,
    token: &str,
    ip: Option<String>,
) -> Result<Option<Actor>, AppError> {
    let Some(s) = session::lookup(&state.db, token, Utc::now(), &state.config.session).await?
    else {
        return Ok(None);
    };
    let Some(row) = users::get(&state.db, s.user_id).await? else {
        return Ok(None);
    };
    if !row.active {
        return Ok(None);
    }
    let Some(user) = row.to_user() else {
        return Ok(None);
    };
    Ok(Some(Actor {
        scope: user.scope(),
        user,
        csrf_token: s.csrf_token,
        ip,
        shell: state.shell.clone(),
        tasks: Default::default(),
    }))
}

fn same(a: &str, b: &str) -> bool {
    // Constant-time comparison.
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Passes the request on if it carries the right token; a form body is
/// read to find the field and then handed on unchanged.
async fn check_token(req: Request, expected: &str) -> Result<Request, AppError> {
    if let Some(h) = req.headers().get(HEADER).and_then(|v| v.to_str().ok()) {
        return if same(h, expected) {
            Ok(req)
        } else {
            Err(AppError::Csrf)
        };
    }
    if let Some(q) = req.uri().query() {
        if let Some(v) = form_value(q.as_bytes(), FIELD) {
            return if same(&v, expected) {
                Ok(req)
            } else {
                Err(AppError::Csrf)
            };
        }
    }
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Err(AppError::Csrf);
    }
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, MAX_FORM_BYTES)
        .await
        .map_err(|_| AppError::BadRequest("提交的表单过大".into()))?;
    match form_value(&bytes, FIELD) {
        Some(v) if same(&v, expected) => Ok(Request::from_parts(parts, Body::from(bytes))),
        _ => Err(AppError::Csrf),
    }
}

fn form_value(body: &[u8], name: &str) -> Option<String> {
    url::form_urlencoded::parse(body)
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_form_fields() {
        assert_eq!(
            form_value(b"a=1&_csrf=abc%2B&b=2", "_csrf").as_deref(),
            Some("abc+")
        );
        assert_eq!(form_value(b"a=1", "_csrf"), None);
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "ab"));
    }
}
