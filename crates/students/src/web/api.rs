use axum::Router;
use platform::web::AppState;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi()]
pub struct ApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
}
