//! The promotion page as a function of its model.

use maud::{html, Markup};
use platform::auth::{Access, Actor, Scope, WorkArea};
use platform::time::show_minute;
use platform::vocab::SchoolYear;
use platform::web::forms::{csrf_field, field_error, options, refusal_view, select, Refusal};
use platform::web::Notice;

use super::super::notices;
use super::{PromotionModel, ScopeForm, PAGE};
use crate::domain::Stage;
use crate::service::promotion::{sets_window, undoes, Preview, Report};
use crate::service::today;

const SCOPES: [(&str, &str); 3] = [
    ("district", "全区"),
    ("stage", "一个学段（全区）"),
    ("institution", "一所学校"),
];

fn scope_form(actor: &Actor, m: &PromotionModel, r: &Refusal) -> Markup {
    let f = &m.form;
    let stages = options(Stage::ALL.iter().map(|s| (s.key(), s.label())));
    let schools = options(m.institutions.iter().map(|i| (i.id.0, i.name.as_str())));
    let chosen = f.institution_id.map(|i| i.to_string()).unwrap_or_default();
    html! {
        h2 { "选择升级范围" }
        form.filters method="get" action=(PAGE) {
            @if actor.scope == Scope::All {
                label { "升级范围" (select("scope", &options(SCOPES), &f.scope, Some("请选择"))) }
                label { "学段" (select("stage", &stages, &f.stage, Some("（按学段时选择）"))) }
                label { "学校" (select("institution_id", &schools, &chosen, Some("（单个学校时选择）"))) }
                (field_error(&r.errors, "scope"))
                (field_error(&r.errors, "stage"))
                (field_error(&r.errors, "institution_id"))
            } @else {
                input type="hidden" name="scope" value="institution";
                p { "升级范围：本校" }
            }
            button type="submit" { "预览" }
        }
    }
}

/// The scope's fields again, carried by the confirmation form.
fn hidden_scope(f: &ScopeForm) -> Markup {
    html! {
        input type="hidden" name="scope" value=(f.scope);
        input type="hidden" name="stage" value=(f.stage);
        input type="hidden" name="institution_id" value=(f.institution_id.map(|i| i.to_string()).unwrap_or_default());
    }
}

fn preview_view(actor: &Actor, m: &PromotionModel, p: &Preview, r: &Refusal) -> Markup {
    html! {
        h2 { "预览：" (p.scope_label) " " (SchoolYear(p.school_year).label()) }
        table id="promotion-preview" {
            thead { tr { th { "学校" } th { "年级" } th { "晋级人数" } th { "毕业人数" } } }
            tbody {
                @for row in &p.rows {
                    tr { td { (row.institution_name) } td { (row.grade_label) } td { (row.promoted) } td { (row.graduated) } }
                }
            }
            tfoot { tr { th { "合计" } th {} th { (p.promoted) } th { (p.graduated) } } }
        }
        h3 { "毕业学生（按学校）" }
        table id="promotion-graduating" {
            thead { tr { th { "学校" } th { "毕业人数" } } }
            tbody { @for g in &p.graduating { tr { td { (g.institution_name) } td { (g.graduated) } } } }
        }
        p #promotion-total { "合计：晋级 " (p.promoted) " 人，毕业 " (p.graduated) " 人，共 " (p.total) " 人。" }
        @if let Some(why) = &p.refusal {
            p.alert role="alert" { (why) }
        } @else if p.total > 0 {
            form method="post" action=(format!("{PAGE}/run")) {
                (csrf_field(actor))
                (hidden_scope(&m.form))
                label { "请输入合计人数 " (p.total) " 以确认升级" input type="text" name="confirm" inputmode="numeric" autocomplete="off"; }
                (field_error(&r.errors, "confirm"))
                button type="submit" { "确认升级" }
            }
        }
    }
}

fn report_view(rep: &Report) -> Markup {
    html! {
        p.notice #promotion-done {
            "已完成" (SchoolYear(rep.run.school_year).label()) "年终升级（" (rep.run.scope_label) "）：晋级 " (rep.run.promoted) " 人，毕业 " (rep.run.graduated) " 人。"
        }
        table id="promotion-report" {
            thead { tr { th { "学校" } th { "晋级人数" } th { "毕业人数" } } }
            tbody { @for c in &rep.institutions { tr { td { (c.institution_name) } td { (c.promoted) } td { (c.graduated) } } } }
        }
    }
}

fn runs_view(actor: &Actor, m: &PromotionModel) -> Markup {
    html! {
        h2 { "本学年升级记录" }
        table id="promotion-runs" {
            thead { tr { th { "办理时间" } th { "范围" } th { "晋级" } th { "毕业" } th { "办理人" } th { "状态" } th {} } }
            tbody {
                @for run in &m.runs {
                    tr {
                        td { (show_minute(run.run_at)) } td { (run.scope_label) } td { (run.promoted) } td { (run.graduated) } td { (run.run_by) }
                        td { @if let Some(at) = run.undone_at { "已于 " (show_minute(at)) " 撤销" } @else { "已升级" } }
                        td {
                            @if undoes(&m.caller, run) {
                                form.inline method="post" action=(format!("{PAGE}/runs/{}/undo", run.id)) {
                                    (csrf_field(actor))
                                    button.secondary type="submit" { "撤销" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn window_view(actor: &Actor, m: &PromotionModel, r: &Refusal) -> Markup {
    let w = m.window;
    let day = today();
    html! {
        p.muted #promotion-window {
            "升级时段：每年" (w.label()) "。"
            @if w.contains(day) { "当前在升级时段内。" }
            @else { "当前不在升级时段内，下次开放日期为 " (w.next_opening(day).format("%Y-%m-%d")) "。" }
        }
        @if sets_window(m.caller.role) {
            h2 { "升级时段设置" }
            form.filters method="post" action=(format!("{PAGE}/window")) {
                (csrf_field(actor))
                label { "开始（月-日）" input type="text" name="opens" value=(w.opens.key()) size="5"; }
                label { "截止（月-日）" input type="text" name="closes" value=(w.closes.key()) size="5"; }
                (field_error(&r.errors, "opens"))
                (field_error(&r.errors, "closes"))
                button type="submit" { "保存" }
            }
        }
    }
}

pub fn view(actor: &Actor, m: &PromotionModel, notice: &Notice, r: &Refusal) -> Markup {
    let writer = actor.may(WorkArea::Students, Access::Write);
    html! {
        (notice.view(notices))
        (refusal_view(r))
        @if let Some(rep) = &m.report { (report_view(rep)) }
        (window_view(actor, m, r))
        @if writer { (scope_form(actor, m, r)) }
        @if let Some(p) = &m.preview { (preview_view(actor, m, p, r)) }
        (runs_view(actor, m))
    }
}
