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
        platform::auth::login::api_login,
        platform::auth::login::api_me,
        platform::auth::login::api_logout,
        platform::audit::web::audit_api,
        platform::accounts::api::list,
        platform::accounts::api::get_one,
        platform::accounts::api::create,
        platform::accounts::api::update,
        platform::accounts::api::set_status,
        platform::accounts::api::reset_password
    ),
    components(schemas(
        platform::auth::login::LoginRequest,
        platform::auth::login::SessionInfo,
        platform::accounts::view::AccountView,
        platform::accounts::api::AccountPage,
        platform::accounts::api::NewAccountRequest,
        platform::accounts::api::AccountChange,
        platform::accounts::api::StatusChange,
        platform::accounts::api::PasswordReset,
        platform::accounts::api::IssuedAccount,
        platform::error::ErrorBody,
        platform::audit::AuditRow
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
