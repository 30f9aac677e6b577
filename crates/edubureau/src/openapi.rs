use axum::routing::get;
use axum::{Json, Router};
use platform::web::AppState;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "edubureau API",
        description = "教育局信息系统 JSON API. Sign in with POST /api/v1/session, then send the session cookie, and the returned csrf_token as X-CSRF-Token on every write."
    ),
    paths(
        platform::auth::routes::api_login,
        platform::auth::routes::api_me,
        platform::auth::routes::api_logout,
        platform::audit::web::audit_api
    ),
    components(schemas(
        platform::auth::routes::LoginRequest,
        platform::auth::routes::SessionInfo,
        platform::error::ErrorBody,
        platform::audit::AuditRow,
        platform::audit::ReadableRow
    ))
)]
struct PlatformDoc;

pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = PlatformDoc::openapi();
    doc.merge(institutions::web::ApiDoc::openapi());
    doc.merge(students::web::ApiDoc::openapi());
    doc.merge(students::web::DropoutApiDoc::openapi());
    doc.merge(admissions::web::ApiDoc::openapi());
    doc.merge(aid::web::ApiDoc::openapi());
    doc
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/openapi.json", get(|| async { Json(document()) }))
}
