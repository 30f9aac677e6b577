//! 校舍 pages: the list with its filters (the 危房 list is `?grade=D`), the
//! 危房 area by township, and a building with the button that starts its
//! 危房改造 project.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::text_enum::TextEnum;
use platform::web::forms::{csrf_field, options, select};
use platform::web::pager::{Filters, Pager};
use platform::web::{page, AppState};
use platform::PageResult;

use crate::domain::estate::{
    appraisal_overdue, BuildingId, BuildingUse, CertificateStatus, SafetyGrade,
};
use crate::service::estate::buildings::{self as service, BuildingList};
use crate::service::estate::keeps_estate;
use crate::store::estate::buildings::{townships, Building, BuildingFilter};

/// "—" for nothing.
pub(super) fn or_dash<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "—".into(), |v| v.to_string())
}

/// The links between the estate's pages.
pub(super) fn estate_nav() -> Markup {
    html! {
        nav.subnav {
            a href="/construction/buildings" { "校舍" } " · "
            a href="/construction/buildings?grade=D" { "危房" } " · "
            a href="/construction/assets" { "资产" } " · "
            a href="/construction/procurement" { "采购与验收" }
        }
    }
}

fn code_options<E: TextEnum>() -> Vec<(String, String)> {
    options(E::ALL.iter().map(|e| (e.as_str(), e.label())))
}

fn filter_form(f: &BuildingFilter, towns: &[(i64, String)]) -> Markup {
    html! {
        form.filters method="get" action="/construction/buildings" {
            label { "乡镇（街道）" (select("township_id", &options(towns.iter().map(|(i, n)| (i, n))), &or_empty(f.township_id), Some("全部"))) }
            label { "安全鉴定等级" (select("grade", &code_options::<SafetyGrade>(), f.grade.as_deref().unwrap_or(""), Some("全部"))) }
            label { "用途" (select("purpose", &code_options::<BuildingUse>(), f.purpose.as_deref().unwrap_or(""), Some("全部"))) }
            label { "产权证" (select("certificate", &code_options::<CertificateStatus>(), f.certificate.as_deref().unwrap_or(""), Some("全部"))) }
            label { "名称" input name="q" value=(f.q.clone().unwrap_or_default()); }
            button type="submit" { "查询" }
        }
    }
}

fn or_empty(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn filters(f: &BuildingFilter) -> Filters {
    Filters::new()
        .with("township_id", f.township_id)
        .with("institution_id", f.institution_id)
        .with("grade", f.grade.clone())
        .with("purpose", f.purpose.clone())
        .with("certificate", f.certificate.clone())
        .with("uncovered", f.uncovered)
        .with("overdue", f.overdue)
        .with("q", f.q.clone())
}

fn coverage(b: &Building) -> Markup {
    html! {
        @match (&b.project_name, b.grade) {
            (Some(p), _) => { a href=(format!("/construction/projects/{}", b.project_id.unwrap_or_default())) { (p) } }
            (None, Some(SafetyGrade::D)) => { span.alert { "未列入改造项目" } }
            _ => { "—" }
        }
    }
}

fn table(list: &BuildingList, today: chrono::NaiveDate) -> Markup {
    html! {
        table id="buildings" {
            thead { tr {
                th { "乡镇（街道）" } th { "学校" } th { "校舍名称" } th.num { "建筑面积（m²）" } th { "结构" }
                th.num { "层数" } th { "用途" } th { "鉴定等级" } th { "鉴定日期" } th { "产权证" } th { "危房改造项目" }
            } }
            tbody { @for b in &list.buildings { tr {
                td { (b.township_name) } td { (b.institution_name) }
                td { a href=(format!("/construction/buildings/{}", b.id)) { (b.name) } }
                td.num { (b.floor_area) } td { (b.structure.label()) } td.num { (b.floors) } td { (b.purpose.label()) }
                td { (b.grade.map_or("未鉴定", SafetyGrade::label)) }
                td { (or_dash(b.appraised_on))
                    @if appraisal_overdue(b.grade, b.appraised_on, today) { " " span.alert { "逾期" } } }
                td { (b.certificate.label()) }
                td { (coverage(b)) }
            } } }
        }
    }
}

fn danger_view(list: &BuildingList) -> Markup {
    html! {
        @if !list.dangerous_by_township.is_empty() {
            h2 { "危房（D级）面积按乡镇（街道）" }
            table id="danger-by-township" {
                thead { tr { th { "乡镇（街道）" } th.num { "栋数" } th.num { "危房面积（m²）" } th.num { "已列入改造项目（m²）" } } }
                tbody { @for t in &list.dangerous_by_township { tr {
                    td { a href=(format!("/construction/buildings?grade=D&township_id={}", t.township_id)) { (t.township_name) } }
                    td.num { (t.buildings) } td.num { (t.floor_area) } td.num { (t.covered_area) }
                } } }
            }
        }
    }
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(f): Query<BuildingFilter>,
) -> PageResult {
    let list = service::list(&s.db, &caller, &f).await?;
    let towns = townships(&s.db).await?;
    let today = platform::time::today();
    let dangerous = f.grade.as_deref().and_then(SafetyGrade::parse) == Some(SafetyGrade::D);
    let title = if dangerous { "危房" } else { "校舍" };
    let query = filters(&f).query(1);
    let pager = Pager::new(list.page, list.per_page, list.totals.buildings);
    Ok(page(
        &actor,
        title,
        html! {
            (estate_nav())
            (filter_form(&f, &towns))
            p id="totals" { "共 " (list.totals.buildings) " 栋，建筑面积 " (list.totals.floor_area) " 平方米。"
                a href="/construction/buildings?overdue=true" { "鉴定逾期的校舍" } "（从未鉴定，或 C、D级一年内未复鉴）" }
            p {
                a.button.secondary href=(format!("/construction/buildings.xlsx?{query}")) { "导出 Excel" }
                @if keeps_estate(actor.user.role) {
                    " " a.button href="/construction/buildings/new" { "登记校舍" }
                    " " a.button.secondary href="/construction/buildings/import" { "导入校舍" }
                }
            }
            (table(&list, today))
            (pager.view("/construction/buildings", &filters(&f)))
            @if dangerous || f.grade.is_none() { (danger_view(&list)) }
        },
    )
    .into_response())
}

fn facts(b: &Building) -> Markup {
    html! {
        dl.facts {
            dt { "学校" } dd { (b.institution_name) "（" (b.township_name) "）" }
            dt { "建筑面积" } dd { (b.floor_area) " 平方米" }
            dt { "建成年份" } dd { (or_dash(b.year_built)) }
            dt { "结构类型" } dd { (b.structure.label()) }
            dt { "层数" } dd { (b.floors) }
            dt { "用途" } dd { (b.purpose.label()) }
            dt { "安全鉴定等级" } dd id="grade" { (b.grade.map_or("未鉴定", SafetyGrade::label)) }
            dt { "鉴定日期" } dd { (or_dash(b.appraised_on)) }
            dt { "产权证" } dd { (b.certificate.label()) " " (b.certificate_no) }
            dt { "危房改造项目" } dd id="project" { (coverage(b)) }
            dt { "备注" } dd { (b.note) }
        }
    }
}

pub async fn detail(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<BuildingId>,
) -> PageResult {
    let b = service::get(&s.db, &caller, id).await?;
    let bureau =
        actor.scope.institution().is_none() && actor.may(WorkArea::Construction, Access::Write);
    let may_start = bureau && b.grade == Some(SafetyGrade::D) && b.project_id.is_none();
    Ok(page(
        &actor,
        &format!("校舍：{}·{}", b.institution_name, b.name),
        html! {
            (estate_nav())
            (facts(&b))
            @if keeps_estate(actor.user.role) { p { a.button href=(format!("/construction/buildings/{}/edit", b.id)) { "修改" } } }
            @if may_start {
                form method="post" action=(format!("/construction/buildings/{}/rebuild", b.id)) {
                    (csrf_field(&actor))
                    button type="submit" id="start-rebuild" { "发起危房改造项目" }
                }
            }
        },
    )
    .into_response())
}

pub async fn start_rebuild(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<BuildingId>,
) -> PageResult {
    let started = service::start_rebuild(&s.db, &caller, id).await?;
    Ok(Redirect::to(&format!("/construction/buildings/{}", started.building.id)).into_response())
}
