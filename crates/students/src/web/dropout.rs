use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}
