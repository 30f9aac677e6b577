//! The platform's part of the API documentation: sessions and the audit log.

use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "edubureau API",
        description = "教育局信息系统 JSON API. Sign in with POST /api/v1/session, then send the session cookie, and the returned csrf_token as X-CSRF-Token on every write."
    ),
    paths(
        crate::auth::login::api_login,
        crate::auth::login::api_me,
        crate::auth::login::api_logout,
        crate::audit::web::audit_api,
        crate::accounts::api::list,
        crate::accounts::api::get_one,
        crate::accounts::api::create,
        crate::accounts::api::update,
        crate::accounts::api::set_status,
        crate::accounts::api::reset_password,
        crate::web::home::inbox_api,
        crate::web::indicators::catalogue_api,
        crate::web::indicators::values_api
    ),
    components(schemas(
        crate::auth::login::LoginRequest,
        crate::auth::login::SessionInfo,
        crate::accounts::view::AccountView,
        crate::accounts::api::AccountPage,
        crate::accounts::api::NewAccountRequest,
        crate::accounts::api::AccountChange,
        crate::accounts::api::StatusChange,
        crate::accounts::api::PasswordReset,
        crate::accounts::api::IssuedAccount,
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
