//! The security-event log (安全事件日志): sign-ins, failed sign-ins,
//! lock-outs, refused requests (403) and file downloads by signed-in users,
//! in `ops_security_events`, apart from the audit of records. It is written
//! by a middleware that sees every request after the session layer, so no
//! handler has to remember it; leadership exports it as JSON.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use platform::audit::{self, Entry};
use platform::auth::{Actor, Caller, ClientAddr, Role};
use platform::db::Sql;
use platform::web::AppState;
use platform::{ApiResult, AppError};
use serde::{Deserialize, Serialize};

const LOGIN_PATHS: [&str; 2] = ["/login", "/api/v1/session"];
/// A sign-in form or JSON body is small; more is not read for the name.
const LOGIN_BODY_LIMIT: usize = 64 * 1024;

/// What happened, from the request and its answer (None: nothing to log).
pub fn classify(
    login: bool,
    signed_in: bool,
    status: u16,
    attachment: bool,
) -> Option<&'static str> {
    match (login, status) {
        (true, 200..=399) => Some("login"),
        (true, 401) => Some("login_failed"),
        (true, 429) => Some("locked_out"),
        (false, 403) => Some("refused"),
        (false, 200..=299) if signed_in && attachment => Some("export"),
        _ => None,
    }
}

/// The `username` of a sign-in form or JSON body.
fn username_in(body: &[u8]) -> String {
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(body) {
        return v["username"].as_str().unwrap_or_default().to_string();
    }
    url::form_urlencoded::parse(body)
        .find(|(k, _)| k == "username")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

pub async fn record(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let login = method == Method::POST && LOGIN_PATHS.contains(&path.as_str());
    // The session layer, which runs before this one, left the signed-in
    // user and the client's address (the proxy's X-Forwarded-For when the
    // proxy is trusted).
    let actor = request.extensions().get::<Arc<Actor>>();
    let signed_in = actor.is_some();
    let mut username = actor.map(|a| a.user.username.clone()).unwrap_or_default();
    let ip = request
        .extensions()
        .get::<ClientAddr>()
        .and_then(|c| c.0)
        .map(|ip| ip.to_string())
        .unwrap_or_default();
    let request = if login {
        let (parts, body) = request.into_parts();
        let Ok(bytes) = axum::body::to_bytes(body, LOGIN_BODY_LIMIT).await else {
            return AppError::BadRequest("登录请求过大".into()).into_response();
        };
        username = username_in(&bytes);
        Request::from_parts(parts, Body::from(bytes))
    } else {
        request
    };
    let response = next.run(request).await;
    let attachment = response
        .headers()
        .get(header::CONTENT_DISPOSITION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("attachment"));
    let status = response.status().as_u16();
    if let Some(kind) = classify(login, signed_in, status, attachment) {
        let insert = Sql::new(
            "INSERT INTO ops_security_events (at, kind, username, ip, method, path, status) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .arg(Utc::now())
        .arg(kind)
        .arg(username)
        .arg(ip)
        .arg(method.as_str())
        .arg(path)
        .arg(i64::from(status));
        if let Err(e) = state.db.execute(insert).await {
            tracing::error!(error = %e, kind, "security event not recorded");
        }
    }
    response
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct SecurityEvent {
    pub at: DateTime<Utc>,
    pub kind: String,
    pub username: String,
    pub ip: String,
    pub method: String,
    pub path: String,
    pub status: i64,
}

#[derive(Deserialize)]
pub struct Since {
    /// Only events at or after this time (RFC 3339).
    since: Option<DateTime<Utc>>,
}

/// `GET /api/v1/ops/security-events?since=…`: the log as JSON, for
/// leadership, newest first (at most 10,000 per request).
pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Query(q): Query<Since>,
) -> ApiResult<Json<Vec<SecurityEvent>>> {
    if caller.role != Role::Leadership {
        return Err(AppError::Forbidden.into());
    }
    let since = q.since.unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    let rows = state
        .db
        .fetch_all(
            Sql::new("SELECT at, kind, username, ip, method, path, status FROM ops_security_events WHERE at >= ")
                .bind(since)
                .push(" ORDER BY id DESC LIMIT 10000"),
        )
        .await
        .map_err(AppError::from)?;
    // The log names staff and their addresses: its export is itself
    // recorded, as every export of personal data is.
    let mut tx = state.db.begin().await.map_err(AppError::from)?;
    let summary = format!("导出安全事件日志（{} 条）", rows.len());
    audit::record(&mut tx, &caller.who, Entry::new("export", ENTITY, summary)).await?;
    tx.commit().await.map_err(AppError::from)?;
    Ok(Json(rows))
}

/// The audit log's name for the security-event log.
pub const ENTITY: &str = "security_event";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_from_requests_and_answers() {
        assert_eq!(classify(true, false, 303, false), Some("login"));
        assert_eq!(classify(true, false, 401, false), Some("login_failed"));
        assert_eq!(classify(true, false, 429, false), Some("locked_out"));
        assert_eq!(classify(false, true, 403, false), Some("refused"));
        assert_eq!(classify(false, true, 200, true), Some("export"));
        assert_eq!(classify(false, false, 200, true), None, "public downloads");
        assert_eq!(classify(false, true, 200, false), None);
    }

    #[test]
    fn the_name_from_a_form_or_json() {
        assert_eq!(username_in(b"username=jijiao&password=x"), "jijiao");
        assert_eq!(
            username_in(br#"{"username":"admin","password":"x"}"#),
            "admin"
        );
        assert_eq!(username_in(b""), "");
    }
}
