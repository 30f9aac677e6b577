//! Turns the plain-text English rejections of request extractors (a query
//! parameter that is not a number, a malformed JSON body) into the same
//! Chinese error page or JSON error body as every other error.

use axum::body::to_bytes;
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{ApiError, AppError};

pub async fn chinese_rejections(req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let resp = next.run(req).await;
    let plain = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    let status = resp.status();
    if !plain
        || !matches!(
            status,
            StatusCode::BAD_REQUEST
                | StatusCode::UNPROCESSABLE_ENTITY
                | StatusCode::UNSUPPORTED_MEDIA_TYPE
                | StatusCode::PAYLOAD_TOO_LARGE
        )
    {
        return resp;
    }
    let detail = to_bytes(resp.into_body(), 4096)
        .await
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let message = match status {
        StatusCode::PAYLOAD_TOO_LARGE => "提交的内容过大".to_string(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            "请求的内容类型不受支持（JSON 接口请使用 application/json）".to_string()
        }
        _ => {
            // The extractor's own words are English and name Rust types:
            // kept for the log, not shown.
            tracing::debug!(%detail, "request refused by an extractor");
            "请求的参数或内容格式有误，请检查后重试".to_string()
        }
    };
    let mut out = if is_api {
        ApiError(AppError::BadRequest(message)).into_response()
    } else {
        AppError::BadRequest(message).into_response()
    };
    *out.status_mut() = status;
    out
}
