//! Pages, JSON API and files of official documents (电子公文): drafting, approval (拟稿→核稿→签发), numbering, issue and receipt, incoming documents.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
