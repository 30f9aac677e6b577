//! Error pages inside the normal layout: a signed-in user who meets an
//! error (a record that is not theirs, an unknown address, a form the
//! server refused) keeps the navigation; unknown addresses and methods get
//! the same Chinese pages as every other error.

use std::sync::Arc;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::auth::Actor;
use crate::error::{ApiError, AppError, ErrorPage};
use crate::web::page;

/// Frames the error pages of signed-in users with their layout.
pub async fn framed(req: Request, next: Next) -> Response {
    let actor = req.extensions().get::<Arc<Actor>>().cloned();
    let response = next.run(req).await;
    let (Some(actor), Some(content)) = (actor, response.extensions().get::<ErrorPage>().cloned())
    else {
        return response;
    };
    let status = response.status();
    (status, page(&actor, "出错了", content.body())).into_response()
}

fn refuse(req: &Request, e: AppError) -> Response {
    if req.uri().path().starts_with("/api/") {
        ApiError(e).into_response()
    } else {
        e.into_response()
    }
}

/// The answer to an address no route serves.
pub async fn not_found(req: Request) -> Response {
    refuse(&req, AppError::NotFound)
}

/// The answer to a method a route does not take.
pub async fn method_not_allowed(req: Request) -> Response {
    refuse(&req, AppError::MethodNotAllowed)
}
