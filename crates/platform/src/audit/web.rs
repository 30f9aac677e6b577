//! The audit log page and API, for leadership.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use maud::html;

use crate::auth::{Access, Actor, WorkArea};
use crate::error::{ApiResult, PageResult};
use crate::web::{page, AppState};

use super::{list, AuditFilter, AuditRow};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/audit", get(audit_page))
        .route("/api/v1/audit", get(audit_api))
}

fn action_label(a: &str) -> &str {
    match a {
        "create" => "新增",
        "update" => "修改",
        "delete" => "删除",
        "view" => "查看",
        "import" => "导入",
        "export" => "导出",
        "login" => "登录",
        "password" => "修改密码",
        "disable" => "停用",
        "enable" => "启用",
        "reset_password" => "重置密码",
        "throttle" => "登录限流",
        other => other,
    }
}

async fn audit_page(
    State(state): State<AppState>,
    actor: Actor,
    Query(f): Query<AuditFilter>,
) -> PageResult {
    actor.require(WorkArea::Audit, Access::Read)?;
    let rows = list(&state.db, &f).await?;
    let page_no = f.page.unwrap_or(1).max(1);
    let body = html! {
        form.filters method="get" {
            label { "对象类型" input type="text" name="entity" value=[f.entity.as_deref()]; }
            label { "对象编号" input type="number" name="entity_id" value=[f.entity_id]; }
            label { "用户名" input type="text" name="username" value=[f.username.as_deref()]; }
            button type="submit" { "筛选" }
        }
        p.muted { "审计日志只能追加，任何人都无法修改或删除。" }
        table id="audit" {
            thead { tr { th { "时间" } th { "用户" } th { "操作" } th { "对象" } th { "摘要" } th { "修改前" } th { "修改后" } } }
            tbody {
                @for r in &rows {
                    tr {
                        td { (crate::time::show_second(r.at)) }
                        td { (r.username) }
                        td { (action_label(&r.action)) }
                        td { (r.entity) @if let Some(id) = r.entity_id { " #" (id) } }
                        td { (r.summary) }
                        td { @if let Some(b) = &r.before_json { pre.json { (b) } } }
                        td { @if let Some(a) = &r.after_json { pre.json { (a) } } }
                    }
                }
            }
        }
        div.pager {
            @if page_no > 1 { a href=(page_link(&f, page_no - 1)) { "上一页" } }
            span { "第 " (page_no) " 页" }
            @if rows.len() as i64 == super::store::PAGE_SIZE { a href=(page_link(&f, page_no + 1)) { "下一页" } }
        }
    };
    Ok(page(&actor, "审计日志", body).into_response())
}

/// A link to another page of the same filtered log.
fn page_link(f: &AuditFilter, page: i64) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::from("?"));
    for (k, v) in [
        ("entity", &f.entity),
        ("username", &f.username),
        ("action", &f.action),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            s.append_pair(k, v);
        }
    }
    if let Some(id) = f.entity_id {
        s.append_pair("entity_id", &id.to_string());
    }
    s.append_pair("page", &page.to_string());
    s.finish()
}

/// The audit log, newest first (leadership only).
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(AuditFilter),
    responses((status = 200, body = Vec<AuditRow>), (status = 403, body = crate::error::ErrorBody)))]
pub async fn audit_api(
    State(state): State<AppState>,
    actor: Actor,
    Query(f): Query<AuditFilter>,
) -> ApiResult<Json<Vec<AuditRow>>> {
    actor.require(WorkArea::Audit, Access::Read)?;
    Ok(Json(list(&state.db, &f).await?))
}
