//! The /audit page: a function of what the handler read.

use maud::{html, Markup};

use crate::web::forms::{non_empty, select};
use crate::web::pager::Pager;

use super::filter::{AuditFilter, Kind};
use super::labels::{is_view, AuditLabels, ACTIONS};
use super::read::ReadableRow;
use super::store::EXPORT_LIMIT;

/// What the page shows.
pub struct AuditView<'a> {
    pub filter: &'a AuditFilter,
    pub labels: &'a AuditLabels,
    pub institutions: &'a [(i64, String)],
    pub rows: Vec<ReadableRow>,
    pub pager: Pager,
}

fn pairs<'i>(items: impl Iterator<Item = (&'i str, &'i str)>) -> Vec<(String, String)> {
    items.map(|(k, l)| (k.to_string(), l.to_string())).collect()
}

/// The actions a tab can hold.
fn actions(kind: Kind) -> Vec<(String, String)> {
    pairs(ACTIONS.iter().copied().filter(|(a, _)| match kind {
        Kind::Changes => !is_view(a),
        Kind::Views => is_view(a),
        Kind::All => true,
    }))
}

fn link(f: &AuditFilter) -> String {
    f.filters().href("/audit", 1)
}

pub fn body(v: &AuditView) -> Markup {
    let f = v.filter;
    let kind = f.kind();
    let opt = |s: &Option<String>| non_empty(s).unwrap_or("").to_string();
    let id = |i: Option<i64>| i.map(|i| i.to_string()).unwrap_or_default();
    let entities = pairs(v.labels.choices());
    let institutions: Vec<(String, String)> = v
        .institutions
        .iter()
        .map(|(i, n)| (i.to_string(), n.clone()))
        .collect();
    html! {
        nav.tabs {
            @for k in Kind::TABS {
                @let tab = AuditFilter { kind: Some(k.key().into()), action: None, page: None, ..f.clone() };
                @if k == kind { strong { (k.label()) } } @else { a href=(link(&tab)) { (k.label()) } }
            }
        }
        form.filters method="get" action="/audit" {
            input type="hidden" name="kind" value=(kind.key());
            @if let Some(e) = f.entity_id { input type="hidden" name="entity_id" value=(e); }
            label { "对象类型" (select("entity", &entities, &opt(&f.entity), Some("全部"))) }
            label { "操作" (select("action", &actions(kind), &opt(&f.action), Some("全部"))) }
            label { "用户（用户名或姓名）" input type="text" name="user" value=(opt(&f.user)); }
            label { "机构" (select("institution_id", &institutions, &id(f.institution_id), Some("全部"))) }
            label { "起始日期" input type="date" name="from" value=(opt(&f.from)); }
            label { "截止日期" input type="date" name="to" value=(opt(&f.to)); }
            button type="submit" { "查询" }
            a.button.secondary href=(link(&AuditFilter { kind: Some(kind.key().into()), ..Default::default() })) { "清除条件" }
        }
        div.actions {
            a.button.secondary href=(f.filters().href("/audit/export.xlsx", 1)) { "导出 Excel" }
        }
        p.muted {
            "共 " (v.pager.total) " 条记录（时间为北京时间；审计日志只能追加，任何人都无法修改或删除）"
            @if f.entity_id.is_some() {
                "。只显示同一" (v.labels.entity_label(&opt(&f.entity))) "的记录，"
                a href=(link(&AuditFilter { entity_id: None, page: None, ..f.clone() })) { "显示全部" }
            }
            @if v.pager.total > EXPORT_LIMIT { "。导出最多包含最近 " (EXPORT_LIMIT) " 条，请缩小日期范围分批导出。" }
        }
        @if v.rows.is_empty() {
            p.alert { "没有符合条件的记录。可放宽日期范围、改选对象类型或操作，或点“清除条件”。" }
        } @else {
            table id="audit" {
                thead { tr { th { "时间" } th { "用户" } th { "操作" } th { "对象类型" } th { "机构" } th { "摘要" } th { "变更内容" } } }
                tbody {
                    @for r in &v.rows {
                        tr {
                            td { (r.time) }
                            td { (r.actor) }
                            td { (r.action_label) }
                            td { (r.entity_label) }
                            td { (r.institution_name.as_deref().unwrap_or("—")) }
                            td { (r.row.summary) }
                            td { ul.changes { @for c in &r.changes { li { (c) } } } }
                        }
                    }
                }
            }
        }
        (v.pager.view("/audit", &f.filters()))
    }
}
