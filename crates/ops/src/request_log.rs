//! One log line per request, with a request id that also goes back to the
//! client (`X-Request-Id`) and onto every line logged while the request
//! runs, so an error a user reports can be found in the journal. The path
//! is logged without its query (which may hold a searched name or ID
//! number); ids in paths are the system's own numbers.

use std::time::Instant;

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

const HEADER: &str = "x-request-id";

/// The id a proxy sent (nginx's `$request_id`) if it is plain, else a new one.
fn request_id(request: &Request) -> String {
    request
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map(str::to_string)
        .unwrap_or_else(|| platform::auth::session::random_token()[..16].to_string())
}

/// Middleware: request id, log line and metrics for every request.
pub async fn observe(request: Request, next: Next) -> Response {
    let id = request_id(&request);
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let group = crate::metrics::group(&path);
    let started = Instant::now();
    let span = tracing::info_span!("request", id = %id);
    let mut response = next.run(request).instrument(span.clone()).await;
    let seconds = started.elapsed().as_secs_f64();
    let status = response.status().as_u16();
    span.in_scope(|| {
        tracing::info!(%method, path, status, ms = (seconds * 1000.0).round() as u64, "request");
    });
    crate::metrics::observe(group, status, seconds);
    if let Ok(v) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(HEADER, v);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(header: &str) -> Request {
        Request::builder()
            .header(HEADER, header)
            .body(axum::body::Body::empty())
            .expect("request")
    }

    #[test]
    fn a_proxys_plain_id_is_kept_and_anything_else_replaced() {
        assert_eq!(request_id(&with("7f3a-b2")), "7f3a-b2");
        let made = request_id(&with("a b<script>"));
        assert_eq!(made.len(), 16);
        assert!(made
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    }
}
