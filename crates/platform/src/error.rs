//! One error type for the web edge: each variant knows its status code and
//! the Chinese message a user reads.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use maud::{html, Markup};
use serde::Serialize;

use crate::db::DbError;

/// A problem with one field of a form, import row or API payload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("未找到该记录，或您无权查看")]
    NotFound,
    #[error("您没有此操作的权限")]
    Forbidden,
    #[error("请先登录")]
    Unauthenticated,
    /// One answer for every failed sign-in: wrong password, unknown or
    /// disabled account, or too many attempts, so that none can be told apart.
    #[error("用户名或密码错误，或尝试过于频繁，请稍后再试")]
    LoginRefused,
    #[error("请先修改初始密码，然后再使用系统")]
    PasswordChangeRequired,
    #[error("页面已过期或来源不明，请刷新页面后重试")]
    Csrf,
    #[error("提交的内容有误，请按提示修改")]
    Invalid(Vec<FieldError>),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    TooManyRequests(String),
    /// A request body over the server's upload limit (413).
    #[error("{0}")]
    TooLarge(String),
    #[error("该页面不支持这种请求方式")]
    MethodNotAllowed,
    #[error("系统内部错误，请稍后重试或联系信息中心")]
    Internal(#[from] anyhow::Error),
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound => AppError::NotFound,
            DbError::Unique(what) => {
                AppError::Conflict(format!("与已有记录重复（{what}），未保存"))
            }
            other => AppError::Internal(other.into()),
        }
    }
}

impl AppError {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError::Invalid(vec![FieldError::new(field, message)])
    }

    /// The one answer to an edit made on a version someone else has since
    /// saved over (409): `what` names the record, as in "该机构信息".
    pub fn stale(what: &str, yours: i64, current: i64) -> Self {
        AppError::Conflict(format!(
            "保存失败：{what}已被他人修改（您编辑的是第 {yours} 版，当前为第 {current} 版）。您的修改没有保存，请刷新页面查看最新内容后重新修改。"
        ))
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::Csrf | AppError::PasswordChangeRequired => {
                StatusCode::FORBIDDEN
            }
            AppError::Unauthenticated | AppError::LoginRefused => StatusCode::UNAUTHORIZED,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Forbidden => "forbidden",
            AppError::Unauthenticated | AppError::LoginRefused => "unauthenticated",
            AppError::PasswordChangeRequired => "password_change_required",
            AppError::Csrf => "csrf",
            AppError::Invalid(_) => "invalid",
            AppError::Conflict(_) => "conflict",
            AppError::BadRequest(_) => "bad_request",
            AppError::TooManyRequests(_) => "too_many_requests",
            AppError::TooLarge(_) => "too_large",
            AppError::MethodNotAllowed => "method_not_allowed",
            AppError::Internal(_) => "internal",
        }
    }

    fn log(&self) {
        if let AppError::Internal(e) = self {
            tracing::error!(error = ?e, "internal error");
        }
    }
}

/// What an error page says; the page layer (`web::error_pages`) frames it
/// with the layout and navigation of the signed-in user.
#[derive(Clone, Debug)]
pub struct ErrorPage {
    pub message: String,
    pub fields: Vec<FieldError>,
}

impl ErrorPage {
    /// The page's content, without the frame.
    pub fn body(&self) -> Markup {
        html! {
            p.error role="alert" { (self.message) }
            @if !self.fields.is_empty() {
                ul { @for f in &self.fields { li { (f.field) "：" (f.message) } } }
            }
            p { "请使用浏览器的“后退”返回上一页，或 " a href="/" { "回到首页" } "。" }
        }
    }
}

/// HTML rendering, for pages: a plain frame here; the page layer puts the
/// same content inside the normal layout when someone is signed in.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.log();
        match self {
            AppError::Unauthenticated => {
                return axum::response::Redirect::to("/login").into_response()
            }
            AppError::PasswordChangeRequired => {
                return axum::response::Redirect::to("/account/password").into_response()
            }
            _ => {}
        }
        let fields = match &self {
            AppError::Invalid(f) => f.clone(),
            _ => vec![],
        };
        let content = ErrorPage {
            message: self.to_string(),
            fields,
        };
        let body = crate::web::public_page("出错了", content.body());
        let mut response = (self.status(), body).into_response();
        response.extensions_mut().insert(content);
        response
    }
}

/// JSON rendering, for the API under `/api/v1`.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

/// The error body every API route returns.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
    pub fields: Vec<FieldError>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let e = self.0;
        e.log();
        let fields = match &e {
            AppError::Invalid(f) => f.clone(),
            _ => vec![],
        };
        let body = ErrorBody {
            code: e.code().into(),
            message: e.to_string(),
            fields,
        };
        (e.status(), Json(body)).into_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
pub type PageResult = Result<Response, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_edit_is_a_conflict_naming_both_versions() {
        let e = AppError::stale("该机构信息", 3, 4);
        assert_eq!(e.status(), StatusCode::CONFLICT);
        let text = e.to_string();
        assert!(text.starts_with("保存失败：该机构信息已被他人修改"));
        assert!(text.contains("您编辑的是第 3 版，当前为第 4 版"));
    }
}
