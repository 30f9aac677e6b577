//! The card holder's session as the web sees it: a cookie of its own
//! (`edb_card`: Secure, HttpOnly, SameSite=Lax), apart from staff
//! sessions. Changes on the citizen's pages carry the session's own CSRF
//! token (the `/card/` paths are outside the staff CSRF check).

use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;
use platform::web::AppState;
use platform::AppError;

use crate::service::cards::citizen;
use crate::store::cards::login::CardSession;

pub const COOKIE: &str = "edb_card";

/// The signed-in holder of a request: the cookie's token and its session.
pub struct Holder {
    pub token: String,
    pub session: CardSession,
}

impl Holder {
    /// The holder, if the cookie names a live session.
    pub async fn of(state: &AppState, jar: &CookieJar) -> Result<Option<Holder>, AppError> {
        let Some(c) = jar.get(COOKIE) else {
            return Ok(None);
        };
        let token = c.value().to_string();
        Ok(citizen::session(&state.db, &token)
            .await?
            .map(|session| Holder { token, session }))
    }

    /// The form's token must be the session's.
    pub fn check(&self, submitted: &str) -> Result<(), AppError> {
        if !submitted.is_empty() && submitted == self.session.csrf_token {
            Ok(())
        } else {
            Err(AppError::Csrf)
        }
    }
}

/// The cookie that holds a new session's token.
pub fn cookie(token: String, secure: bool) -> Cookie<'static> {
    Cookie::build((COOKIE, token))
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .path("/")
        .build()
}

/// The cookie removed.
pub fn removal() -> Cookie<'static> {
    Cookie::build((COOKIE, "")).path("/").build()
}

/// The client's address, for throttling and the audit log.
pub fn address(client: &Option<String>) -> Option<std::net::IpAddr> {
    client.as_deref().and_then(|s| s.parse().ok())
}
