//! The roster (/supervision/inspectors), an inspector's own page
//! (/supervision/mine) and an institution's page with its inspectors,
//! visits and the assignment form.

use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::time::show_date;
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;
use serde::Deserialize;

use super::visits::visit_table;
use super::{institution_link, notices};
use crate::domain::inspectors::{Period, Unvisited};
use crate::domain::reviews::{percent, show_percent};
use crate::service::inspectors::{self as service, AssignInput, InstitutionPage, Roster};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PeriodQuery {
    pub period: String,
}

impl PeriodQuery {
    /// The period asked for; this term by default.
    pub fn period(&self) -> Period {
        Period::parse(&self.period).unwrap_or(Period::Term)
    }
}

fn period_links(here: &str, period: Period) -> Markup {
    html! {
        p.period-links {
            @for p in Period::ALL {
                @if *p == period { strong { (p.label()) } } @else {
                    a href=(format!("{here}?period={}", p.as_str())) { (p.label()) }
                }
                " "
            }
        }
    }
}

fn unvisited_view(groups: &[Unvisited]) -> Markup {
    html! {
        @if groups.is_empty() { p.muted #unvisited-none { "全部单位均已督导。" } } @else {
            table #unvisited {
                thead { tr { th { "责任督学" } th.num { "挂牌单位" } th.num { "未督导" } th { "未督导单位（最近督导日期）" } } }
                tbody { @for g in groups { tr {
                    td { (g.inspector_name) }
                    td.num { (g.assigned) }
                    td.num { (g.institutions.len()) }
                    td { @for (n, c) in g.institutions.iter().enumerate() {
                        @if n > 0 { "，" }
                        (institution_link(c.institution_id, &c.institution_name))
                        "（" (c.last_visit.map_or("从未督导".to_string(), show_date)) "）"
                    } }
                } } }
            }
        }
    }
}

fn roster_view(r: &Roster, here: &str) -> Markup {
    let total = r.lines.len();
    html! {
        (period_links(here, r.period))
        p #coverage {
            (r.period.label()) "（" (show_date(r.since)) " 起）已督导 " strong { (r.visited) } " / " (total)
            " 所，督导覆盖率 " strong { (show_percent(percent(r.visited as i64, total as i64))) }
        }
        h2 { (r.period.label()) "未督导的单位（按责任督学）" }
        (unvisited_view(&r.unvisited))
        h2 { "挂牌督导一览" }
        table #roster {
            thead { tr { th { "单位" } th { "责任督学" } th { "最近督导" } } }
            tbody { @for l in &r.lines { tr {
                td { (institution_link(l.institution_id, &l.institution_name)) }
                td { @if l.inspector_name.is_empty() { span.muted { "未指定" } } @else { (l.inspector_name) } }
                td { (l.last_visit.map_or("—".to_string(), show_date)) }
            } } }
        }
    }
}

pub async fn roster(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<PeriodQuery>,
) -> PageResult {
    let r = service::roster(&s.db, &caller, q.period()).await?;
    let body = html! {
        p { a href="/supervision" { "← 教育督导" } " · " a href="/supervision/visits" { "督导记录" } }
        (roster_view(&r, "/supervision/inspectors"))
    };
    Ok(page(&actor, "责任督学挂牌督导", body).into_response())
}

pub async fn mine(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    let m = service::mine(&s.db, &caller).await?;
    let body = html! {
        p { a href="/supervision" { "← 教育督导" } " · " a.button href="/supervision/visits/new" { "登记督导记录" } }
        (roster_view(&m.roster, "/supervision/mine"))
        h2 { "我的督导记录" }
        (visit_table(&m.visits))
    };
    Ok(page(&actor, "我的挂牌督导", body).into_response())
}

fn institution_view(
    actor: &Actor,
    caller: &Caller,
    p: &InstitutionPage,
    accounts: &[(i64, String)],
    typed: &AssignInput,
    r: &Refusal,
) -> Markup {
    html! {
        p { a href="/supervision/inspectors" { "← 责任督学挂牌督导" } }
        h2 { "责任督学" }
        table #assignments {
            thead { tr { th { "责任督学" } th { "联系电话" } th { "起始日期" } th { "终止日期" } } }
            tbody { @for a in &p.assignments { tr {
                td { (a.inspector_name) @if a.account_id.is_some() { span.muted { "（督学账号）" } } }
                td { (a.phone) }
                td { (show_date(a.starts_on)) }
                td { (a.ends_on.map_or("至今".to_string(), show_date)) }
            } } }
        }
        @if service::may_write(caller) {
            h3 { "指定（更换）责任督学" }
            (refusal_view(r))
            form.stacked #assign-form method="post" action=(format!("/supervision/institutions/{}", p.institution_id)) {
                (csrf_field(actor))
                label for="account_id" { "督学账号（外聘督学不选，填写姓名和电话）" }
                (select("account_id", &options(accounts.iter().map(|(id, n)| (id, n))), &typed.account_id.map(|a| a.to_string()).unwrap_or_default(), Some("（外聘督学）")))
                (field_error(&r.errors, "account_id"))
                label for="inspector_name" { "责任督学姓名" }
                input #inspector_name name="inspector_name" value=(typed.inspector_name);
                (field_error(&r.errors, "inspector_name"))
                label for="phone" { "联系电话" }
                input #phone name="phone" value=(typed.phone);
                (field_error(&r.errors, "phone"))
                label for="starts_on" { "起始日期（留空为今天）" }
                input #starts_on name="starts_on" type="date" value=(typed.starts_on);
                (field_error(&r.errors, "starts_on"))
                p { button type="submit" { "保存" } }
            }
            p { a.button href=(format!("/supervision/visits/new?institution_id={}", p.institution_id)) { "登记督导记录" } }
        }
        h2 { "督导记录" }
        (visit_table(&p.visits))
    }
}

pub async fn institution(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
    notice: Notice,
) -> PageResult {
    let p = service::institution(&s.db, &caller, id).await?;
    let accounts = service::inspector_accounts(&s.db, &caller).await?;
    let body = html! {
        (notice.view(notices))
        (institution_view(&actor, &caller, &p, &accounts, &AssignInput::default(), &Refusal::default()))
    };
    Ok(page(&actor, &format!("{}：挂牌督导", p.institution_name), body).into_response())
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct AssignForm {
    account_id: String,
    inspector_name: String,
    phone: String,
    starts_on: String,
}

pub async fn assign(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
    Form(f): Form<AssignForm>,
) -> PageResult {
    let input = AssignInput {
        account_id: f.account_id.trim().parse().ok(),
        inspector_name: f.inspector_name,
        phone: f.phone,
        starts_on: f.starts_on,
    };
    match service::assign(&s.db, &caller, id, &input).await {
        Ok(_) => Ok(Redirect::to(&with_notice(
            &format!("/supervision/institutions/{id}"),
            "assigned",
        ))
        .into_response()),
        Err(e) => {
            let p = service::institution(&s.db, &caller, id).await?;
            let accounts = service::inspector_accounts(&s.db, &caller).await?;
            let title = format!("{}：挂牌督导", p.institution_name);
            redisplay(&actor, &title, e, |r| {
                institution_view(&actor, &caller, &p, &accounts, &input, r)
            })
        }
    }
}
