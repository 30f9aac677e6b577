//! The platform's part of the API documentation: sessions and the audit log.

use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "edubureau API",
        description = "教育局信息系统 JSON API. Sign in with POST /api/v1/session, then send the session cookie, and the returned csrf_token as X-CSRF-Token on every write."
    ),
    paths(
        crate::auth::routes::api_login,
        crate::auth::routes::api_me,
        crate::auth::routes::api_logout,
        crate::audit::web::audit_api,
        crate::web::home::inbox_api,
        crate::web::indicators::catalogue_api,
        crate::web::indicators::values_api
    ),
    components(schemas(
        crate::auth::routes::LoginRequest,
        crate::auth::routes::SessionInfo,
        crate::error::ErrorBody,
        crate::audit::AuditRow,
        crate::audit::ReadableRow,
        crate::area::Task,
        crate::area::IndicatorValue,
        crate::area::Breakdown
    ))
)]
struct PlatformDoc;

pub fn document() -> utoipa::openapi::OpenApi {
    PlatformDoc::openapi()
}
