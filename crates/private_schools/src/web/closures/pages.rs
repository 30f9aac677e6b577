//! Closure pages: the list with the form to decide a closure
//! (/private/closures), and a closure (/private/closures/{id}) with its
//! pupils, a destination form per pupil and the final step.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use chrono::NaiveDate;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::time::show_date;
use platform::web::directory::{find, picker, InstitutionChoice};
use platform::web::forms::{csrf_field, field_error, redisplay, refusal_view, Refusal};
use platform::web::{page, AppState, Notice};
use platform::{AppError, PageResult};
use serde::Deserialize;

use crate::domain::closures::ClosureId;
use crate::service::closures::{self as service, ClosureView, NewClosure, Placement};
use crate::service::inspections::may_write;
use crate::store::closures::Closure;

const TITLE: &str = "终止办学";

fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "opened" => "已登记终止办学决定，请逐一安置学生。",
        "placed" => "已保存学生去向。",
        "final" => "终止办学已完成，学校已在机构名录中撤销。",
        _ => return None,
    })
}

fn here(id: ClosureId) -> String {
    format!("/private/closures/{}", id.0)
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct OpenForm {
    institution: String,
    decided_on: String,
    reason: String,
}

fn list_view(
    actor: &Actor,
    caller: &Caller,
    rows: &[Closure],
    all: &[InstitutionChoice],
    t: &OpenForm,
    r: &Refusal,
) -> Markup {
    html! {
        p { a href="/private" { "← 民办教育" } }
        table #closures {
            thead { tr { th { "学校" } th { "决定日期" } th { "原因" } th { "状态" } th.num { "学生" } th.num { "已安置" } } }
            tbody { @for c in rows { tr {
                td { a href=(here(c.id)) { (c.institution_name) } }
                td { (show_date(c.decided_on)) } td { (c.reason) }
                td { (if c.status == "final" { "已完成" } else { "安置中" }) }
                td.num { (c.pupils) } td.num { (c.placed) }
            } } }
        }
        @if may_write(caller) {
            h2 { "决定终止办学" }
            (refusal_view(r))
            form.stacked #closure-form method="post" action="/private/closures" {
                (csrf_field(actor))
                label for="institution" { "学校（幼儿园）" }
                (picker("institution", &t.institution, all))
                (field_error(&r.errors, "institution_id"))
                label for="decided_on" { "决定日期" }
                input #decided_on name="decided_on" type="date" value=(t.decided_on);
                (field_error(&r.errors, "decided_on"))
                label for="reason" { "原因" }
                input #reason name="reason" value=(t.reason);
                (field_error(&r.errors, "reason"))
                p { button type="submit" { "登记决定" } }
            }
        }
    }
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    notice: Notice,
) -> PageResult {
    let rows = service::list(&s.db, &caller).await?;
    let all = (s.institutions)(&s.db).await?;
    let body = html! { (notice.view(notices)) (list_view(&actor, &caller, &rows, &all, &OpenForm::default(), &Refusal::default())) };
    Ok(page(&actor, TITLE, body).into_response())
}

pub async fn open(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(t): Form<OpenForm>,
) -> PageResult {
    let all = (s.institutions)(&s.db).await?;
    let done = match (
        find(&all, &t.institution),
        NaiveDate::parse_from_str(t.decided_on.trim(), "%Y-%m-%d"),
    ) {
        (None, _) => Err(AppError::invalid(
            "institution_id",
            "请从列表中选择学校（幼儿园）",
        )),
        (_, Err(_)) => Err(AppError::invalid("decided_on", "请填写决定日期")),
        (Some(id), Ok(decided_on)) => {
            let input = NewClosure {
                institution_id: id.0,
                decided_on,
                reason: t.reason.clone(),
            };
            service::open(&s.db, &caller, &input).await
        }
    };
    match done {
        Ok(c) => Ok(Redirect::to(&format!("{}?notice=opened", here(c.id))).into_response()),
        Err(e) => {
            let rows = service::list(&s.db, &caller).await?;
            redisplay(&actor, TITLE, e, |r| {
                list_view(&actor, &caller, &rows, &all, &t, r)
            })
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PlaceForm {
    student_id: i64,
    destination: String,
    note: String,
}

fn view(
    actor: &Actor,
    caller: &Caller,
    v: &ClosureView,
    all: &[InstitutionChoice],
    r: &Refusal,
) -> Markup {
    let c = &v.closure;
    let open = c.status == "open" && may_write(caller);
    html! {
        p { a href="/private/closures" { "← 终止办学" } }
        p #closure-facts {
            (c.institution_name) " · 决定日期 " (show_date(c.decided_on)) " · " (c.reason) " · "
            span #closure-status { (if c.status == "final" { "已完成" } else { "安置中" }) }
            " · 学生 " (c.pupils) " 人，已安置 " span #placed { (c.placed) } " 人"
        }
        (refusal_view(r))
        table #pupils {
            thead { tr { th { "姓名" } th.num { "年级" } th { "去向" } @if open { th { "安置" } } } }
            tbody { @for p in &v.pupils { tr {
                td { (p.name) } td.num { (p.grade) }
                td.destination { (p.destination_name.clone().unwrap_or_default()) " " (p.destination_note) }
                @if open { td {
                    form.inline method="post" action=(format!("{}/placements", here(c.id))) {
                        (csrf_field(actor))
                        input type="hidden" name="student_id" value=(p.student_id);
                        input name="destination" list="destinations" autocomplete="off" placeholder="转入学校";
                        input name="note" placeholder="或填写去向说明";
                        button.secondary type="submit" { "保存" }
                    }
                } }
            } } }
        }
        (field_error(&r.errors, "destination_id"))
        @if open {
            datalist #destinations { @for i in all { option value=(i.label()) {} } }
            form #finalise-form method="post" action=(format!("{}/finalise", here(c.id))) {
                (csrf_field(actor))
                p { button type="submit" { "完成终止办学" } }
            }
        }
    }
}

async fn answer(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: ClosureId,
    done: Result<Closure, AppError>,
    key: &str,
) -> PageResult {
    match done {
        Ok(_) => Ok(Redirect::to(&format!("{}?notice={key}", here(id))).into_response()),
        Err(e) => {
            let v = service::view(&s.db, caller, id).await?;
            let all = (s.institutions)(&s.db).await?;
            redisplay(actor, TITLE, e, |r| view(actor, caller, &v, &all, r))
        }
    }
}

pub async fn show(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ClosureId>,
    notice: Notice,
) -> PageResult {
    let v = service::view(&s.db, &caller, id).await?;
    let all = (s.institutions)(&s.db).await?;
    let body =
        html! { (notice.view(notices)) (view(&actor, &caller, &v, &all, &Refusal::default())) };
    Ok(page(
        &actor,
        &format!("{}终止办学", v.closure.institution_name),
        body,
    )
    .into_response())
}

pub async fn place(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ClosureId>,
    Form(t): Form<PlaceForm>,
) -> PageResult {
    let all = (s.institutions)(&s.db).await?;
    let destination = if t.destination.trim().is_empty() {
        Ok(None)
    } else {
        find(&all, &t.destination)
            .map(|i| Some(i.0))
            .ok_or_else(|| AppError::invalid("destination_id", "请从列表中选择转入学校"))
    };
    let done = match destination {
        Ok(destination_id) => {
            let p = Placement {
                student_id: t.student_id,
                destination_id,
                note: t.note.clone(),
            };
            service::place(&s.db, &caller, id, &p).await
        }
        Err(e) => Err(e),
    };
    answer(&s, &actor, &caller, id, done, "placed").await
}

pub async fn finalise(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ClosureId>,
) -> PageResult {
    let done = service::finalise(&s.db, &caller, id).await;
    answer(&s, &actor, &caller, id, done, "final").await
}
