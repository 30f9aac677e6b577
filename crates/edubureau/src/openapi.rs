use axum::routing::get;
use axum::{Json, Router};
use platform::web::AppState;

/// The API documentation of every area, merged.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut areas = crate::AREAS.iter();
    let mut doc = areas
        .next()
        .map(|a| (a.openapi)())
        .unwrap_or_else(|| utoipa::openapi::OpenApiBuilder::new().build());
    for a in areas {
        doc.merge((a.openapi)());
    }
    doc
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/openapi.json", get(|| async { Json(document()) }))
}
