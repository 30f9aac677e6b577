use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

const CSS: &str = include_str!("app.css");

pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new().route(
        "/static/app.css",
        get(|| async {
            (
                [
                    (header::CONTENT_TYPE, "text/css; charset=utf-8"),
                    (header::CACHE_CONTROL, "max-age=3600"),
                ],
                CSS,
            )
        }),
    )
}

/// The bureau's seal (公章) for printed documents, as the operator
/// configured it; 404 when there is none.
pub fn seal_route() -> Router<super::AppState> {
    Router::new().route(
        "/bureau/seal.png",
        get(
            |axum::extract::State(state): axum::extract::State<super::AppState>| async move {
                match &state.config.seal_png {
                    Some(png) => (
                        [
                            (header::CONTENT_TYPE, "image/png"),
                            (header::CACHE_CONTROL, "max-age=3600"),
                        ],
                        png.as_ref().clone(),
                    )
                        .into_response(),
                    None => crate::AppError::NotFound.into_response(),
                }
            },
        ),
    )
}
