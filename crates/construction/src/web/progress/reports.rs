//! Reports of the area: the seed's 危房改造 figures counted from the
//! projects, the project table with each project's latest 形象进度 (also as
//! .xlsx), and totals by kind and by township.

use axum::extract::State;
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::excel::{Cell, Title, Workbook, XLSX_MIME};
use platform::time::show_date;
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult};

use crate::domain::projects::wan_label;
use crate::domain::ProjectKind;
use crate::service::progress::overview::{self, Reports};
use crate::store::progress::overview::{FundingTotals, Totals};

const COLUMNS: [&str; 10] = [
    "项目名称",
    "类型",
    "状态",
    "年度",
    "学校",
    "乡镇（街道）",
    "规划建筑面积（㎡）",
    "消除危房面积（㎡）",
    "最新形象进度",
    "报告日期",
];

fn totals(id: &str, first: &str, rows: &[Totals], label: impl Fn(&str) -> String) -> Markup {
    html! {
        table id=(id) {
            thead { tr { th { (first) } th.num { "项目数" } th.num { "在建" } th.num { "规划建筑面积（㎡）" } th.num { "消除危房面积（㎡）" } } }
            tbody { @for t in rows { tr {
                td { (label(&t.group)) } td.num { (t.projects) } td.num { (t.active) }
                td.num { (t.planned_floor_area) } td.num { (t.dangerous_area_removed) }
            } } }
        }
    }
}

fn funding(rows: &[FundingTotals]) -> Markup {
    let total: i64 = rows.iter().map(|r| r.amount).sum();
    html! {
        table #totals-by-funding-source {
            thead { tr { th { "资金来源" } th.num { "项目数" } th.num { "预算（元）" } th.num { "预算（万元）" } } }
            tbody { @for r in rows { tr {
                td { (r.source.label()) } td.num { (r.projects) } td.num { (r.amount) }
                td.num { (wan_label(r.amount)) }
            } } }
            tfoot { tr { th { "合计" } td {} td.num { (total) } td.num { (wan_label(total)) } } }
        }
    }
}

fn kind_label(key: &str) -> String {
    ProjectKind::parse(key).map_or(key.to_string(), |k| k.label().to_string())
}

fn view(r: &Reports) -> Markup {
    let d = &r.dangerous_rebuild;
    html! {
        p { a href="/construction" { "← 基建校舍" } " · " a.button.secondary href="/construction/reports/projects.xlsx" { "导出项目一览表（Excel）" } }
        p #dangerous-rebuild {
            "危房改造：共 " (d.projects) " 个项目，规划建筑面积 " (d.planned_floor_area) " 平方米，消除危房面积 " (d.dangerous_area_removed) " 平方米。"
        }
        h2 { "项目一览表" }
        table #project-table {
            thead { tr { @for c in COLUMNS { th { (c) } } } }
            tbody { @for p in &r.projects { tr {
                td { a href=(format!("/construction/projects/{}/progress", p.id.0)) { (p.name) } }
                td { (p.kind.label()) } td { (p.status.label()) } td { (p.year) }
                td { (p.institution_name.as_deref().unwrap_or("—")) } td { (p.township_name) }
                td.num { (p.planned_floor_area) } td.num { (p.dangerous_area_removed) }
                td.num { (p.latest_overall.map_or("—".to_string(), |o| o.to_string())) }
                td { (p.latest_on.map_or(String::new(), show_date)) }
            } } }
        }
        h2 { "按项目类型" }
        (totals("totals-by-kind", "类型", &r.by_kind, kind_label))
        h2 { "按乡镇（街道）" }
        (totals("totals-by-township", "乡镇（街道）", &r.by_township, str::to_string))
        h2 { "按资金来源" }
        (funding(&r.by_funding_source))
    }
}

pub async fn reports_page(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    let r = overview::reports(&s.db, &caller).await?;
    Ok(page(&actor, "基建项目统计", view(&r)).into_response())
}

pub async fn export(State(s): State<AppState>, caller: Caller) -> PageResult {
    let r = overview::reports(&s.db, &caller).await?;
    let title = Title::new("基建项目一览表").filter("日期", platform::time::today().to_string());
    let mut wb = Workbook::export(&title, &COLUMNS);
    for p in &r.projects {
        wb.row(&[
            Cell::text(p.name.as_str()),
            Cell::text(p.kind.label()),
            Cell::text(p.status.label()),
            Cell::Int(p.year),
            Cell::text(p.institution_name.as_deref().unwrap_or("")),
            Cell::text(p.township_name.as_str()),
            Cell::Int(p.planned_floor_area),
            Cell::Int(p.dangerous_area_removed),
            p.latest_overall
                .map_or(Cell::Blank, |o| Cell::Percent(o.0 * 10)),
            p.latest_on.map_or(Cell::Blank, Cell::Date),
        ])
        .map_err(AppError::Internal)?;
    }
    let bytes = wb.finish().map_err(AppError::Internal)?;
    Ok(file_response("基建项目一览表.xlsx", XLSX_MIME, bytes))
}
