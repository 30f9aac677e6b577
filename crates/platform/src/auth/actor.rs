use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use crate::area::Task;
use crate::error::{ApiError, AppError};
use crate::web::{AppState, Shell};

use super::users::User;
use super::{Access, Role, Scope, WorkArea};

/// The signed-in user making this request: who they are, what they may see
/// and the CSRF token their forms must carry. Extracting it from a request
/// without a live session rejects the request (a redirect to the login page,
/// or 401 under `/api/`), and so does any request but the password change
/// while the account must replace its initial password.
#[derive(Clone, Debug)]
pub struct Actor {
    pub user: User,
    pub scope: Scope,
    pub csrf_token: String,
    pub ip: Option<String>,
    pub shell: Arc<Shell>,
    /// What waits for the user (待办事项), gathered for pages.
    pub tasks: Arc<Vec<Task>>,
}

impl Actor {
    pub fn role(&self) -> Role {
        self.user.role
    }

    pub fn may(&self, area: WorkArea, access: Access) -> bool {
        self.user.role.may(area, access)
    }

    /// Refuses with 403 unless the role may do this.
    pub fn require(&self, area: WorkArea, access: Access) -> Result<(), AppError> {
        if self.may(area, access) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub fn sees_personal_details(&self) -> bool {
        self.user.role.sees_personal_details()
    }
}

impl FromRequestParts<AppState> for Actor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        let refuse = |e: AppError| {
            if parts.uri.path().starts_with("/api/") {
                ApiError(e).into_response()
            } else {
                e.into_response()
            }
        };
        match parts.extensions.get::<Arc<Actor>>() {
            Some(actor)
                if actor.user.must_change_password
                    && !ALLOWED_BEFORE_PASSWORD_CHANGE.contains(&parts.uri.path()) =>
            {
                Err(refuse(AppError::PasswordChangeRequired))
            }
            Some(actor) => Ok((**actor).clone()),
            None => Err(refuse(AppError::Unauthenticated)),
        }
    }
}

/// What an account that must first replace its initial password may reach
/// (signing out needs no `Actor`).
const ALLOWED_BEFORE_PASSWORD_CHANGE: [&str; 2] = ["/account/password", "/api/v1/session"];

impl axum::extract::OptionalFromRequestParts<AppState> for Actor {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        _: &AppState,
    ) -> Result<Option<Self>, Self::Rejection> {
        Ok(parts.extensions.get::<Arc<Actor>>().map(|a| (**a).clone()))
    }
}
