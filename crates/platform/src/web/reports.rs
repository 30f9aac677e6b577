//! Generated files (error reports, exports) kept briefly in memory so the
//! page that reported a problem can offer a download link.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::auth::{session::random_token, Actor};
use crate::error::AppError;
use crate::ids::UserId;

use super::AppState;

const KEEP: Duration = Duration::from_secs(3600);
const MAX_ENTRIES: usize = 200;

struct Report {
    owner: UserId,
    made: Instant,
    filename: String,
    content_type: &'static str,
    bytes: Vec<u8>,
}

#[derive(Default)]
pub struct Reports {
    inner: Mutex<HashMap<String, Report>>,
}

impl Reports {
    /// Keeps a file for its owner and returns the path to download it.
    pub fn put(
        &self,
        owner: UserId,
        filename: &str,
        content_type: &'static str,
        bytes: Vec<u8>,
    ) -> String {
        let token = random_token();
        let mut map = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        map.retain(|_, r| r.made.elapsed() < KEEP);
        if map.len() >= MAX_ENTRIES {
            if let Some(oldest) = map
                .iter()
                .min_by_key(|(_, r)| r.made)
                .map(|(k, _)| k.clone())
            {
                map.remove(&oldest);
            }
        }
        map.insert(
            token.clone(),
            Report {
                owner,
                made: Instant::now(),
                filename: filename.into(),
                content_type,
                bytes,
            },
        );
        format!("/reports/{token}")
    }
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/reports/{token}", get(download))
}

async fn download(
    State(state): State<AppState>,
    actor: Actor,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let map = state
        .reports
        .inner
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    let r = map
        .get(&token)
        .filter(|r| r.owner == actor.user.id && r.made.elapsed() < KEEP)
        .ok_or(AppError::NotFound)?;
    Ok(file_response(&r.filename, r.content_type, r.bytes.clone()))
}

/// A download with a UTF-8 file name (RFC 5987), so Chinese names survive.
pub fn file_response(filename: &str, content_type: &'static str, bytes: Vec<u8>) -> Response {
    let encoded: String = url::form_urlencoded::byte_serialize(filename.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"export.xlsx\"; filename*=UTF-8''{encoded}"),
            ),
        ],
        bytes,
    )
        .into_response()
}
