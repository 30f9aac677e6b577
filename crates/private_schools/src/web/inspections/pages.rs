//! The year's results page (/private/results): the table with the pass
//! rate, the 通报 as .docx, and for the bureau's writers the forms to
//! decide a result, adopt a campaign's bands and order the failing to
//! rectify; the year-on-year page.

use axum::extract::{Form, Query, State};
use axum::response::{IntoResponse, Redirect};
use chrono::NaiveDate;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::directory::{find, picker, InstitutionChoice};
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::reports::file_response;
use platform::web::{page, AppState, Notice};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::api::Which;
use crate::domain::inspections::{show_permille, AnnualResult, Grade, Kind};
use crate::service::inspections::{self as service, notice, Decision, OrderTerms, YearResults};
use crate::store::inspections::campaigns;

const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "decided" => "已保存认定结果。",
        "adopted" => "已按评估结果生成本年度结果。",
        "ordered" => "已对未通过的单位下发整改通知。",
        _ => return None,
    })
}

fn here(kind: Kind, year: i64) -> String {
    format!("/private/results?kind={}&year={year}", kind.as_str())
}

fn title(kind: Kind, year: i64) -> String {
    format!("{year}年{}结果", kind.label())
}

/// What the forms of the page were typed with.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Typed {
    kind: String,
    year: String,
    institution: String,
    result: String,
    reason: String,
    campaign_id: String,
    deadline: String,
    responsible_person: String,
    requirement: String,
}

struct Ctx<'a> {
    actor: &'a Actor,
    caller: &'a Caller,
    y: &'a YearResults,
    institutions: &'a [InstitutionChoice],
    campaigns: &'a [(i64, String)],
}

fn result_options(kind: Kind) -> Vec<(String, String)> {
    match kind {
        Kind::Annual => options(AnnualResult::ALL.iter().map(|r| (r.as_str(), r.label()))),
        Kind::Grading => options(Grade::ALL.iter().map(|g| (g.as_str(), g.label()))),
    }
}

fn table(y: &YearResults) -> Markup {
    html! {
        p #pass-rate { "参加 " (y.total) " 所，通过 " (y.passed) " 所，通过率 " strong { (show_permille(y.rate_permille)) } }
        table #results {
            thead { tr { th { "单位" } th { "结果" } th { "依据" } th { "认定理由" } th { "整改通知" } } }
            tbody { @for r in &y.results { tr {
                td { (r.institution_name) }
                td.result { (r.result_label) }
                td { (if r.basis == "decision" { "教育局认定" } else { "评估结果" }) }
                td { (r.reason) }
                td { @if let Some(o) = r.order_id { a href=(format!("/inspection/orders/{o}")) { "已下发" } } }
            } } }
        }
    }
}

fn forms(c: &Ctx, t: &Typed, r: &Refusal) -> Markup {
    let (kind, year) = (c.y.kind, c.y.year);
    let hidden = html! {
        (csrf_field(c.actor))
        input type="hidden" name="kind" value=(kind.as_str());
        input type="hidden" name="year" value=(year);
    };
    html! {
        (refusal_view(r))
        h2 { "认定结果" }
        form.stacked #decide-form method="post" action="/private/results/decide" {
            (hidden)
            label for="institution" { "学校（幼儿园）" }
            (picker("institution", &t.institution, c.institutions))
            (field_error(&r.errors, "institution_id"))
            label for="result" { "结果" }
            (select("result", &result_options(kind), &t.result, Some("请选择")))
            (field_error(&r.errors, "result"))
            label for="reason" { "认定理由" }
            input #reason name="reason" value=(t.reason);
            (field_error(&r.errors, "reason"))
            p { button type="submit" { "保存认定" } }
        }
        h2 { "按评估结果生成" }
        form.stacked #adopt-form method="post" action="/private/results/adopt" {
            (hidden)
            label for="campaign_id" { "评估（检查）" }
            (select("campaign_id", &options(c.campaigns.iter().map(|(i, t)| (i, t))), &t.campaign_id, Some("请选择")))
            (field_error(&r.errors, "campaign_id"))
            p { button type="submit" { "生成结果" } }
        }
        h2 { "对未通过的单位下发整改通知" }
        form.stacked #orders-form method="post" action="/private/results/orders" {
            (hidden)
            label for="deadline" { "整改期限" }
            input #deadline name="deadline" type="date" value=(t.deadline);
            (field_error(&r.errors, "deadline"))
            label for="responsible_person" { "整改责任人" }
            input #responsible_person name="responsible_person" value=(t.responsible_person);
            (field_error(&r.errors, "responsible_person"))
            label for="requirement" { "整改要求" }
            input #requirement name="requirement" value=(t.requirement);
            (field_error(&r.errors, "year"))
            p { button type="submit" { "下发整改通知" } }
        }
    }
}

fn view(c: &Ctx, t: &Typed, r: &Refusal) -> Markup {
    let (kind, year) = (c.y.kind, c.y.year);
    let other = match kind {
        Kind::Annual => Kind::Grading,
        Kind::Grading => Kind::Annual,
    };
    html! {
        p {
            a href="/private" { "← 民办教育" } " · "
            a href=(here(kind, year - 1)) { (year - 1) "年" } " · "
            a href=(here(kind, year + 1)) { (year + 1) "年" } " · "
            a href=(here(other, year)) { (other.label()) } " · "
            a href=(format!("/private/results/history?kind={}", kind.as_str())) { "年度对比" }
            @if service::may_write(c.caller) {
                " · " a #notice-link href=(format!("/private/results/notice.docx?kind={}&year={year}", kind.as_str())) { "下载通报（.docx）" }
            }
        }
        (table(c.y))
        @if service::may_write(c.caller) { (forms(c, t, r)) }
    }
}

async fn render(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    kind: Kind,
    year: i64,
    outcome: Result<Markup, (AppError, Typed)>,
) -> PageResult {
    let y = service::year(&s.db, caller, kind, year).await?;
    let institutions = (s.institutions)(&s.db).await?;
    let campaigns = campaigns(&s.db).await?;
    let c = Ctx {
        actor,
        caller,
        y: &y,
        institutions: &institutions,
        campaigns: &campaigns,
    };
    match outcome {
        Ok(notice) => {
            let body = html! { (notice) (view(&c, &Typed::default(), &Refusal::default())) };
            Ok(page(actor, &title(kind, year), body).into_response())
        }
        Err((e, typed)) => redisplay(actor, &title(kind, year), e, |r| view(&c, &typed, r)),
    }
}

pub async fn results(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(w): Query<Which>,
    notice: Notice,
) -> PageResult {
    render(
        &s,
        &actor,
        &caller,
        w.kind(),
        w.year(),
        Ok(notice.view(notices)),
    )
    .await
}

impl Typed {
    fn which(&self) -> (Kind, i64) {
        let w = Which {
            kind: Some(self.kind.clone()),
            year: self.year.trim().parse().ok(),
        };
        (w.kind(), w.year())
    }
}

async fn answer(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    t: Typed,
    done: Result<(), AppError>,
    key: &str,
) -> PageResult {
    let (kind, year) = t.which();
    match done {
        Ok(()) => Ok(Redirect::to(&format!("{}&notice={key}", here(kind, year))).into_response()),
        Err(e) => render(s, actor, caller, kind, year, Err((e, t))).await,
    }
}

pub async fn decide(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(t): Form<Typed>,
) -> PageResult {
    let (kind, year) = t.which();
    let institutions = (s.institutions)(&s.db).await?;
    let done = match find(&institutions, &t.institution) {
        None => Err(AppError::invalid(
            "institution_id",
            "请从列表中选择学校（幼儿园）",
        )),
        Some(id) => {
            let d = Decision {
                kind: kind.as_str().into(),
                year,
                institution_id: id.0,
                result: t.result.clone(),
                reason: t.reason.clone(),
                version: None,
            };
            service::decide(&s.db, &caller, &d).await.map(|_| ())
        }
    };
    answer(&s, &actor, &caller, t, done, "decided").await
}

pub async fn adopt(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(t): Form<Typed>,
) -> PageResult {
    let done = match t.campaign_id.trim().parse() {
        Ok(id) => service::adopt_campaign(&s.db, &caller, inspection::domain::CampaignId(id))
            .await
            .map(|_| ()),
        Err(_) => Err(AppError::invalid("campaign_id", "请选择评估（检查）")),
    };
    answer(&s, &actor, &caller, t, done, "adopted").await
}

pub async fn order_failing(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(t): Form<Typed>,
) -> PageResult {
    let (kind, year) = t.which();
    let done = match NaiveDate::parse_from_str(t.deadline.trim(), "%Y-%m-%d") {
        Ok(deadline) => {
            let terms = OrderTerms {
                kind: kind.as_str().into(),
                year,
                requirement: t.requirement.clone(),
                responsible_person: t.responsible_person.clone(),
                deadline,
            };
            service::order_failing(&s.db, &caller, &terms)
                .await
                .map(|_| ())
        }
        Err(_) => Err(AppError::invalid("deadline", "请填写整改期限")),
    };
    answer(&s, &actor, &caller, t, done, "ordered").await
}

pub async fn notice_docx(
    State(s): State<AppState>,
    caller: Caller,
    Query(w): Query<Which>,
) -> PageResult {
    let (name, bytes) = notice::notice(&s.db, &caller, w.kind(), w.year()).await?;
    Ok(file_response(&name, DOCX_MIME, bytes))
}

pub async fn history(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(w): Query<Which>,
) -> PageResult {
    let h = service::history(&s.db, &caller, w.kind()).await?;
    let body = html! {
        p { a href="/private" { "← 民办教育" } }
        table #history {
            thead { tr { th { "单位" } @for y in &h.years { th { (y) "年" } } } }
            tbody { @for l in &h.institutions { tr {
                td { (l.institution_name) }
                @for r in &l.results { td { (r) } }
            } } }
        }
    };
    Ok(page(&actor, &format!("{}年度对比", h.kind.label()), body).into_response())
}
