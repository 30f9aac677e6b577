//! 学籍管理: the filtered student list and its pager.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, Scope, WorkArea};
use platform::web::forms::{options, select};
use platform::web::{directory, page, AppState, Filters, InstitutionChoice, Notice, Pager};
use platform::PageResult;
use serde::Deserialize;

use super::{notices, picked};
use crate::domain::Grade;
use crate::reader::StudentsReader;
use crate::store::students::{StudentFilter, StudentPage};
use crate::web::view::{self, CATEGORIES};

/// The list's filters as query pairs, for paging and the export link.
pub fn filters(f: &StudentFilter) -> Filters {
    Filters::new()
        .with("q", f.q.as_ref())
        .with("class_name", f.class_name.as_ref())
        .with("category", f.category.as_ref())
        .with("institution_id", f.institution_id)
        .with("township_id", f.township_id)
        .with("grade", f.grade)
}

/// The institution chosen in a picker (its label, name or 学校标识码).
#[derive(Deserialize, Default)]
pub struct Picked {
    #[serde(default)]
    institution: String,
}

pub struct ListModel {
    pub filter: StudentFilter,
    pub result: StudentPage,
    pub townships: Vec<(String, String)>,
    /// Every institution, for the bureau's picker; empty for a school.
    pub institutions: Vec<InstitutionChoice>,
    /// A school's pupils waiting for a class (待分班) after a transfer.
    pub unplaced: usize,
}

fn filter_form(actor: &Actor, m: &ListModel) -> Markup {
    let f = &m.filter;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let num = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let grades = options(Grade::ALL.iter().map(|g| (g.0, g.label())));
    let chosen = f
        .institution_id
        .map(|id| directory::label_of(&m.institutions, platform::InstitutionId(id)))
        .unwrap_or_default();
    html! {
        form.filters method="get" action="/students" {
            label { "姓名或证件号" input type="text" name="q" value=(opt(&f.q)); }
            @if actor.scope == Scope::All {
                label { "乡镇（街道）" (select("township_id", &m.townships, &num(f.township_id), Some("全部"))) }
                label { "学校" (directory::picker("institution", &chosen, &m.institutions)) }
            }
            label { "年级" (select("grade", &grades, &num(f.grade), Some("全部"))) }
            label { "班级" input type="text" name="class_name" value=(opt(&f.class_name)) size="6"; }
            label { "类别" (select("category", &options(CATEGORIES), &opt(&f.category), Some("全部"))) }
            button type="submit" { "查询" }
        }
    }
}

/// The kit's pager where the list was counted; a district-wide list,
/// paged without counting, gets previous and next only.
fn pager(r: &StudentPage, filters: &Filters) -> Markup {
    match r.total {
        Some(total) if !r.total_capped => {
            Pager::new(r.page, r.per_page, total).view("/students", filters)
        }
        _ => html! {
            @if r.page > 1 || r.has_next {
                div.pager {
                    @if r.page > 1 { a rel="prev" href=(filters.href("/students", r.page - 1)) { "上一页" } }
                    span { "第 " (r.page) " 页" }
                    @if r.has_next { a rel="next" href=(filters.href("/students", r.page + 1)) { "下一页" } }
                }
            }
        },
    }
}

pub fn view(actor: &Actor, m: &ListModel, notice: &Notice) -> Markup {
    let filters = filters(&m.filter);
    let r = &m.result;
    let writer = actor.may(WorkArea::Students, Access::Write);
    html! {
        (notice.view(notices))
        @if m.unplaced > 0 {
            p.alert #unplaced-prompt role="alert" {
                "本校有 " (m.unplaced) " 名转入学生待分班，" a href="/students/transfers" { "请为其分班" } "。"
            }
        }
        (filter_form(actor, m))
        div.actions {
            @if writer {
                a.button href="/students/new" { "办理入学" }
                a.button.secondary href="/students/import" { "批量导入" }
            }
            a.button.secondary href=(filters.href("/students/export.xlsx", 1)) { "导出 Excel" }
            a.button.secondary href="/students/template.xlsx" { "下载导入模板" }
            a.button.secondary href="/students/transfers" { "转学申请" }
            @if writer { a.button.secondary href="/students/promotion" { "年终升级" } }
        }
        p.muted {
            @if let Some(t) = r.total { "共 " (t) @if r.total_capped { "+" } " 名在籍学生" } @else { "在籍学生（全区名单按学校、年级、班级排列，可用上方条件缩小范围）" }
            @if !actor.sees_personal_details() { "（证件号已脱敏）" }
        }
        table id="students" {
            thead { tr { th { "姓名" } th { "身份证件号" } th { "性别" } th { "出生日期" } th { "学校" } th { "年级" } th { "班级" } th { "状态" } th { "类别" } } }
            tbody {
                @for r in &r.items {
                    tr {
                        td { a href=(format!("/students/{}", r.id)) { (r.name) } }
                        td { (r.id_number) }
                        td { (view::sex_label(&r.sex)) }
                        td { (r.birth) }
                        td { (r.institution_name) }
                        td { (Grade(r.grade).label()) }
                        td { @if r.class_name.is_empty() { span.tag { "待分班" } } @else { (r.class_name) } }
                        td { (r.status.label()) }
                        td { @for t in view::category_tags(r.left_behind, r.migrant_child, r.boarding, r.dibao, r.registered_poor, &r.disability) { span.tag { (t) } } }
                    }
                }
            }
        }
        (pager(r, &filters))
    }
}

pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(mut filter): Query<StudentFilter>,
    notice: Notice,
    Query(p): Query<Picked>,
) -> PageResult {
    actor.require(WorkArea::Students, Access::Read)?;
    // Only the bureau chooses a school; a school's list is its own.
    let institutions = if actor.scope == Scope::All {
        (state.institutions)(&state.db).await?
    } else {
        Vec::new()
    };
    if !p.institution.trim().is_empty() {
        filter.institution_id = Some(picked(&institutions, &p.institution)?.0);
    }
    let result = StudentsReader::of(&state.db, &caller)?
        .list(&filter)
        .await?;
    let townships = platform::district::townships(&state.db)
        .await?
        .into_iter()
        .map(|t| (t.id.to_string(), t.name))
        .collect();
    let unplaced = match actor.scope {
        Scope::Institution(_) => crate::store::enrolments::unplaced(&state.db, &actor.scope)
            .await?
            .len(),
        Scope::All => 0,
    };
    let m = ListModel {
        filter,
        result,
        townships,
        institutions,
        unplaced,
    };
    Ok(page(&actor, "学籍管理", view(&actor, &m, &notice)).into_response())
}
