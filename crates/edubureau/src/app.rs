//! The web application: every work area's routes behind the session layer.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::Router;
use platform::area::Inbox;
use platform::audit::AuditLabels;
use platform::auth::throttle::LoginThrottle;
use platform::db::Db;
use platform::web::error_pages;
use platform::web::{AppState, Config, Reports, Shell};
use tower_http::set_header::SetResponseHeaderLayer;

/// The bureau's name for the page header (from the district settings).
async fn bureau_name(db: &Db) -> String {
    match platform::district::district(db).await {
        Ok(Some(d)) => d.bureau_name,
        _ => "教育局信息系统".into(),
    }
}

pub async fn state(db: Db, config: Config) -> AppState {
    let shell = Shell {
        bureau_name: match &config.bureau_name {
            Some(name) => name.clone(),
            None => bureau_name(&db).await,
        },
        nav: crate::AREAS.nav(),
    };
    AppState {
        db,
        shell: Arc::new(shell),
        public_limiter: Arc::new(platform::web::rate_limit::RateLimiter::new(
            config.public_submissions_per_minute,
        )),
        lookup_limiter: Arc::new(platform::web::rate_limit::RateLimiter::new(
            config.public_lookups_per_minute,
        )),
        reports: Arc::new(Reports::default()),
        areas: crate::AREAS,
        inbox: Arc::new(Inbox::default()),
        audit_labels: Arc::new(AuditLabels::new(&crate::AREAS.audit_labels())),
        login_throttle: Arc::new(LoginThrottle::new(config.login)),
        config: Arc::new(config),
        institutions: institutions::store::directory,
    }
}

pub fn router(state: AppState) -> Router {
    let body_limit = state
        .config
        .max_upload_bytes
        .min(platform::excel::MAX_UPLOAD_BYTES);
    let areas = state
        .areas
        .iter()
        .fold(Router::new(), |r, a| r.merge((a.routes)()));
    areas
        .merge(crate::openapi::routes())
        .fallback(error_pages::not_found)
        .method_not_allowed_fallback(error_pages::method_not_allowed)
        .layer(axum::middleware::from_fn(platform::web::rejections::chinese_rejections))
        .layer(axum::middleware::from_fn(error_pages::framed))
        .layer(axum::middleware::from_fn_with_state(state.clone(), ops::security::record))
        .layer(axum::middleware::from_fn_with_state(state.clone(), platform::auth::csrf::session_layer))
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::from_fn(platform::web::cache::no_store))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'; img-src 'self' data:; style-src 'self'; form-action 'self'; frame-ancestors 'none'"),
        ))
        .layer(axum::middleware::from_fn(ops::request_log::observe))
        .with_state(state)
}

/// Serves until the process is stopped. Binding port 0 picks a free port;
/// the bound address is returned through `bound` before serving.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown())
        .await
}

/// Ctrl-C, or SIGTERM from systemd (`systemctl stop`): the server stops
/// accepting connections and lets running requests finish; an import in
/// progress either commits or, if the process is killed, rolls back (one
/// transaction).
async fn shutdown() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            tracing::info!("stopping: finishing running requests");
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
