//! Visits (督导记录): the list, the form (with evidence files and an
//! optional rectification order) and a visit's page.

use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::time::show_date;
use platform::web::forms::{field_error, options, redisplay, refusal_view, select, Refusal};
use platform::web::upload::upload_failed;
use platform::web::{page, with_notice, AppState, Notice};
use platform::{AppError, PageResult};
use serde::Deserialize;

use inspection::service::evidence::Upload;

use super::pages::PeriodQuery;
use super::{institution_link, notices};
use crate::domain::inspectors::{Focus, Period, VisitId};
use crate::service::inspectors::visits::{self as service, OrderInput, VisitInput};
use crate::service::inspectors::{self as inspectors, own_account};
use crate::store::inspectors::visits::{Visit, VisitFilter};

/// The visits as a table, newest first.
pub fn visit_table(visits: &[Visit]) -> Markup {
    html! {
        @if visits.is_empty() { p.muted { "尚无督导记录。" } } @else {
            table.visits {
                thead { tr { th { "日期" } th { "单位" } th { "责任督学" } th { "督导重点" } th { "发现的问题" } th { "整改通知" } } }
                tbody { @for v in visits { tr {
                    td { a href=(format!("/supervision/visits/{}", v.id.0)) { (show_date(v.visited_on)) } }
                    td { (institution_link(v.institution_id, &v.institution_name)) }
                    td { (v.inspector_name) }
                    td { (v.focus.label()) }
                    td { @if v.findings.is_empty() { span.muted { "无" } } @else { (v.findings) } }
                    td { @if v.order_id.is_some() { "已下发" } }
                } } }
            }
        }
    }
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<PeriodQuery>,
    notice: Notice,
) -> PageResult {
    let period = Period::parse(&q.period);
    let filter = VisitFilter {
        since: period.map(|p| p.start(platform::time::today())),
        ..VisitFilter::default()
    };
    let visits = service::list(&s.db, &caller, filter).await?;
    let body = html! {
        (notice.view(notices))
        p {
            a href="/supervision" { "← 教育督导" }
            @if inspectors::may_write(&caller) { " · " a.button href="/supervision/visits/new" { "登记督导记录" } }
        }
        p { "期间：" a href="/supervision/visits" { "全部" } @for p in Period::ALL { " " a href=(format!("/supervision/visits?period={}", p.as_str())) { (p.label()) } } }
        (visit_table(&visits))
    };
    Ok(page(&actor, "督导记录", body).into_response())
}

/// The deadline the form proposes: a month from today.
const DEFAULT_DAYS: i64 = 30;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewQuery {
    institution_id: Option<i64>,
}

fn form(actor: &Actor, schools: &[(i64, String)], typed: &VisitInput, r: &Refusal) -> Markup {
    let on = if typed.visited_on.is_empty() {
        platform::time::today().to_string()
    } else {
        typed.visited_on.clone()
    };
    let mut order = typed.order.clone().unwrap_or_default();
    if order.deadline.is_empty() {
        order.deadline =
            (platform::time::today() + chrono::Duration::days(DEFAULT_DAYS)).to_string();
    }
    let school = typed
        .institution_id
        .map(|i| i.to_string())
        .unwrap_or_default();
    let focus = Focus::parse(&typed.focus)
        .map(|f| f.as_str())
        .unwrap_or_default();
    html! {
        (refusal_view(r))
        form.stacked #visit-form method="post" enctype="multipart/form-data"
            action=(format!("/supervision/visits?_csrf={}", actor.csrf_token)) {
            label for="institution_id" { "督导单位" }
            (select("institution_id", &options(schools.iter().map(|(i, n)| (i, n))), &school, Some("（请选择）")))
            (field_error(&r.errors, "institution_id"))
            label for="visited_on" { "督导日期" }
            input #visited_on name="visited_on" type="date" value=(on) required;
            (field_error(&r.errors, "visited_on"))
            label for="focus" { "督导重点" }
            (select("focus", &options(Focus::ALL.iter().map(|f| (f.as_str(), f.label()))), focus, Some("（请选择）")))
            (field_error(&r.errors, "focus"))
            label for="findings" { "发现的问题" }
            textarea #findings name="findings" rows="3" { (typed.findings) }
            (field_error(&r.errors, "findings"))
            label for="suggestions" { "意见建议" }
            textarea #suggestions name="suggestions" rows="3" { (typed.suggestions) }
            (field_error(&r.errors, "suggestions"))
            fieldset {
                legend { label { input #issue_order name="issue_order" type="checkbox" value="1" checked[typed.order.is_some()]; " 就发现的问题下发整改通知书" } }
                label for="requirement" { "整改要求" }
                textarea #requirement name="requirement" rows="2" { (order.requirement) }
                (field_error(&r.errors, "requirement"))
                label for="responsible_person" { "整改责任人" }
                input #responsible_person name="responsible_person" value=(order.responsible_person);
                (field_error(&r.errors, "responsible_person"))
                label for="deadline" { "整改期限" }
                input #deadline name="deadline" type="date" value=(order.deadline);
                (field_error(&r.errors, "deadline"))
            }
            label for="files" { "照片或佐证材料（PDF、图片、Word、Excel，每份不超过 20 MB，可不传）" }
            input #files name="files" type="file" multiple;
            (field_error(&r.errors, "file"))
            p { button type="submit" { "保存督导记录" } }
        }
    }
}

async fn schools(s: &AppState, caller: &Caller) -> Result<Vec<(i64, String)>, AppError> {
    let r = inspectors::roster(&s.db, caller, Period::Month).await?;
    let mine = own_account(caller);
    let mut lines = r.lines;
    if mine.is_some() {
        // An inspector's own institutions first: those are the ones visited.
        let own = inspectors::mine(&s.db, caller).await?.roster.lines;
        lines.sort_by_key(|l| !own.iter().any(|o| o.institution_id == l.institution_id));
    }
    Ok(lines
        .into_iter()
        .map(|l| (l.institution_id, l.institution_name))
        .collect())
}

pub async fn new(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<NewQuery>,
) -> PageResult {
    if !inspectors::may_write(&caller) {
        return Err(AppError::Forbidden);
    }
    let schools = schools(&s, &caller).await?;
    let typed = VisitInput {
        institution_id: q.institution_id,
        ..VisitInput::default()
    };
    let body = html! {
        p { a href="/supervision/visits" { "← 督导记录" } }
        (form(&actor, &schools, &typed, &Refusal::default()))
    };
    Ok(page(&actor, "登记督导记录", body).into_response())
}

/// The form's fields and its non-empty `files`.
async fn read_form(mut mp: Multipart) -> Result<(VisitInput, Vec<Upload>), AppError> {
    let mut input = VisitInput::default();
    let mut order = OrderInput::default();
    let mut issue = false;
    let mut files = Vec::new();
    while let Some(field) = mp.next_field().await.map_err(upload_failed)? {
        let name = field.name().unwrap_or_default().to_string();
        if name == "files" || name == "file" {
            let file_name = field.file_name().unwrap_or("file").to_string();
            let bytes = field.bytes().await.map_err(upload_failed)?.to_vec();
            if !bytes.is_empty() {
                files.push(Upload { file_name, bytes });
            }
            continue;
        }
        let value = field.text().await.map_err(upload_failed)?;
        match name.as_str() {
            "institution_id" => input.institution_id = value.trim().parse().ok(),
            "visited_on" => input.visited_on = value,
            "focus" => input.focus = value,
            "findings" => input.findings = value,
            "suggestions" => input.suggestions = value,
            "issue_order" => issue = !value.trim().is_empty(),
            "requirement" => order.requirement = value,
            "responsible_person" => order.responsible_person = value,
            "deadline" => order.deadline = value,
            _ => {}
        }
    }
    input.order = issue.then_some(order);
    Ok((input, files))
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    mp: Multipart,
) -> PageResult {
    let (input, files) = read_form(mp).await?;
    match service::record(&s.db, &caller, &input, &files).await {
        Ok(v) => Ok(Redirect::to(&with_notice(
            &format!("/supervision/visits/{}", v.id.0),
            "visited",
        ))
        .into_response()),
        Err(e) => {
            let schools = schools(&s, &caller).await?;
            redisplay(&actor, "登记督导记录", e, |r| {
                form(&actor, &schools, &input, r)
            })
        }
    }
}

pub async fn detail(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<VisitId>,
    notice: Notice,
) -> PageResult {
    let d = service::detail(&s.db, &caller, id).await?;
    let v = &d.visit;
    let body = html! {
        (notice.view(notices))
        p { a href="/supervision/visits" { "← 督导记录" } }
        dl.facts #visit {
            dt { "单位" } dd { (institution_link(v.institution_id, &v.institution_name)) }
            dt { "督导日期" } dd { (show_date(v.visited_on)) }
            dt { "责任督学" } dd { (v.inspector_name) }
            dt { "督导重点" } dd { (v.focus.label()) }
            dt { "发现的问题" } dd #findings { @if v.findings.is_empty() { "无" } @else { (v.findings) } }
            dt { "意见建议" } dd { (v.suggestions) }
        }
        h2 { "整改通知" }
        @if let Some(o) = &d.order {
            table #order {
                thead { tr { th { "编号" } th { "整改要求" } th { "责任人" } th { "整改期限" } th { "状态" } } }
                tbody { tr {
                    td { a href=(format!("/inspection/orders/{}", o.id.0)) { (o.id.0) } }
                    td { (o.requirement) } td { (o.responsible_person) }
                    td { (show_date(o.deadline)) } td.order-status { (o.status.label()) }
                } }
            }
        } @else { p.muted { "未下发整改通知。" } }
        h2 { "佐证材料" }
        @if d.files.is_empty() { p.muted { "无。" } } @else {
            ul #files { @for f in &d.files { li { a href=(format!("/inspection/evidence/{}", f.id.0)) { (f.file_name) } " " span.muted { (f.media_type.label()) } } } }
        }
    };
    Ok(page(&actor, &format!("督导记录：{}", v.institution_name), body).into_response())
}
