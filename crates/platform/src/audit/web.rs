//! The audit log page, its Excel export and its API, for leadership.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};

use crate::auth::{Access, Actor, WorkArea};
use crate::error::{ApiResult, AppError, PageResult};
use crate::excel::XLSX_MIME;
use crate::web::forms::non_empty;
use crate::web::pager::Pager;
use crate::web::{file_response, page, AppState};

use super::filter::{AuditFilter, Kind};
use super::page::{body, AuditView};
use super::read::{title, workbook, ReadableRow, Reader};
use super::store::PAGE_SIZE;
use super::{list, list_all, record, Entry, Who};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/audit", get(audit_page))
        .route("/audit/export.xlsx", get(audit_export))
        .route("/api/v1/audit", get(audit_api))
}

/// One page of the filtered log, read for people, and its total.
async fn read_page<'s>(
    state: &'s AppState,
    actor: &Actor,
    f: &AuditFilter,
) -> Result<(Reader<'s>, Vec<ReadableRow>, super::AuditPage), AppError> {
    actor.require(WorkArea::Audit, Access::Read)?;
    let reader = Reader::load(&state.db, &state.audit_labels).await?;
    let mut found = list(&state.db, f).await?;
    let rows = std::mem::take(&mut found.rows)
        .into_iter()
        .map(|r| reader.read(r))
        .collect();
    Ok((reader, rows, found))
}

async fn audit_page(
    State(state): State<AppState>,
    actor: Actor,
    Query(mut f): Query<AuditFilter>,
) -> PageResult {
    // The page opens on changes; views and exports have their own tab.
    if non_empty(&f.kind).is_none() {
        f.kind = Some(Kind::Changes.key().into());
    }
    let (reader, rows, found) = read_page(&state, &actor, &f).await?;
    let view = AuditView {
        filter: &f,
        labels: &state.audit_labels,
        institutions: &reader.institutions,
        rows,
        pager: Pager::new(found.page, PAGE_SIZE, found.total),
    };
    Ok(page(&actor, "审计日志", body(&view)).into_response())
}

/// Every filtered entry as an .xlsx; the export itself is audited.
async fn audit_export(
    State(state): State<AppState>,
    actor: Actor,
    Query(f): Query<AuditFilter>,
) -> PageResult {
    actor.require(WorkArea::Audit, Access::Read)?;
    let reader = Reader::load(&state.db, &state.audit_labels).await?;
    let rows: Vec<ReadableRow> = list_all(&state.db, &f)
        .await?
        .into_iter()
        .map(|r| reader.read(r))
        .collect();
    let bytes = workbook(&title(&f, &state.audit_labels), &rows)?;
    let mut tx = state.db.begin().await?;
    record(
        &mut tx,
        &Who::from(&actor),
        Entry::new(
            "export",
            "audit_log",
            format!("导出审计日志 {} 条", rows.len()),
        )
        .after(&f),
    )
    .await?;
    tx.commit().await?;
    Ok(file_response("审计日志.xlsx", XLSX_MIME, bytes))
}

/// The audit log, newest first (leadership only), 50 entries a page; the
/// header `X-Total-Count` gives how many the filter matches.
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(AuditFilter),
    responses((status = 200, body = Vec<ReadableRow>, headers(("X-Total-Count" = i64, description = "entries matching the filter"))),
        (status = 403, body = crate::error::ErrorBody)))]
pub async fn audit_api(
    State(state): State<AppState>,
    actor: Actor,
    Query(f): Query<AuditFilter>,
) -> ApiResult<impl IntoResponse> {
    let (_, rows, found) = read_page(&state, &actor, &f).await?;
    Ok(([("x-total-count", found.total.to_string())], Json(rows)))
}
