//! 机构名录: the filtered, paged list of institutions.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Scope, WorkArea};
use platform::district::{self, Township};
use platform::web::forms::{options, select};
use platform::web::{page, AppState, Filters, Pager};
use platform::PageResult;

use super::township_name;
use crate::domain::{Category, Institution, Licence, Ownership, Status, DESIGNATION_TITLES};
use crate::store::{self, Filter, Page};

/// The list's filters as query pairs, for paging and the export link.
pub fn filters(f: &Filter) -> Filters {
    Filters::new()
        .with("q", f.q.as_ref())
        .with("category", f.category.as_ref())
        .with("ownership", f.ownership.as_ref())
        .with("designation", f.designation.as_ref())
        .with("licence", f.licence.as_ref())
        .with("status", f.status.as_ref())
        .with("township_id", f.township_id)
}

pub struct ListModel<'a> {
    pub filter: &'a Filter,
    pub result: &'a Page<Institution>,
    pub townships: &'a [Township],
    /// Bureau staff who may add and import institutions.
    pub bureau_writer: bool,
}

fn filter_form(f: &Filter, townships: &[Township]) -> Markup {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let towns: Vec<(String, String)> = townships
        .iter()
        .map(|t| (t.id.to_string(), t.name.clone()))
        .collect();
    let titles: Vec<(String, String)> = DESIGNATION_TITLES
        .iter()
        .map(|t| (t.to_string(), t.to_string()))
        .collect();
    let licences: Vec<(String, String)> = vec![
        ("licensed".into(), "有证".into()),
        ("unlicensed".into(), "无证".into()),
    ];
    let town = f.township_id.map(|t| t.to_string()).unwrap_or_default();
    html! {
        form.filters method="get" action="/institutions" {
            label { "名称或标识码" input type="text" name="q" value=(opt(&f.q)); }
            label { "类别" (select("category", &options(Category::ALL.iter().map(|c| (c.key(), c.label()))), &opt(&f.category), Some("全部"))) }
            label { "举办性质" (select("ownership", &options(Ownership::ALL.iter().map(|o| (o.key(), o.label()))), &opt(&f.ownership), Some("全部"))) }
            label { "乡镇（街道）" (select("township_id", &towns, &town, Some("全部"))) }
            label { "称号" (select("designation", &titles, &opt(&f.designation), Some("全部"))) }
            label { "办学许可" (select("licence", &licences, &opt(&f.licence), Some("全部"))) }
            label { "状态" (select("status", &options(Status::ALL.iter().map(|s| (s.key(), s.label()))), &opt(&f.status), Some("全部"))) }
            button type="submit" { "查询" }
        }
    }
}

pub fn view(m: &ListModel) -> Markup {
    let filters = filters(m.filter);
    let r = m.result;
    html! {
        (filter_form(m.filter, m.townships))
        div.actions {
            @if m.bureau_writer {
                a.button href="/institutions/new" { "新增机构" }
                a.button.secondary href="/institutions/import" { "从 Excel 导入" }
            }
            a.button.secondary href=(filters.href("/institutions/export.xlsx", 1)) { "导出 Excel" }
        }
        p.muted { "共 " (r.total) " 个机构" }
        table id="institutions" {
            thead { tr { th { "机构名称" } th { "学校标识码" } th { "办学类型" } th { "举办性质" } th { "乡镇（街道）" } th.num { "核定学位" } th.num { "班级数" } th { "状态" } } }
            tbody {
                @for i in &r.items {
                    tr {
                        td { a href=(format!("/institutions/{}", i.id)) { (i.name) } @if i.licence == Licence::Unlicensed { " " span.tag { "无证" } } }
                        td { (i.code.as_deref().unwrap_or("—")) }
                        td { (i.school_type_name()) }
                        td { (i.ownership.label()) }
                        td { (township_name(m.townships, i.township_id)) }
                        td.num { (i.approved_places) }
                        td.num { (i.class_count) }
                        td { (i.status.label()) }
                    }
                }
            }
        }
        (Pager::new(r.page, r.per_page, r.total).view("/institutions", &filters))
    }
}

pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    Query(f): Query<Filter>,
) -> PageResult {
    actor.require(WorkArea::Institutions, Access::Read)?;
    let townships = district::townships(&state.db).await?;
    let result = store::list(&state.db, &actor.scope, &f).await?;
    let model = ListModel {
        filter: &f,
        result: &result,
        townships: &townships,
        bureau_writer: actor.may(WorkArea::Institutions, Access::Write)
            && actor.scope == Scope::All,
    };
    Ok(page(&actor, "机构名录", view(&model)).into_response())
}
