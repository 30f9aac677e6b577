//! `Caller` as an extractor: a handler names who it acts for once, in its
//! signature, instead of converting the signed-in `Actor` by hand.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::Response;

use crate::auth::{Actor, Caller};
use crate::web::AppState;

/// Rejects exactly as `Actor` does: a redirect to the login page, or 401
/// under `/api/`.
impl FromRequestParts<AppState> for Caller {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let actor = Actor::from_request_parts(parts, state).await?;
        Ok(Caller::from(&actor))
    }
}
