//! A project's progress page: its reports with items and photos, and the
//! form for a new report (with photos) for those who write the area.

use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::time::show_date;
use platform::web::forms::{field_error, redisplay, refusal_view, Refusal};
use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;

use super::multipart::{read_photo, read_report};
use super::notices;
use crate::domain::progress::{ProjectId, ReportId, WorkItem, MAX_PHOTOS};
use crate::service::progress::{self as service, ProjectProgress, ReportInput};
use crate::store::progress::reports::Report;

fn here(id: ProjectId) -> String {
    format!("/construction/projects/{}/progress", id.0)
}

pub async fn progress(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ProjectId>,
    notice: Notice,
) -> PageResult {
    let p = service::of_project(&s.db, &caller, id).await?;
    let body = html! {
        (notice.view(notices))
        (view(&actor, &caller, &p, &ReportInput::default(), &Refusal::default()))
    };
    Ok(page(&actor, &title(&p), body).into_response())
}

fn title(p: &ProjectProgress) -> String {
    format!("{}：形象进度", p.project.name)
}

fn view(
    actor: &Actor,
    caller: &Caller,
    p: &ProjectProgress,
    typed: &ReportInput,
    r: &Refusal,
) -> Markup {
    let pr = &p.project;
    html! {
        p { a href="/construction" { "← 基建校舍" } }
        p #project-facts {
            (pr.kind.label()) " · " (pr.status.label()) " · " (pr.year) " 年 · "
            (pr.institution_name.as_deref().unwrap_or("（学校尚未交付）")) " · " (pr.township_name)
        }
        @if let Some(latest) = p.reports.first() {
            p #latest { "最新形象进度：" strong { (latest.overall) } "（" (show_date(latest.reported_on)) "）" }
        } @else {
            p.muted #latest { "尚无形象进度报告。" }
        }
        table #progress-reports {
            thead { tr { th { "日期" } th.num { "总形象进度" } th { "各部位进度" } th { "进展说明" } th { "照片" } } }
            tbody { @for rep in &p.reports { (report_row(actor, caller, rep)) } }
        }
        @if service::may_write(caller) {
            h2 { "填报形象进度" }
            (form(actor, pr.id, typed, r))
        }
    }
}

fn report_row(actor: &Actor, caller: &Caller, rep: &Report) -> Markup {
    html! {
        tr {
            td { (show_date(rep.reported_on)) }
            td.num { (rep.overall) }
            td { @for (n, it) in rep.items.iter().enumerate() { @if n > 0 { "，" } (it.item.label()) " " (it.done) } }
            td { (rep.notes) @if !rep.reason.is_empty() { br; span.muted { "倒退原因：" (rep.reason) } } }
            td {
                @for ph in &rep.photos {
                    a href=(format!("/construction/progress/photos/{}", ph.id.0)) target="_blank" {
                        img.thumb src=(format!("/construction/progress/photos/{}/thumb", ph.id.0)) alt=(ph.file_name) width="160" loading="lazy";
                    }
                }
                @if service::may_write(caller) && rep.photos.len() < MAX_PHOTOS {
                    form.inline method="post" enctype="multipart/form-data"
                        action=(format!("/construction/progress/{}/photos?_csrf={}", rep.id.0, actor.csrf_token)) {
                        input type="file" name="file" accept="image/jpeg,image/png,image/webp" required;
                        button.secondary type="submit" { "添加照片" }
                    }
                }
            }
        }
    }
}

fn form(actor: &Actor, id: ProjectId, typed: &ReportInput, r: &Refusal) -> Markup {
    let typed_item = |w: WorkItem| {
        typed
            .items
            .iter()
            .find(|i| i.item == w.as_str())
            .map_or(String::new(), |i| i.done.clone())
    };
    let on = if typed.reported_on.is_empty() {
        platform::time::today().to_string()
    } else {
        typed.reported_on.clone()
    };
    html! {
        (refusal_view(r))
        form.stacked #progress-form method="post" enctype="multipart/form-data"
            action=(format!("{}?_csrf={}", here(id), actor.csrf_token)) {
            label for="reported_on" { "报告日期" }
            input #reported_on name="reported_on" type="date" value=(on) required;
            (field_error(&r.errors, "reported_on"))
            label for="overall" { "总形象进度（%）" }
            input #overall name="overall" inputmode="decimal" value=(typed.overall) required;
            (field_error(&r.errors, "overall"))
            fieldset {
                legend { "各部位进度（%，未涉及的留空）" }
                @for w in WorkItem::ALL {
                    label for=(format!("item_{}", w.as_str())) { (w.label()) }
                    input id=(format!("item_{}", w.as_str())) name=(format!("item_{}", w.as_str())) inputmode="decimal" value=(typed_item(*w));
                }
            }
            (field_error(&r.errors, "items"))
            label for="notes" { "进展说明" }
            textarea #notes name="notes" rows="3" { (typed.notes) }
            (field_error(&r.errors, "notes"))
            label for="reason" { "倒退原因（进度低于上次报告时必填）" }
            input #reason name="reason" value=(typed.reason);
            (field_error(&r.errors, "reason"))
            label for="photos" { "现场照片（JPEG、PNG 或 WebP，每张不超过 10 MB，最多 " (MAX_PHOTOS) " 张）" }
            input #photos name="photos" type="file" multiple accept="image/jpeg,image/png,image/webp";
            (field_error(&r.errors, "photos"))
            p { button type="submit" { "保存报告" } }
        }
    }
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ProjectId>,
    mp: Multipart,
) -> PageResult {
    let (input, uploads) = read_report(mp).await?;
    match service::create(&s.db, &caller, id, &input, &uploads).await {
        Ok(_) => Ok(Redirect::to(&with_notice(&here(id), "reported")).into_response()),
        Err(e) => {
            let p = service::of_project(&s.db, &caller, id).await?;
            redisplay(&actor, &title(&p), e, |r| {
                view(&actor, &caller, &p, &input, r)
            })
        }
    }
}

pub async fn add_photo(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ReportId>,
    mp: Multipart,
) -> PageResult {
    let up = read_photo(mp).await?;
    let project = service::project_of_report(&s.db, &caller, id).await?;
    match service::add_photo(&s.db, &caller, id, &up).await {
        Ok(_) => Ok(Redirect::to(&with_notice(&here(project), "photo")).into_response()),
        Err(e) => {
            let p = service::of_project(&s.db, &caller, project).await?;
            redisplay(&actor, &title(&p), e, |r| {
                view(&actor, &caller, &p, &ReportInput::default(), r)
            })
        }
    }
}
