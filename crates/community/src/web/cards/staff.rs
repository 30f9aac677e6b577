//! Staff pages of learning cards under /community/cards: the list (masked,
//! filtered by street and name or number), one card in full (the view
//! audited), the desk registration with its initial password printed once,
//! a password reset, and the list as .xlsx.

use axum::extract::{Form, Path, Query, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::excel::{Cell, Title, Workbook, XLSX_MIME};
use platform::web::forms::{csrf_field, field_error, redisplay, refusal_view, select, Refusal};
use platform::web::pager::{Filters, Pager};
use platform::web::{file_response, page, AppState};
use platform::PageResult;
use serde::Deserialize;

use crate::domain::cards::{CardId, CardInput};
use crate::service::cards::{self as service, Issued, PER_PAGE};
use crate::store::cards::{Card, CardFilter};

const TITLE: &str = "学习卡";

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    township_id: String,
    q: String,
    page: Option<i64>,
}

impl ListQuery {
    fn filter(&self) -> CardFilter {
        CardFilter {
            township_id: self.township_id.trim().parse().ok(),
            q: self.q.trim().to_string(),
        }
    }
}

async fn towns(s: &AppState) -> Result<Vec<(String, String)>, platform::AppError> {
    Ok(platform::district::townships(&s.db)
        .await?
        .into_iter()
        .map(|t| (t.id.0.to_string(), t.name))
        .collect())
}

fn via(c: &Card) -> &'static str {
    if c.registered_via == "online" {
        "网上办理"
    } else {
        "窗口办理"
    }
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<ListQuery>,
) -> PageResult {
    let f = q.filter();
    let page_no = q.page.unwrap_or(1).max(1);
    let cards = service::list(&s.db, &caller, &f, page_no).await?;
    let towns = towns(&s).await?;
    let filters = Filters::new()
        .with("township_id", f.township_id)
        .with("q", (!f.q.is_empty()).then(|| f.q.clone()));
    let pager = Pager::new(page_no, PER_PAGE, cards.total);
    let export = format!("/community/cards/export.xlsx?{}", filters.query(1));
    let body = html! {
        p { a href="/community" { "← 社区教育" } @if caller.role.may(WorkArea::Lifelong, Access::Write) { " · " a href="/community/cards/new" { "窗口办卡" } } " · " a href=(export) { "导出 Excel" } }
        form.filters #card-filters method="get" action="/community/cards" {
            label { "街道（镇）" (select("township_id", &towns, &q.township_id, Some("全部"))) }
            label { "姓名、卡号或身份证号" input type="search" name="q" value=(q.q); }
            button type="submit" { "查询" }
        }
        p #card-total { "共 " (cards.total) " 张" }
        table #cards {
            thead { tr { th { "卡号" } th { "姓名" } th { "身份证号" } th { "手机号" } th { "街道（镇）" } th { "办理" } th { "核验" } } }
            tbody { @for c in &cards.items { tr {
                td { a href=(format!("/community/cards/{}", c.id)) { (c.card_no) } }
                td { (c.name) } td { (c.id_number) } td { (c.phone) } td { (c.township_name) }
                td { (via(c)) @if let Some(i) = &c.issuer_name { "（" (i) "）" } }
                td { @if c.verified_on.is_some() { "已核验" } @else { "待核验" } }
            } } }
        }
        (pager.view("/community/cards", &filters))
    };
    Ok(page(&actor, TITLE, body).into_response())
}

pub async fn detail(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<CardId>,
) -> PageResult {
    let c = service::detail(&s.db, &caller, id).await?;
    let sex = if c.sex == "m" { "男" } else { "女" };
    let body = html! {
        p { a href="/community/cards" { "← 学习卡" } }
        dl.facts #card {
            dt { "卡号" } dd { (c.card_no) }
            dt { "姓名" } dd { (c.name) }
            dt { "性别" } dd { (sex) }
            dt { "出生日期" } dd { (c.birth_date) }
            dt { "身份证号" } dd { (c.id_number) }
            dt { "手机号" } dd { (c.phone) }
            dt { "住址" } dd { (c.township_name) " " (c.community) }
            dt { "办理" } dd { (via(&c)) @if let Some(i) = &c.issuer_name { "（" (i) "）" } }
            dt { "身份核验" } dd { @if let Some(d) = c.verified_on { (d) } @else { "待首次上课时核验" } }
            dt { "状态" } dd { @if c.status == "active" { "正常" } @else { "已停用" } }
        }
        @if caller.role.may(WorkArea::Lifelong, Access::Write) {
            form method="post" action=(format!("/community/cards/{}/password", c.id)) {
                (csrf_field(&actor))
                button.secondary type="submit" { "重置密码" }
            }
        }
    };
    Ok(page(&actor, &format!("学习卡 {}", c.card_no), body).into_response())
}

fn desk_form(actor: &Actor, towns: &[(String, String)], typed: &CardInput, r: &Refusal) -> Markup {
    let e = &r.errors;
    let input = |name: &'static str, label: &str, value: &str| {
        html! { label for=(name) { (label) } input id=(name) name=(name) type="text" value=(value); (field_error(e, name)) }
    };
    html! {
        (refusal_view(r))
        form.stacked #desk-card method="post" action="/community/cards" {
            (csrf_field(actor))
            (input("name", "姓名", &typed.name))
            (input("id_number", "身份证号", &typed.id_number))
            (input("phone", "手机号", &typed.phone))
            label for="township_id" { "所在街道（镇）" }
            (select("township_id", towns, &typed.township_id, Some("请选择"))) (field_error(e, "township_id"))
            (input("community", "社区（村）", &typed.community))
            p { button type="submit" { "办理学习卡" } }
        }
    }
}

pub async fn new_form(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let towns = towns(&s).await?;
    let body = desk_form(&actor, &towns, &CardInput::default(), &Refusal::default());
    Ok(page(&actor, "窗口办理学习卡", body).into_response())
}

/// The page that shows a card's initial password, once.
fn issued_page(actor: &Actor, title: &str, i: &Issued) -> Markup {
    page(
        actor,
        title,
        html! {
            dl.facts #issued {
                dt { "学习卡号" } dd #card-no { (i.card_no) }
                dt { "初始密码" } dd #initial-password { strong { (i.initial_password) } }
            }
            p.notice { "请将初始密码交给持卡人；此密码只显示这一次。" }
            p { a href=(format!("/community/cards/{}", i.id)) { "查看学习卡" } }
        },
    )
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(input): Form<CardInput>,
) -> PageResult {
    match service::issue_at_desk(&s.db, &caller, &input).await {
        Ok(i) => Ok(issued_page(&actor, "学习卡已办理", &i).into_response()),
        Err(e) => {
            let towns = towns(&s).await?;
            redisplay(&actor, "窗口办理学习卡", e, |r| {
                desk_form(&actor, &towns, &input, r)
            })
        }
    }
}

pub async fn reset_password(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<CardId>,
) -> PageResult {
    let i = service::reset_password(&s.db, &caller, id).await?;
    Ok(issued_page(&actor, "密码已重置", &i).into_response())
}

const COLUMNS: [&str; 9] = [
    "卡号",
    "姓名",
    "身份证号",
    "手机号",
    "街道（镇）",
    "社区（村）",
    "办理方式",
    "办理单位",
    "核验日期",
];

pub async fn export(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<ListQuery>,
) -> PageResult {
    let f = q.filter();
    let rows = service::export_rows(&s.db, &caller, &f).await?;
    let mut wb = Workbook::export(&Title::list("学习卡名单"), &COLUMNS);
    for c in &rows {
        wb.row(&[
            Cell::id(&c.card_no),
            Cell::text(&c.name),
            Cell::id(&c.id_number),
            Cell::id(&c.phone),
            Cell::text(&c.township_name),
            Cell::text(&c.community),
            Cell::text(via(c)),
            Cell::text(c.issuer_name.as_deref().unwrap_or("")),
            c.verified_on.map_or(Cell::Blank, Cell::Date),
        ])?;
    }
    Ok(file_response("学习卡名单.xlsx", XLSX_MIME, wb.finish()?))
}
