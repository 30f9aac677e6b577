//! Liveness, readiness and metrics for the 信息中心's monitoring. Public
//! (a load balancer and Prometheus have no account), and they say nothing
//! about any person.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use platform::db::Sql;
use platform::web::AppState;

pub const PATHS: &[&str] = &["/healthz", "/readyz", "/metrics"];

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
}

/// Ready when the database answers and every migration of the program is
/// applied (a server started before a migration finished is not).
async fn readyz(State(state): State<AppState>) -> Response {
    let expected = state
        .areas
        .migrations()
        .iter()
        .map(|m| m.version)
        .max()
        .unwrap_or(0);
    let applied = state
        .db
        .scalar(Sql::new(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
        ))
        .await;
    match applied {
        Ok(v) if v >= expected => (StatusCode::OK, "ready").into_response(),
        Ok(v) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("数据库结构版本 {v}，尚未迁移到 {expected}"),
        )
            .into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "数据库无法连接").into_response()
        }
    }
}

async fn metrics(State(state): State<AppState>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        crate::metrics::render(&state.db),
    )
        .into_response()
}
