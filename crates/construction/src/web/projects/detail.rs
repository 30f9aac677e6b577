//! /construction/projects/{id}: a project with its phases (dated in place
//! by bureau writers), funding, contracts and payments.

use axum::extract::{Path, State};
use axum::response::IntoResponse;
use chrono::NaiveDate;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::time::show_date;
use platform::web::forms::{csrf_field, field_error, refusal_view, Refusal};
use platform::web::{page as layout, AppState};
use platform::PageResult;

use super::writer;
use crate::domain::projects::{wan_label, FundingSource, ProjectId};
use crate::service::projects::{self as service, ProjectDetail};

/// Which form on the page a refusal belongs to, so its errors show there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum At {
    Nothing,
    Phase(crate::domain::Phase),
    Budget,
    Contract,
    Payment(i64),
}

pub async fn page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ProjectId>,
) -> PageResult {
    let d = service::get(&s.db, &caller, id).await?;
    let body = view(&actor, &d, &Refusal::default(), At::Nothing);
    Ok(layout(&actor, &d.project.name, body).into_response())
}

fn date_input(name: &str, v: Option<NaiveDate>) -> Markup {
    html! { input type="date" name=(name) value=[v.map(|d| d.to_string())]; }
}

fn day(v: Option<NaiveDate>) -> String {
    v.map_or_else(|| "—".into(), show_date)
}

/// The page's body: `r` holds a refusal of the form `at`.
pub(super) fn view(actor: &Actor, d: &ProjectDetail, r: &Refusal, at: At) -> Markup {
    let p = &d.project;
    let here = format!("/construction/projects/{}", p.id.0);
    let edit = writer(actor);
    let errors = |form: At| if form == at { r.errors.as_slice() } else { &[] };
    html! {
        p { a href="/construction/projects" { "← 基建项目" } @if edit { " · " a href=(format!("{here}/edit")) { "修改项目信息" } } }
        (refusal_view(r))
        dl.facts id="project-facts" {
            dt { "项目类型" } dd { (p.kind.label()) }
            dt { "学校" } dd { (p.place()) @if p.institution_id.is_none() { "（新建学校，交付使用后登记到机构名录）" } }
            dt { "乡镇（街道）" } dd { (p.township_name) }
            dt { "年度" } dd { (p.year) }
            dt { "规划建筑面积" } dd { (p.planned_floor_area) " m²" }
            dt { "消除危房面积" } dd { (p.dangerous_area_removed) " m²" }
            dt { "状态" } dd { (p.status.label()) }
            dt { "项目负责人" } dd { (p.responsible_person) }
            @if !p.note.is_empty() { dt { "备注" } dd { (p.note) } }
        }
        h2 { "项目阶段" }
        p.muted { "各阶段按 立项 → 设计招标 → 造价咨询 → 施工招标 → 施工 → 竣工验收 → 交付使用 的顺序推进：上一阶段开始后才能开始下一阶段，上一阶段完成后才能完成下一阶段。" }
        table id="phases" {
            thead { tr { th { "阶段" } th { "计划开始" } th { "计划完成" } th { "实际开始" } th { "实际完成" } th {} } }
            tbody { @for ph in &d.phases {
                @let errs = errors(At::Phase(ph.phase));
                tr.late[ph.late] data-phase=(ph.phase.as_str()) {
                    td { (ph.phase.label()) @if ph.late { " " span.late { "逾期" } } }
                    @if edit {
                        td colspan="5" {
                            form.inline method="post" action=(format!("{here}/phases/{}", ph.phase.as_str())) {
                                (csrf_field(actor))
                                (date_input("planned_start", ph.dates.planned_start))
                                (date_input("planned_end", ph.dates.planned_end))
                                (date_input("actual_start", ph.dates.actual_start))
                                (date_input("actual_end", ph.dates.actual_end))
                                button type="submit" { "保存" }
                            }
                            @for f in ["planned_start", "planned_end", "actual_start", "actual_end"] { (field_error(errs, f)) }
                        }
                    } @else {
                        td { (day(ph.dates.planned_start)) } td { (day(ph.dates.planned_end)) }
                        td { (day(ph.dates.actual_start)) } td { (day(ph.dates.actual_end)) } td {}
                    }
                }
            } }
        }
        h2 { "资金" }
        p id="totals" {
            "预算 " (wan_label(d.totals.budget)) "，合同 " (wan_label(d.totals.contracted)) "，已付款 " (wan_label(d.totals.paid))
        }
        table id="budget" {
            thead { tr { th { "资金来源" } th.num { "金额（元）" } th { "说明" } } }
            tbody { @for b in &d.budget { tr { td { (b.source.label()) } td.num { (b.amount) } td { (b.note) } } } }
        }
        @if edit {
            @let errs = errors(At::Budget);
            form.inline id="budget-form" method="post" action=(format!("{here}/budget")) {
                (csrf_field(actor))
                select name="source" { @for f in FundingSource::ALL { option value=(f.as_str()) { (f.label()) } } }
                input name="amount" placeholder="金额（元）" inputmode="numeric";
                input name="note" placeholder="说明";
                button type="submit" { "登记预算" }
            }
            (field_error(errs, "amount")) (field_error(errs, "source"))
        }
        h2 { "合同与付款" }
        table id="contracts" {
            thead { tr { th { "签约单位" } th { "内容" } th { "签订日期" } th.num { "合同金额（元）" } th.num { "已付（元）" } th {} } }
            tbody { @for c in &d.contracts {
                @let errs = errors(At::Payment(c.id.0));
                tr {
                    td { (c.party) } td { (c.subject) } td { (show_date(c.signed_on)) } td.num { (c.amount) } td.num { (c.paid) }
                    td { @if edit {
                        form.inline method="post" action=(format!("{here}/contracts/{}/payments", c.id.0)) {
                            (csrf_field(actor))
                            input type="date" name="paid_on" aria-label="付款日期";
                            input name="amount" placeholder="付款金额（元）" inputmode="numeric";
                            input name="note" placeholder="说明";
                            button type="submit" { "登记付款" }
                        }
                        (field_error(errs, "amount")) (field_error(errs, "paid_on"))
                    } }
                }
            } }
        }
        @if edit {
            @let errs = errors(At::Contract);
            form.inline id="contract-form" method="post" action=(format!("{here}/contracts")) {
                (csrf_field(actor))
                input name="party" placeholder="签约单位";
                input name="subject" placeholder="合同内容";
                input name="amount" placeholder="合同金额（元）" inputmode="numeric";
                input type="date" name="signed_on" aria-label="签订日期";
                button type="submit" { "登记合同" }
            }
            @for f in ["party", "amount", "signed_on"] { (field_error(errs, f)) }
        }
        @if !d.payments.is_empty() {
            h3 { "付款记录" }
            table id="payments" {
                thead { tr { th { "付款日期" } th.num { "金额（元）" } th { "说明" } } }
                tbody { @for m in &d.payments { tr { td { (show_date(m.paid_on)) } td.num { (m.amount) } td { (m.note) } } } }
            }
        }
    }
}
