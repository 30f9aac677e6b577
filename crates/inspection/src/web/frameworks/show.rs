//! A framework version's page: its facts, the indicator tree (code, title,
//! points, method, scoring standard, evidence asked for) with totals, the
//! bands, and for a draft's writers the builder's forms.

use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::forms::{csrf_field, refusal_view};
use platform::web::{page, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::builder::{indicator_form, settings_form, Editing};
use super::list::{status_label, writable_owners};
use crate::domain::{Body, Framework, FrameworkId, Method, Node, Points};
use crate::service::frameworks::{self as service, Detail};

/// How a leaf is scored, in words.
fn method_label(m: &Method) -> &'static str {
    match m {
        Method::Levels(_) => "等级",
        Method::Checklist(_) => "检查项",
        Method::Range { .. } => "区间",
        Method::Veto { .. } => "一票否决",
    }
}

/// What each answer of a leaf is worth.
fn standard(points: Points, m: &Method) -> String {
    let list = |items: Vec<(&str, Points)>| {
        items
            .iter()
            .map(|(l, p)| format!("{l} {p}"))
            .collect::<Vec<_>>()
            .join("；")
    };
    match m {
        Method::Levels(o) => list(o.iter().map(|o| (o.label.as_str(), o.points)).collect()),
        Method::Checklist(c) => list(c.iter().map(|c| (c.label.as_str(), c.points)).collect()),
        Method::Range { min } => format!("{min}～{points}"),
        Method::Veto { cap } => format!("触发时总分不超过 {cap}"),
    }
}

fn rows(nodes: &[Node], depth: usize, edit: bool, actor: &Actor, id: FrameworkId) -> Markup {
    html! {
        @for n in nodes {
            @let indent = "　".repeat(depth);
            tr data-code=(n.code) {
                td { (n.code) }
                @match &n.body {
                    Body::Group(children) => {
                        td { (indent) strong { (n.title) } }
                        td.num { strong { (n.points) } }
                        td { "分组（" (children.len()) " 项）" }
                        td {}
                    }
                    Body::Leaf(m) => {
                        td { (indent) (n.title) }
                        td.num { (n.points) }
                        td { (method_label(m)) }
                        td { (standard(n.points, m)) }
                    }
                }
                td { (n.evidence.join("；")) }
                @if edit {
                    td {
                        a href=(format!("/inspection/frameworks/{id}?edit={}#indicator-form", n.code)) { "编辑" }
                        " "
                        form.inline method="post" action=(format!("/inspection/frameworks/{id}/indicators/remove")) {
                            (csrf_field(actor))
                            input type="hidden" name="indicator" value=(n.code);
                            button.link type="submit" { "删除" }
                        }
                    }
                }
            }
            @if let Body::Group(children) = &n.body { (rows(children, depth + 1, edit, actor, id)) }
        }
    }
}

fn tree(f: &Framework, edit: bool, actor: &Actor, id: FrameworkId) -> Markup {
    let sum: Points = f.items.iter().map(|n| n.points).sum();
    html! {
        table id="framework-tree" {
            thead { tr { th { "编号" } th { "指标名称" } th.num { "分值" } th { "计分方法" } th { "评分标准" } th { "佐证材料" } @if edit { th { "操作" } } } }
            tbody { (rows(&f.items, 0, edit, actor, id)) }
            tfoot { tr {
                td {} td { strong { "合计" } } td.num { strong { (sum) } }
                td colspan=(if edit { 4 } else { 3 }) {
                    "总分 " (f.total) "，计分指标 " (f.leaves().len()) " 个"
                    @if sum != f.total { "（一级指标合计与总分不符）" }
                }
            } }
        }
        @if f.items.is_empty() { p.muted { "还没有指标。" } }
    }
}

fn bands(f: &Framework) -> Markup {
    html! {
        h2 { "评定等次" }
        table id="framework-bands" {
            thead { tr { th { "等次" } th.num { "最低分" } } }
            tbody { @for b in &f.bands { tr { td { (b.label) } td.num { (b.min) } } } }
        }
    }
}

fn facts(d: &Detail) -> Markup {
    let r = &d.row;
    html! {
        dl.facts {
            dt { "所属领域" } dd { (r.owner.label()) }
            dt { "用途" } dd { (r.purpose.label()) }
            dt { "年度" } dd { (r.year) }
            dt { "版本" } dd {
                "第 " (r.version) " 版"
                @if let Some(b) = r.based_on { "（据 " a href=(format!("/inspection/frameworks/{b}")) { "上一版本" } " 修订）" }
            }
            dt { "状态" } dd { (status_label(r)) }
        }
    }
}

fn actions(actor: &Actor, d: &Detail, writes: bool) -> Markup {
    let id = d.row.id;
    html! {
        div.actions {
            a.button.secondary href=(format!("/inspection/frameworks/{id}/export.xlsx")) { "导出 Excel" }
            a.button.secondary href="/inspection/frameworks" { "返回评估标准" }
            @if writes && !d.row.is_published() {
                form.inline method="post" action=(format!("/inspection/frameworks/{id}/publish")) {
                    (csrf_field(actor))
                    button type="submit" { "发布" }
                }
            }
            @if writes && d.row.is_published() {
                form.inline id="new-version" method="post" action=(format!("/inspection/frameworks/{id}/versions")) {
                    (csrf_field(actor))
                    label { "年度 " input type="number" name="year" required value=(d.row.year + 1) size="6"; }
                    " "
                    button type="submit" { "生成新版本" }
                }
            }
        }
    }
}

/// The page of version `id`, with the builder in the state `editing`.
pub async fn framework_page(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: FrameworkId,
    editing: &Editing,
) -> Result<Markup, AppError> {
    let d = service::detail(&s.db, caller, id).await?;
    let writes = writable_owners(caller).contains(&d.row.owner);
    let edit = writes && !d.row.is_published();
    let title = format!("{}（{}年）", d.row.name, d.row.year);
    Ok(page(
        actor,
        &title,
        html! {
            (facts(&d))
            (actions(actor, &d, writes))
            (refusal_view(&editing.page))
            @if !d.row.is_published() && !d.problems.is_empty() {
                div.alert id="framework-problems" {
                    "发布前还需解决："
                    ul { @for p in &d.problems { li { (p) } } }
                }
            }
            (tree(&d.framework, edit, actor, id))
            (bands(&d.framework))
            @if edit {
                (indicator_form(actor, &d, editing))
                (settings_form(actor, &d, editing))
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct ShowQuery {
    /// The indicator whose edit form the page opens with.
    #[serde(default)]
    edit: Option<String>,
}

pub async fn show(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<FrameworkId>,
    Query(q): Query<ShowQuery>,
) -> PageResult {
    let editing = Editing::open(q.edit);
    Ok(framework_page(&s, &actor, &caller, id, &editing)
        .await?
        .into_response())
}
