//! `Cache-Control: no-store` on every response but the static assets, so no
//! browser, proxy or shared computer keeps a copy of a page or an answer that
//! may carry personal data (student records, accounts, exports).

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// Paths whose responses may be cached (they keep their own header).
fn cacheable(path: &str) -> bool {
    path.starts_with("/static/")
}

pub async fn no_store(req: Request, next: Next) -> Response {
    let keep = cacheable(req.uri().path());
    let mut res = next.run(req).await;
    if !keep {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_static_assets_are_cacheable() {
        assert!(cacheable("/static/app.css"));
        assert!(!cacheable("/students"));
        assert!(!cacheable("/api/v1/students"));
        assert!(!cacheable("/staticky"));
    }
}
