//! CSRF protection for forms used without an account (sign-in, first-run
//! setup, the public application portal): a random token in a SameSite=Strict
//! cookie that the form must repeat.

use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;

use crate::auth::session::random_token;
use crate::error::AppError;

pub const COOKIE: &str = "edb_form_csrf";

/// Sets a fresh token cookie; the page puts the token in a hidden field.
pub fn issue(jar: CookieJar, secure: bool) -> (CookieJar, String) {
    let token = random_token();
    let cookie = Cookie::build((COOKIE, token.clone()))
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Strict)
        .path("/")
        .build();
    (jar.add(cookie), token)
}

/// The form's token must equal the cookie's.
pub fn verify(jar: &CookieJar, submitted: &str) -> Result<(), AppError> {
    match jar.get(COOKIE) {
        Some(c) if !submitted.is_empty() && c.value() == submitted => Ok(()),
        _ => Err(AppError::Csrf),
    }
}
