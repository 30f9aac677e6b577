//! Pages, JSON API and files of information disclosure (信息公开): each institution's public page, fees (收费公示, 明白交费卡), the catalogue and requests for disclosure.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
