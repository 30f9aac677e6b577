//! The case list (/dropout): filters, summary, and the bureau's actions.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Access, Actor, Caller, Scope, WorkArea};
use platform::district;
use platform::excel::XLSX_MIME;
use platform::web::forms::{csrf_field, select};
use platform::web::{file_response, page, AppState, Filters, Pager};
use platform::{AppError, PageResult};
use serde::Deserialize;

use crate::domain::dropout::CaseStatus;
use crate::reader::DropoutReader;
use crate::service::dropout::cases_workbook;
use crate::service::{school_year_of, today};
use crate::store::dropout::{self as store, CaseFilter};

/// The list's query: the filters, and the result of a scan just run.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    status: Option<String>,
    township_id: Option<String>,
    q: Option<String>,
    page: Option<String>,
    scanned: Option<u64>,
    year: Option<i64>,
    /// "1": only open cases with no home visit for [`VISIT_EVERY_DAYS`].
    visit_due: Option<String>,
    /// "1": only cases without a school or a responsible person (未分派).
    unassigned: Option<String>,
    /// Cases a scan just assigned to their catchment school.
    assigned: Option<u64>,
}

/// How often an open case is visited at home (the inbox raises a case past it).
pub const VISIT_EVERY_DAYS: u64 = 30;

/// The first day on which a case visited last on a day before it is not due.
pub fn visits_due_before() -> chrono::NaiveDate {
    today() - chrono::Days::new(VISIT_EVERY_DAYS)
}

impl ListQuery {
    fn filter(&self) -> CaseFilter {
        let num = |v: &Option<String>| v.as_deref().and_then(|s| s.trim().parse::<i64>().ok());
        CaseFilter {
            status: self.status.clone().filter(|s| !s.is_empty()),
            township_id: num(&self.township_id),
            q: self.q.clone().filter(|s| !s.trim().is_empty()),
            page: num(&self.page),
            visit_due_before: (self.visit_due.as_deref() == Some("1")).then(visits_due_before),
            unassigned: self.unassigned.as_deref() == Some("1"),
        }
    }
}

/// The list's filters as query pairs, for paging.
fn filters(f: &CaseFilter) -> Filters {
    Filters::new()
        .with("status", f.status.as_ref())
        .with("township_id", f.township_id)
        .with("q", f.q.as_ref())
        .with("visit_due", f.visit_due_before.map(|_| 1))
        .with("unassigned", f.unassigned.then_some(1))
}

pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(lq): Query<ListQuery>,
) -> PageResult {
    let f = lq.filter();
    let result = DropoutReader::of(&state.db, &caller)?.list(&f).await?;
    let townships = district::townships(&state.db).await?;
    let counts = store::count_by_status(&state.db, &actor.scope).await?;
    let bureau = actor.scope == Scope::All;
    let bureau_writer = bureau && actor.may(WorkArea::Dropout, Access::Write);
    let registered = if bureau {
        Some(store::register_count(&state.db).await?)
    } else {
        None
    };
    let statuses: Vec<(String, String)> = CaseStatus::ALL
        .iter()
        .map(|s| (s.as_str().into(), s.label().into()))
        .collect();
    let towns: Vec<(String, String)> = townships
        .iter()
        .map(|t| (t.id.to_string(), t.name.clone()))
        .collect();
    let count_of = |s: CaseStatus| {
        counts
            .iter()
            .find(|(k, _)| k == s.as_str())
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    let body = html! {
        @if let (Some(n), Some(y)) = (lq.scanned, lq.year) {
            p.notice role="status" { (y) "—" (y + 1) " 学年户籍比对完成：新立案 " (n) " 件，按学区分派 " (lq.assigned.unwrap_or(0)) " 件。" a href="/dropout?unassigned=1" { "查看未分派案件" } }
        }
        p {
            @for s in CaseStatus::ALL.iter().copied() { span.tag { (s.label()) " " (count_of(s)) " 件" } " " }
            @if let Some(n) = registered { span.muted { "户籍名册登记适龄儿童 " (n) " 人" } }
        }
        div.actions {
            a.button.secondary href=(filters(&f).href("/dropout/cases.xlsx", 1)) { "导出 Excel" }
            @if bureau { a.button.secondary href="/dropout/rates" { "入学率与巩固率" } }
            @if crate::service::left_behind::may_see(&Caller::from(&actor)) { a.button.secondary href="/left-behind" { "留守儿童名单" } }
            @if bureau_writer { a.button.secondary href="/dropout/children/import" { "导入户籍名册" } }
        }
        @if bureau_writer {
            form.filters method="post" action="/dropout/scan" {
                (csrf_field(&actor))
                label { "学年（起始年份）" input type="number" name="school_year" min="2000" max="2100" value=(school_year_of(today())); }
                button type="submit" { "户籍比对" }
                span.muted { "名册中小学、初中适龄而无在读学籍、也没有劝返中案件的儿童，各立一案。" }
            }
        }
        form.filters method="get" action="/dropout" {
            label { "姓名或身份证件号" input type="text" name="q" value=(f.q.clone().unwrap_or_default()); }
            label { "状态" (select("status", &statuses, f.status.as_deref().unwrap_or(""), Some("全部"))) }
            label { "乡镇（街道）" (select("township_id", &towns, &f.township_id.map(|t| t.to_string()).unwrap_or_default(), Some("全部"))) }
            label { input type="checkbox" name="visit_due" value="1" checked[f.visit_due_before.is_some()]; "超过 " (VISIT_EVERY_DAYS) " 天未家访" }
            @if bureau { label { input type="checkbox" name="unassigned" value="1" checked[f.unassigned]; "未分派" } }
            button type="submit" { "查询" }
        }
        p.muted { "共 " (result.total) " 件" }
        table id="cases" {
            thead { tr {
                th { "姓名" } th { "身份证件号" } th { "乡镇（街道）" } th { "学校" } th { "原因" }
                th { "劝返责任人" } th { "状态" } th { "立案日期" } th.num { "家访次数" } th { "最近家访" }
            } }
            tbody {
                @for c in &result.items {
                    tr {
                        td { a href=(format!("/dropout/cases/{}", c.id)) { (c.name) } }
                        td { (c.id_number) }
                        td { (c.township_name) }
                        td { @match c.institution_name.as_deref() { Some(n) => { (n) }, None => { span.tag { "未分派" } } } }
                        td { (c.cause) }
                        td { @if c.responsible.is_empty() { span.muted { "未指定" } } @else { (c.responsible) } }
                        td { (c.status.label()) }
                        td { (c.opened_on) }
                        td.num { (c.visits) }
                        td { (c.last_visit.map(|d| d.to_string()).unwrap_or_else(|| "—".into())) }
                    }
                }
            }
        }
        (Pager::new(result.page, result.per_page, result.total).view("/dropout", &filters(&f)))
    };
    Ok(page(&actor, "控辍保学", body).into_response())
}

/// The filtered case list as a workbook, masked for the caller and audited.
pub async fn export_bytes(
    state: &AppState,
    caller: &Caller,
    f: &CaseFilter,
) -> Result<Vec<u8>, AppError> {
    let rows = DropoutReader::of(&state.db, caller)?.export(f).await?;
    let townships = district::townships(&state.db).await?;
    let township = f
        .township_id
        .and_then(|t| townships.iter().find(|x| x.id.0 == t))
        .map(|t| t.name.as_str());
    cases_workbook(f, township, &rows)
}

pub const FILE_NAME: &str = "控辍保学案件.xlsx";

pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Query(lq): Query<ListQuery>,
) -> PageResult {
    let bytes = export_bytes(&state, &caller, &lq.filter()).await?;
    Ok(file_response(FILE_NAME, XLSX_MIME, bytes))
}
