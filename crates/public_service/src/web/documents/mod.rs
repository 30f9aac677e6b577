//! Pages, JSON API and files of official documents (电子公文): outgoing
//! documents ([`list`], [`detail`]), incoming ones ([`incoming`]), the
//! .docx and attachments.

mod api;
mod detail;
mod incoming;
mod list;

use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post, put};
use axum::Router;
use platform::auth::Caller;
use platform::web::reports::file_response;
use platform::web::AppState;
use platform::AppError;

use crate::domain::documents::DocumentId;
use crate::service::documents::{self as service, docx, FILE_SUBJECT};

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The sentences shown after a redirect.
fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "drafted" => "已保存公文稿。",
        "submit" => "已送核稿。",
        "pass" => "核稿通过，已送签发。",
        "return" => "已退回修改。",
        "sign" => "已签发，文号已生成，公文已分发。",
        "receipt" => "已签收。",
        "registered" => "已登记收文。",
        "propose" => "已拟办，送领导批示。",
        "instruct" => "已批示，转承办科室办理。",
        "finish" => "已办结。",
        _ => return None,
    })
}

pub(super) async fn docx_response(
    s: &AppState,
    caller: &Caller,
    id: DocumentId,
) -> Result<Response, AppError> {
    let d = service::detail(&s.db, caller, id).await?;
    let bureau = platform::district::district(&s.db)
        .await?
        .map(|d| d.bureau_name)
        .unwrap_or_else(|| "教育局".into());
    let bytes = docx::document_docx(&d, &bureau)?;
    let name = format!(
        "{}{}.docx",
        d.document.number.as_deref().unwrap_or("公文稿"),
        d.document.title
    );
    Ok(file_response(&name, DOCX, bytes))
}

async fn docx_page(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<DocumentId>,
) -> Result<Response, AppError> {
    docx_response(&s, &caller, id).await
}

/// An attachment of a document the caller sees.
async fn file(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, file)): Path<(DocumentId, i64)>,
) -> Result<Response, AppError> {
    service::visible(&s.db, &caller, id).await?;
    let (name, media_type, content) =
        crate::store::documents::files::content(&s.db, FILE_SUBJECT, id.0, file)
            .await?
            .ok_or(AppError::NotFound)?;
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(content)
        .map_err(|e| AppError::Internal(e.into()))?;
    let content_type: &'static str = inspection::domain::evidence::EvidenceType::parse(&media_type)
        .map_or("application/octet-stream", |t| t.as_str());
    Ok(file_response(&name, content_type, bytes))
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/public/documents", get(list::list).post(list::create))
        .route("/public/documents/new", get(list::new))
        .route("/public/documents/{id}", get(detail::detail))
        .route("/public/documents/{id}/step", post(detail::step))
        .route("/public/documents/{id}/receipt", post(detail::receipt))
        .route("/public/documents/{id}/docx", get(docx_page))
        .route("/public/documents/{id}/files/{file}", get(file))
        .route(
            "/public/documents/incoming",
            get(incoming::list).post(incoming::register),
        )
        .route("/public/documents/incoming/{id}", get(incoming::detail))
        .route(
            "/public/documents/incoming/{id}/route",
            post(incoming::route),
        )
        .route("/api/v1/public/documents", get(api::list).post(api::draft))
        .route(
            "/api/v1/public/documents/{id}",
            get(api::detail).put(api::revise),
        )
        .route("/api/v1/public/documents/{id}/receipt", post(api::receipt))
        .route("/api/v1/public/documents/{id}/files", post(api::add_file))
        .route("/api/v1/public/documents/{id}/docx", get(api::docx))
        .route("/api/v1/public/documents/{id}/{step}", post(api::step))
        .route(
            "/api/v1/public/document-prefixes/{issuer}",
            put(api::set_prefix),
        )
        .route(
            "/api/v1/public/incoming",
            get(api::incoming_list).post(api::register),
        )
        .route("/api/v1/public/incoming/{id}", get(api::incoming_detail))
        .route("/api/v1/public/incoming/{id}/{step}", post(api::route))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
