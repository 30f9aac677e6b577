//! /inspection/campaigns/{id}/targets/{institution_id}: one institution's
//! result report, ready to print (scores per indicator, total, band,
//! vetoes, findings), with the orders the campaign issued to it and, for
//! the bureau's writers, the form that issues one (下发整改通知).

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use chrono::NaiveDate;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::time::show_date;
use platform::web::forms::{csrf_field, field_error, redisplay, refusal_view, Refusal};
use platform::web::{page as layout, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::widgets::{answer_label, leaf_method};
use super::{here, points, target_href, writer};
use crate::domain::{CampaignId, Points};
use crate::service::campaigns::{self as service, CampaignOrder, Report};

/// The order form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct OrderForm {
    finding: String,
    requirement: String,
    responsible_person: String,
    deadline: String,
}

fn view(actor: &Actor, rep: &Report, typed: &OrderForm, r: &Refusal) -> Markup {
    let c = &rep.campaign;
    let t = &rep.line.target;
    let scored = rep.line.scored.as_ref();
    let got = |code: &str| scored.and_then(|s| s.by_code.get(code).copied());
    let e = &r.errors;
    let issue = writer(actor, c.owner);
    let first_finding = rep
        .line
        .findings
        .iter()
        .next()
        .map(|(code, f)| format!("（指标 {code}）{f}"));
    html! {
        p.no-print { a href=(here(c.id)) { "← " (c.title) } }
        h2 { (t.institution_name) " " (c.title) "结果报告" }
        dl.facts id="result" {
            dt { "评估标准" } dd { (rep.framework_row.name) "（" (rep.framework_row.year) "年）" }
            dt { "责任督学" } dd { (t.inspector) }
            dt { "自评" } dd { (t.self_status.label()) }
            dt { "原始得分" } dd { (points(t.raw_points)) }
            dt { "总分" } dd id="total" { (points(t.total_points)) }
            dt { "等次" } dd id="band" { @if let Some(b) = &t.band { (b) } @else if t.scored_at.is_some() { "未达等次" } @else { "未评分" } }
            @if !t.vetoed_by.is_empty() { dt { "一票否决" } dd id="vetoes" { (t.vetoed_by) } }
        }
        table id="indicators" {
            thead { tr { th { "指标" } th.num { "分值" } th { "评分" } th.num { "得分" } th { "自评" } th { "发现的问题" } } }
            tbody { @for leaf in rep.framework.leaves() { @if let Some(m) = leaf_method(leaf) {
                @let code = leaf.code.trim();
                tr data-code=(code) {
                    td { (code) " " (leaf.title) }
                    td.num { (leaf.points) }
                    td { (answer_label(m, rep.answers.get(code))) }
                    td.num { (got(code).map_or("—".to_string(), |p: Points| p.to_string())) }
                    td { (answer_label(m, rep.self_items.get(code).and_then(|i| i.answer.as_ref()))) }
                    td { (rep.line.findings.get(code).map_or("", String::as_str)) }
                }
            } } }
        }
        h3 { "整改通知" }
        @if rep.orders.is_empty() { p.muted { "尚未下发整改通知。" } } @else {
            table id="orders" {
                thead { tr { th { "问题" } th { "整改责任人" } th { "整改期限" } th { "状态" } } }
                tbody { @for o in &rep.orders { tr {
                    td { (o.finding) } td { (o.responsible_person) } td { (show_date(o.deadline)) } td { (o.status.label()) }
                } } }
            }
        }
        @if issue {
            (refusal_view(r))
            form.stacked.no-print id="order-form" method="post" action=(format!("{}/orders", target_href(c.id, t.institution_id))) {
                (csrf_field(actor))
                label for="finding" { "发现的问题" }
                textarea id="finding" name="finding" rows="2" {
                    @if typed.finding.is_empty() { (first_finding.unwrap_or_default()) } @else { (typed.finding) }
                }
                (field_error(e, "finding"))
                label for="requirement" { "整改要求" }
                textarea id="requirement" name="requirement" rows="2" { (typed.requirement) }
                label for="responsible_person" { "整改责任人" }
                input id="responsible_person" name="responsible_person" value=(typed.responsible_person);
                (field_error(e, "responsible_person"))
                label for="deadline" { "整改期限" }
                input id="deadline" name="deadline" type="date" value=(typed.deadline);
                (field_error(e, "deadline"))
                p { button type="submit" { "下发整改通知" } }
            }
        }
    }
}

fn title(rep: &Report) -> String {
    format!("结果报告：{}", rep.line.target.institution_name)
}

pub async fn page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path((id, institution)): Path<(CampaignId, i64)>,
) -> PageResult {
    let rep = service::report(&s.db, &caller, id, institution).await?;
    let body = view(&actor, &rep, &OrderForm::default(), &Refusal::default());
    Ok(layout(&actor, &title(&rep), body).into_response())
}

pub async fn issue_order(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path((id, institution)): Path<(CampaignId, i64)>,
    Form(f): Form<OrderForm>,
) -> PageResult {
    let issued = match NaiveDate::parse_from_str(f.deadline.trim(), "%Y-%m-%d") {
        Ok(deadline) => {
            let order = CampaignOrder {
                finding: f.finding.clone(),
                requirement: f.requirement.clone(),
                responsible_person: f.responsible_person.clone(),
                deadline,
            };
            service::issue_order(&s.db, &caller, id, institution, &order).await
        }
        Err(_) => Err(AppError::invalid("deadline", "请填写整改期限")),
    };
    match issued {
        Ok(_) => Ok(Redirect::to(&target_href(id, institution)).into_response()),
        Err(e) => {
            let rep = service::report(&s.db, &caller, id, institution).await?;
            redisplay(&actor, &title(&rep), e, |r| view(&actor, &rep, &f, r))
        }
    }
}
