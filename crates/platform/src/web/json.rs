//! The JSON answers every area's API gives beyond a plain `Json(value)`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use crate::ApiResult;

/// 201 Created with the new record (or its reference) as the body.
pub fn created<T: Serialize>(body: T) -> ApiResult<Response> {
    Ok((StatusCode::CREATED, Json(body)).into_response())
}
