//! Evidence files, served as downloads only within the caller's scope.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use platform::auth::Caller;
use platform::web::reports::file_response;
use platform::web::AppState;
use platform::PageResult;

use crate::domain::EvidenceId;
use crate::service::evidence as service;

pub fn routes() -> Router<AppState> {
    Router::new().route("/inspection/evidence/{id}", get(download))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}

async fn download(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<EvidenceId>,
) -> PageResult {
    let (file, bytes) = service::download(&s.db, &caller, id).await?;
    let mut response = file_response(&file.file_name, file.media_type.as_str(), bytes);
    response.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    Ok(response.into_response())
}
