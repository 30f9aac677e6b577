//! The citizen's JSON API under /api/v1/public/card (a mobile app or the
//! load test): sign-in (throttled), the own page, enrolment and
//! cancellation. It takes JSON only, which no cross-site form can send, so
//! the card cookie needs no further token here.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use axum_extra::extract::CookieJar;
use platform::auth::ClientIp;
use platform::error::ErrorBody;
use platform::web::AppState;
use platform::{ApiResult, AppError};
use serde::Deserialize;
use utoipa::OpenApi;

use super::api::EnrolBody;
use super::holder::{address, cookie, Holder};
use crate::service::cards::{self as service, citizen, citizen::MyPage};

#[derive(OpenApi)]
#[openapi(
    paths(sign_in, me, enrol, cancel),
    components(schemas(SignIn, MyPage, ErrorBody))
)]
pub struct ApiDoc;

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
pub struct SignIn {
    /// Card number or mobile number.
    pub name: String,
    pub password: String,
}

/// Sign in with a card number or phone; sets the card cookie.
#[utoipa::path(post, path = "/api/v1/public/card/session", tag = "community", request_body = SignIn,
    responses((status = 204), (status = 400, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn sign_in(
    State(s): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    Json(b): Json<SignIn>,
) -> ApiResult<Response> {
    let ip = address(&client);
    s.public_limiter.check(ip)?;
    let token = citizen::sign_in(&s.db, &s.login_throttle, &b.name, &b.password, ip).await?;
    let jar = jar.add(cookie(token, s.config.cookie_secure));
    Ok((jar, StatusCode::NO_CONTENT).into_response())
}

async fn holder(s: &AppState, jar: &CookieJar) -> Result<Holder, AppError> {
    Holder::of(s, jar).await?.ok_or(AppError::Unauthenticated)
}

/// The signed-in holder's card, hours, credits, certificates, enrolments
/// and the sessions open for enrolment.
#[utoipa::path(get, path = "/api/v1/public/card/me", tag = "community",
    responses((status = 200, body = MyPage), (status = 401, body = ErrorBody)))]
pub async fn me(State(s): State<AppState>, jar: CookieJar) -> ApiResult<Json<MyPage>> {
    let h = holder(&s, &jar).await?;
    Ok(Json(citizen::my_page(&s.db, h.session.card_id).await?))
}

async fn act(
    s: AppState,
    jar: CookieJar,
    client: Option<String>,
    session: i64,
    enrol: bool,
) -> ApiResult<Response> {
    let h = holder(&s, &jar).await?;
    let who = citizen::holder(Some(h.session.card_id), address(&client));
    if enrol {
        service::enrol(&s.db, &who, h.session.card_id, session).await?;
        Ok(StatusCode::CREATED.into_response())
    } else {
        service::cancel(&s.db, &who, h.session.card_id, session).await?;
        Ok(StatusCode::NO_CONTENT.into_response())
    }
}

/// Enrol the holder's card in a session (409: full, closed or enrolled).
#[utoipa::path(post, path = "/api/v1/public/card/enrolments", tag = "community", request_body = EnrolBody,
    responses((status = 201), (status = 409, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn enrol(
    State(s): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    Json(b): Json<EnrolBody>,
) -> ApiResult<Response> {
    act(s, jar, client, b.session_id, true).await
}

/// Cancel the holder's enrolment in a session.
#[utoipa::path(post, path = "/api/v1/public/card/cancellations", tag = "community", request_body = EnrolBody,
    responses((status = 204), (status = 409, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn cancel(
    State(s): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    Json(b): Json<EnrolBody>,
) -> ApiResult<Response> {
    act(s, jar, client, b.session_id, false).await
}
