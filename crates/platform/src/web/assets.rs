use axum::http::header;
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
