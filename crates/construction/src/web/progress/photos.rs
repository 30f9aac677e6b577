//! Photos and thumbnails, served only within the caller's scope.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use platform::auth::Caller;
use platform::web::AppState;
use platform::PageResult;

use crate::domain::progress::PhotoId;
use crate::service::progress as service;

async fn serve(s: &AppState, caller: &Caller, id: PhotoId, thumbnail: bool) -> PageResult {
    let (kind, bytes) = service::photo(&s.db, caller, id, thumbnail).await?;
    Ok((
        [
            (header::CONTENT_TYPE, kind.as_str()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CONTENT_DISPOSITION, "inline"),
        ],
        bytes,
    )
        .into_response())
}

pub async fn full(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PhotoId>,
) -> PageResult {
    serve(&s, &caller, id, false).await
}

pub async fn thumb(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PhotoId>,
) -> PageResult {
    serve(&s, &caller, id, true).await
}
