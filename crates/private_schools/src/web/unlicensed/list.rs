//! The list of unlicensed kindergartens (/private/unlicensed): filters,
//! the total, the .xlsx export of exactly what is filtered, and for the
//! bureau's writers a form to register one and the import of a list.

use axum::extract::{Form, Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::district::Township;
use platform::excel::{read_table, Cell, Title, Workbook, XLSX_MIME};
use platform::time::show_date;
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::reports::file_response;
use platform::web::upload::read_upload;
use platform::web::{page, AppState, Notice};
use platform::{AppError, PageResult};

use crate::domain::unlicensed::Status;
use crate::service::unlicensed::import::{self, ImportOutcome};
use crate::service::unlicensed::{self as service, UnlicensedInput, FIELDS};
use crate::store::unlicensed::{Filter, Unlicensed};

const TITLE: &str = "无证幼儿园";

fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "created" => "已登记。",
        _ => return None,
    })
}

fn filters(f: &Filter, townships: &[Township]) -> Markup {
    let towns = options(townships.iter().map(|t| (t.id.0, t.name.as_str())));
    let statuses = options(Status::ALL.iter().map(|s| (s.as_str(), s.label())));
    html! {
        form.filters #filters method="get" action="/private/unlicensed" {
            label { "名称/地址/举办者 " input name="q" value=(f.q.clone().unwrap_or_default()); }
            label { "乡镇（街道） " (select("township_id", &towns, &f.township_id.map(|t| t.to_string()).unwrap_or_default(), Some("全部"))) }
            label { "状态 " (select("status", &statuses, f.status.as_deref().unwrap_or(""), Some("全部"))) }
            label { input type="checkbox" name="overdue" value="1" checked[f.overdue_only()]; " 只看整改逾期" }
            button type="submit" { "筛选" }
        }
    }
}

/// The filter as a query string, for the export link.
fn query_of(f: &Filter) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    let pairs = [
        ("q", f.q.clone()),
        ("township_id", f.township_id.map(|t| t.to_string())),
        ("status", f.status.clone()),
        ("overdue", f.overdue.clone()),
    ];
    for (k, v) in pairs {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            q.append_pair(k, &v);
        }
    }
    q.finish()
}

fn table(rows: &[Unlicensed]) -> Markup {
    let today = platform::time::today();
    html! {
        table #unlicensed {
            thead { tr { th { "名称" } th { "乡镇（街道）" } th { "举办者" } th.num { "在园幼儿" } th { "发现日期" } th { "状态" } th { "整改期限" } } }
            tbody { @for u in rows { tr {
                td { a href=(format!("/private/unlicensed/{}", u.id.0)) { (u.name) } }
                td { (u.township_name) } td { (u.operator) } td.num { (u.children) }
                td { (show_date(u.found_on)) } td.status { (u.status.label()) }
                td {
                    @if let Some(d) = u.deadline { (show_date(d)) }
                    @if crate::domain::unlicensed::is_overdue(u.status, u.deadline, today) { " " strong.overdue { "已逾期" } }
                }
            } } }
        }
    }
}

fn create_form(actor: &Actor, t: &UnlicensedInput, townships: &[Township], r: &Refusal) -> Markup {
    let towns = options(townships.iter().map(|t| (t.name.as_str(), t.name.as_str())));
    let value = |k: &str| match k {
        "name" => &t.name,
        "address" => &t.address,
        "operator" => &t.operator,
        "phone" => &t.phone,
        "children" => &t.children,
        "found_on" => &t.found_on,
        _ => &t.note,
    };
    html! {
        h2 { "登记无证幼儿园" }
        (refusal_view(r))
        form.stacked #unlicensed-form method="post" action="/private/unlicensed" {
            (csrf_field(actor))
            @for (k, label) in FIELDS {
                label for=(k) { (label) }
                @if k == "township" {
                    (select("township", &towns, &t.township, Some("请选择")))
                } @else if k == "found_on" {
                    input #found_on name="found_on" type="date" value=(value(k));
                } @else {
                    input id=(k) name=(k) value=(value(k));
                }
                (field_error(&r.errors, k))
            }
            p { button type="submit" { "登记" } }
        }
        h2 { "导入名单" }
        form.stacked #import-form method="post" enctype="multipart/form-data"
            action=(format!("/private/unlicensed/import?_csrf={}", actor.csrf_token)) {
            input type="file" name="file" accept=".xlsx,.csv" required;
            p.muted { "表头与导出文件相同；有任何一行错误则全部不导入。" }
            p { button type="submit" { "上传并导入" } }
        }
    }
}

fn view(
    actor: &Actor,
    caller: &Caller,
    f: &Filter,
    rows: &[Unlicensed],
    townships: &[Township],
    typed: &UnlicensedInput,
    r: &Refusal,
) -> Markup {
    html! {
        p { a href="/private" { "← 民办教育" } " · " a href="/private/unlicensed/report" { "月报" } }
        (filters(f, townships))
        p #total { "共 " (rows.len()) " 所 · " a #export href=(format!("/private/unlicensed.xlsx?{}", query_of(f))) { "导出 Excel" } }
        (table(rows))
        @if service::may_write(caller) { (create_form(actor, typed, townships, r)) }
    }
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(f): Query<Filter>,
    notice: Notice,
) -> PageResult {
    let rows = service::list(&s.db, &caller, &f).await?;
    let townships = platform::district::townships(&s.db).await?;
    let body = html! {
        (notice.view(notices))
        (view(&actor, &caller, &f, &rows, &townships, &UnlicensedInput::default(), &Refusal::default()))
    };
    Ok(page(&actor, TITLE, body).into_response())
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(input): Form<UnlicensedInput>,
) -> PageResult {
    match service::create(&s.db, &caller, &input).await {
        Ok(id) => Ok(
            Redirect::to(&format!("/private/unlicensed/{}?notice=created", id.0)).into_response(),
        ),
        Err(e) => {
            let f = Filter::default();
            let rows = service::list(&s.db, &caller, &f).await?;
            let townships = platform::district::townships(&s.db).await?;
            redisplay(&actor, TITLE, e, |r| {
                view(&actor, &caller, &f, &rows, &townships, &input, r)
            })
        }
    }
}

pub async fn export(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<Filter>,
) -> PageResult {
    let rows = service::list(&s.db, &caller, &f).await?;
    let mut title =
        Title::new("无证幼儿园名单").filter("日期", platform::time::today().to_string());
    if let Some(st) = f.status.as_deref().and_then(Status::parse) {
        title = title.filter("状态", st.label());
    }
    let mut headers: Vec<&str> = FIELDS.iter().map(|(_, l)| *l).collect();
    headers.extend(["状态", "整改期限", "办结日期", "幼儿去向"]);
    let mut wb = Workbook::export(&title, &headers);
    for u in &rows {
        wb.row(&[
            Cell::text(u.name.as_str()),
            Cell::text(u.address.as_str()),
            Cell::text(u.township_name.as_str()),
            Cell::text(u.operator.as_str()),
            Cell::id(u.phone.as_str()),
            Cell::Int(u.children),
            Cell::Date(u.found_on),
            Cell::text(u.note.as_str()),
            Cell::text(u.status.label()),
            u.deadline.map_or(Cell::Blank, Cell::Date),
            u.ended_on.map_or(Cell::Blank, Cell::Date),
            Cell::text(u.placement.as_str()),
        ])
        .map_err(AppError::Internal)?;
    }
    let bytes = wb.finish().map_err(AppError::Internal)?;
    Ok(file_response("无证幼儿园名单.xlsx", XLSX_MIME, bytes))
}

fn outcome_view(o: &Result<ImportOutcome, String>) -> Markup {
    html! {
        p { a href="/private/unlicensed" { "← 无证幼儿园" } }
        @match o {
            Err(e) => p.alert role="alert" { "文件无法读取：" (e) },
            Ok(o) if o.applied => p #imported { "已导入 " (o.imported) " 所。" },
            Ok(o) => {
                p.alert role="alert" { "有 " (o.errors.len()) " 处错误，未导入任何记录：" }
                table #import-errors {
                    thead { tr { th { "行" } th { "列" } th { "原因" } } }
                    tbody { @for e in &o.errors { tr { td { (e.row) } td { (e.column) } td { (e.reason) } } } }
                }
            }
        }
    }
}

pub async fn import_upload(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    mp: Multipart,
) -> PageResult {
    caller.bureau(&s.db, platform::auth::WorkArea::PrivateEducation)?;
    let up = read_upload(mp).await?;
    let outcome = match read_table(&up.bytes, &up.filename, None) {
        Ok(t) => Ok(import::import(&s.db, &caller, &t).await?),
        Err(e) => Err(e.to_string()),
    };
    let status = match &outcome {
        Ok(o) if o.applied => StatusCode::OK,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    Ok((
        status,
        page(&actor, "导入无证幼儿园", outcome_view(&outcome)),
    )
        .into_response())
}
