//! 安全事件日志 for people: `/ops/security-events`, filtered by kind and
//! account name, a page at a time, and its .xlsx export (itself audited,
//! as the log names staff and their addresses). Leadership only.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::audit::{self, Entry, Who};
use platform::auth::{Access, Actor, WorkArea};
use platform::db::{Db, DbError, Sql};
use platform::excel::{Cell, Title, Workbook, XLSX_MIME};
use platform::time::show_second;
use platform::web::forms::{non_empty, select};
use platform::web::pager::{Filters, Pager};
use platform::web::{file_response, page, AppState};
use platform::PageResult;
use serde::{Deserialize, Serialize};

use crate::security::{SecurityEvent, ENTITY};

const PAGE_SIZE: i64 = 50;
/// The most rows one export holds (the newest).
const EXPORT_LIMIT: i64 = 100_000;
const PATH: &str = "/ops/security-events";

/// Each kind of event with its label.
pub const KINDS: [(&str, &str); 5] = [
    ("login", "登录"),
    ("login_failed", "登录失败"),
    ("locked_out", "登录受限"),
    ("refused", "拒绝访问"),
    ("export", "下载文件"),
];

fn kind_label(kind: &str) -> &str {
    KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(kind, |(_, l)| l)
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct EventFilter {
    kind: Option<String>,
    username: Option<String>,
    page: Option<i64>,
}

impl EventFilter {
    /// The known kind chosen, if any (anything else filters nothing).
    fn kind(&self) -> Option<&'static str> {
        let chosen = non_empty(&self.kind)?;
        KINDS.iter().map(|(k, _)| *k).find(|k| *k == chosen)
    }

    fn filters(&self) -> Filters {
        Filters::new()
            .with("kind", self.kind())
            .with("username", non_empty(&self.username))
    }

    fn matching(&self, select: &str) -> Sql {
        let mut q = Sql::new(select).push(" FROM ops_security_events WHERE 1 = 1");
        if let Some(kind) = self.kind() {
            q = q.push(" AND kind = ").bind(kind);
        }
        if let Some(name) = non_empty(&self.username) {
            q = q.and_starts_with("username", name);
        }
        q
    }

    async fn rows(&self, db: &Db, limit: i64, offset: i64) -> Result<Vec<SecurityEvent>, DbError> {
        db.fetch_all(
            self.matching("SELECT at, kind, username, ip, method, path, status")
                .push(" ORDER BY id DESC")
                .limit(limit, offset),
        )
        .await
    }
}

pub async fn events_page(
    State(state): State<AppState>,
    actor: Actor,
    Query(f): Query<EventFilter>,
) -> PageResult {
    actor.require(WorkArea::Audit, Access::Read)?;
    let total = state.db.scalar(f.matching("SELECT COUNT(*)")).await?;
    let pager = Pager::new(f.page.unwrap_or(1), PAGE_SIZE, total);
    let rows = f.rows(&state.db, PAGE_SIZE, pager.offset()).await?;
    Ok(page(&actor, "安全事件日志", body(&f, &rows, &pager)).into_response())
}

fn body(f: &EventFilter, rows: &[SecurityEvent], pager: &Pager) -> Markup {
    let kinds: Vec<(String, String)> = KINDS
        .iter()
        .map(|(k, l)| (k.to_string(), l.to_string()))
        .collect();
    html! {
        p { "登录、登录失败、登录受限、被拒绝的访问和文件下载，与业务记录的审计日志分开保存。" }
        form.filters method="get" action=(PATH) {
            label { "事件" (select("kind", &kinds, f.kind().unwrap_or(""), Some("全部"))) }
            label { "账号" input type="text" name="username" value=(non_empty(&f.username).unwrap_or("")); }
            button type="submit" { "筛选" }
            a.button.secondary href=(f.filters().href("/ops/security-events.xlsx", 1)) { "导出 Excel" }
        }
        table #security-events {
            thead { tr { th { "时间" } th { "事件" } th { "账号" } th { "来源地址" } th { "请求" } th { "结果" } } }
            tbody {
                @for e in rows {
                    tr {
                        td { (show_second(e.at)) }
                        td { (kind_label(&e.kind)) }
                        td { (e.username) }
                        td { (e.ip) }
                        td { code { (e.method) " " (e.path) } }
                        td { (e.status) }
                    }
                }
                @if rows.is_empty() { tr { td colspan="6" { "没有符合条件的事件。" } } }
            }
        }
        (pager.view(PATH, &f.filters()))
    }
}

/// The filtered log (newest first, at most [`EXPORT_LIMIT`] rows) as .xlsx.
pub async fn events_export(
    State(state): State<AppState>,
    actor: Actor,
    Query(f): Query<EventFilter>,
) -> PageResult {
    actor.require(WorkArea::Audit, Access::Read)?;
    let rows = f.rows(&state.db, EXPORT_LIMIT, 0).await?;
    let mut title = Title::list("安全事件日志");
    if let Some(kind) = f.kind() {
        title = title.filter("事件", kind_label(kind));
    }
    if let Some(name) = non_empty(&f.username) {
        title = title.filter("账号", name);
    }
    let mut book = Workbook::export(
        &title,
        &["时间", "事件", "账号", "来源地址", "方法", "地址", "结果"],
    );
    for e in &rows {
        book.row(&[
            Cell::text(show_second(e.at)),
            Cell::text(kind_label(&e.kind)),
            Cell::text(e.username.as_str()),
            Cell::text(e.ip.as_str()),
            Cell::text(e.method.as_str()),
            Cell::text(e.path.as_str()),
            Cell::Int(e.status),
        ])?;
    }
    let bytes = book.finish()?;
    let mut tx = state.db.begin().await?;
    let summary = format!("导出安全事件日志 {} 条", rows.len());
    audit::record(
        &mut tx,
        &Who::from(&actor),
        Entry::new("export", ENTITY, summary).after(&f),
    )
    .await?;
    tx.commit().await?;
    Ok(file_response("安全事件日志.xlsx", XLSX_MIME, bytes))
}
