//! 教职工名单: the filtered staff list page. The filters live in the URL,
//! so a list can be bookmarked, paged and exported as it is shown.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Actor, Caller, Scope};
use platform::district::Township;
use platform::web::forms::select;
use platform::web::{directory, page, AppState, Filters, InstitutionChoice, Pager};
use platform::{AppError, InstitutionId, PageResult};
use serde::Deserialize;

use super::reader::StaffListReader;
use super::view::{
    self, backbone_choices, choices, stage_choices, status_choices, FULL_TIME_CHOICES,
};
use crate::domain::{Establishment, TitleLevel};
use crate::store::staff_list::{StaffFilter, StaffPage};

/// The list's filters as query pairs, for paging, sorting and the export.
pub fn filters(f: &StaffFilter) -> Filters {
    Filters::new()
        .with("q", f.q.as_ref())
        .with("institution_id", f.institution_id)
        .with("township_id", f.township_id)
        .with("stage", f.stage.as_ref())
        .with("subject", f.subject.as_ref())
        .with("title_level", f.title_level.as_ref())
        .with("establishment", f.establishment.as_ref())
        .with("backbone_level", f.backbone_level.as_ref())
        .with("status", f.status.as_ref())
        .with("full_time", f.full_time.as_ref())
        .with("sort", f.sort.as_ref())
}

/// The institution chosen in the picker (its label, name or 学校标识码).
#[derive(Deserialize, Default)]
pub struct Picked {
    #[serde(default)]
    pub(super) institution: String,
}

/// Resolves the picker's text into the filter's institution.
pub fn pick(f: &mut StaffFilter, all: &[InstitutionChoice], typed: &str) -> Result<(), AppError> {
    if !typed.trim().is_empty() {
        let id = directory::resolve(all, typed).map_err(|m| AppError::invalid("institution", m))?;
        f.institution_id = Some(id.0);
    }
    Ok(())
}

struct ListModel {
    filter: StaffFilter,
    result: StaffPage,
    townships: Vec<Township>,
    /// Every institution, for the bureau's picker; empty for a school.
    institutions: Vec<InstitutionChoice>,
}

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

fn filter_form(actor: &Actor, m: &ListModel) -> Markup {
    let f = &m.filter;
    let chosen = f
        .institution_id
        .map(|id| directory::label_of(&m.institutions, InstitutionId(id)))
        .unwrap_or_default();
    let townships: Vec<(String, String)> = m
        .townships
        .iter()
        .map(|t| (t.id.to_string(), t.name.clone()))
        .collect();
    let subjects: Vec<(String, String)> = view::SUBJECTS
        .iter()
        .map(|s| (s.to_string(), s.to_string()))
        .collect();
    let full_time = FULL_TIME_CHOICES.map(|(k, l)| (k.to_string(), l.to_string()));
    html! {
        form.filters method="get" action="/teachers/staff" {
            label { "姓名或证件号" input type="text" name="q" value=(opt(&f.q)); }
            @if actor.scope == Scope::All {
                label { "乡镇（街道）" (select("township_id", &townships, &f.township_id.map(|t| t.to_string()).unwrap_or_default(), Some("全部"))) }
                label { "单位" (directory::picker("institution", &chosen, &m.institutions)) }
            }
            label { "任教学段" (select("stage", &stage_choices(), &opt(&f.stage), Some("全部"))) }
            label { "任教学科" (select("subject", &subjects, &opt(&f.subject), Some("全部"))) }
            label { "职称等级" (select("title_level", &choices::<TitleLevel>(), &opt(&f.title_level), Some("全部"))) }
            label { "编制" (select("establishment", &choices::<Establishment>(), &opt(&f.establishment), Some("全部"))) }
            label { "骨干层级" (select("backbone_level", &backbone_choices(), &opt(&f.backbone_level), Some("全部"))) }
            label { "专任" (select("full_time", &full_time, &opt(&f.full_time), Some("全部"))) }
            label { "在职状态" (select("status", &status_choices(), &opt(&f.status), Some("在职（默认）"))) }
            @if let Some(sort) = &f.sort { input type="hidden" name="sort" value=(sort); }
            button type="submit" { "查询" }
            a.button.secondary href="/teachers/staff" { "清除条件" }
        }
    }
}

/// Page numbers with a jump where the list was counted; previous and next
/// where it was not.
fn pager(r: &StaffPage, filters: &Filters) -> Markup {
    if let Some(total) = r.total {
        return Pager::new(r.page, r.per_page, total).view("/teachers/staff", filters);
    }
    html! {
        div.pager {
            @if r.page > 1 { a rel="prev" href=(filters.href("/teachers/staff", r.page - 1)) { "上一页" } }
            span { "第 " (r.page) " 页" }
            @if r.has_next { a rel="next" href=(filters.href("/teachers/staff", r.page + 1)) { "下一页" } }
        }
    }
}

fn view(actor: &Actor, m: &ListModel) -> Markup {
    let f = &m.filter;
    let links = filters(f);
    let r = &m.result;
    let chosen = f
        .institution_id
        .map(|id| directory::label_of(&m.institutions, InstitutionId(id)))
        .unwrap_or_default();
    let conditions = view::described(f, &chosen, &m.townships);
    let descending = f.sort.as_deref() == Some("-name");
    let mut flipped = f.clone();
    flipped.sort = (!descending).then(|| "-name".to_string());
    html! {
        (filter_form(actor, m))
        div.actions {
            a.button.secondary href=(links.href("/teachers/staff.xlsx", 1)) { "导出 Excel" }
            a.button.secondary href="/teachers" { "返回教师队伍" }
        }
        p.muted #staff-summary {
            "筛选条件："
            @for (n, (k, v)) in conditions.iter().enumerate() { @if n > 0 { "；" } (k) "：" (v) }
            "。"
            @match r.total {
                Some(t) => { "共 " (t) " 人。" }
                None => { "全区名单按姓名排列，每页 " (r.per_page) " 人；选择单位后显示合计，各类人数见" a href="/teachers" { "教师队伍首页" } "。" }
            }
            @if !actor.sees_personal_details() { "（身份证件号已脱敏）" }
        }
        @if r.items.is_empty() {
            p.empty #staff-empty { "没有符合条件的教职工。请放宽筛选条件，或" a href="/teachers/staff" { "清除全部条件" } "。" }
        } @else {
            table id="staff" {
                thead { tr {
                    th { a href=(filters(&flipped).href("/teachers/staff", 1)) title="按姓名排序" { "姓名" @if descending { " ▼" } @else { " ▲" } } }
                    th { "身份证件号" } th { "性别" } th { "出生日期" } th { "任职单位" } th { "学段" } th { "任教学科" } th { "职称" } th { "编制" } th { "骨干层级" } th { "状态" }
                } }
                tbody {
                    @for s in &r.items {
                        @let (place, away) = view::workplace(s);
                        tr {
                            td { a href=(format!("/teachers/staff/{}", s.id)) { (s.name) } }
                            td { (s.national_id) }
                            td { (view::sex_label(&s.sex)) }
                            td { (s.birth) }
                            td { (place) @if let Some(a) = away { " " span.tag { (a) } } }
                            td { (view::stage_label(s.stage.as_deref())) }
                            td { (s.subjects) }
                            td { (s.title()) }
                            td { (s.establishment.label()) }
                            td { (s.backbone_level.map(|b| b.label()).unwrap_or("")) }
                            td { (s.status.label()) }
                        }
                    }
                }
            }
        }
        (pager(r, &links))
    }
}

pub async fn show(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(mut filter): Query<StaffFilter>,
    Query(p): Query<Picked>,
) -> PageResult {
    let reader = StaffListReader::of(&state.db, &caller)?;
    // Only the bureau chooses an institution; a school's list is its own.
    let institutions = if actor.scope == Scope::All {
        (state.institutions)(&state.db).await?
    } else {
        Vec::new()
    };
    pick(&mut filter, &institutions, &p.institution)?;
    let result = reader.list(&filter).await?;
    let m = ListModel {
        townships: platform::district::townships(&state.db).await?,
        filter,
        result,
        institutions,
    };
    Ok(page(&actor, "教职工名单", view(&actor, &m)).into_response())
}
