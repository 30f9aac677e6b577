//! 名师工作室 pages: the list with the seed's figures and a form to set
//! one up (人事科), a studio with members and activities.

use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::time::show_date;
use platform::vocab::dates::parse_date;
use platform::web::forms::{csrf_field, field_error, refusal_view, Refusal};
use platform::web::{page, AppState};
use platform::{AppError, FieldError, PageResult};
use serde::Deserialize;

use crate::domain::teams::{ActivityKind, StudioId};
use crate::service::teams::{self as service, MemberInput};
use crate::service::training::attendance::find_staff;
use crate::store::teams::{Activity, NewStudio};
use crate::store::training::staff_ref::StaffRef;

fn bureau_writer(actor: &Actor) -> bool {
    actor.scope.institution().is_none() && actor.may(WorkArea::Teachers, Access::Write)
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Search {
    q: String,
}

/// Search results with a button each that posts `field` = staff id.
fn picker(actor: &Actor, action: &str, button: &str, found: &[StaffRef], extra: Markup) -> Markup {
    html! {
        @if !found.is_empty() {
            table.picker {
                thead { tr { th { "姓名" } th { "单位" } th { "骨干称号" } th {} } }
                tbody { @for st in found { tr { form method="post" action=(action) {
                    td { (st.name) } td { (st.institution_name) }
                    td { (st.backbone_level.map_or("—", |l| l.label())) }
                    td { (csrf_field(actor)) (extra) input type="hidden" name="staff_id" value=(st.id); button type="submit" { (button) } }
                } } } }
            }
        }
    }
}

fn search_form(action: &str, q: &str, label: &str) -> Markup {
    html! {
        form method="get" action=(action) {
            label for="q" { (label) } input id="q" name="q" value=(q); button type="submit" { "查找" }
        }
    }
}

pub async fn overview(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(f): Query<Search>,
) -> PageResult {
    Ok(
        overview_page(&s, &actor, &caller, &f.q, &Refusal::default())
            .await?
            .into_response(),
    )
}

async fn overview_page(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    q: &str,
    r: &Refusal,
) -> Result<Markup, AppError> {
    let o = service::overview(&s.db, caller).await?;
    let found = if bureau_writer(actor) {
        find_staff(&s.db, caller, q).await?
    } else {
        vec![]
    };
    let st = &o.stats;
    let body = html! {
        p id="team-stats" {
            (st.studios) " 个名师工作室，由 " (st.led_by_special) " 位特级教师、" (st.led_by_subject_leader) " 位学科带头人领衔；"
            "工作室领衔人和成员共 " (st.in_teams) " 人，占专任教师（" (st.full_time_teachers) " 人）的 " (o.share) "。"
        }
        table id="studios" {
            thead { tr { th { "工作室" } th { "学科" } th { "领衔人" } th { "所在单位" } th.num { "成员" } th.num { "活动" } } }
            tbody { @for t in &o.studios { tr {
                td { a href=(format!("/teachers/teams/{}", t.id.0)) { (t.name) } } td { (t.subject) }
                td { (t.leader_name) " （" (t.leader_level.map_or("", |l| l.label())) "）" }
                td { (t.institution_name) } td.num { (t.members) } td.num { (t.activities) }
            } } }
        }
        @if bureau_writer(actor) {
            h2 { "成立名师工作室" }
            (refusal_view(r))
            p.muted { "领衔人须为特级教师或学科带头人。先查找领衔人，再填写工作室名称。" }
            (search_form("/teachers/teams", q, "按姓名或身份证件号查找领衔人"))
            (field_error(&r.errors, "leader_id"))
            (field_error(&r.errors, "name"))
            (picker(actor, "/teachers/teams", "由其领衔成立", &found, html! {
                input name="name" placeholder="工作室名称" required;
                input name="subject" placeholder="学科";
            }))
        }
    };
    Ok(page(actor, "名师工作室", body))
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct StudioForm {
    name: String,
    subject: String,
    staff_id: String,
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<StudioForm>,
) -> PageResult {
    let leader_id = f
        .staff_id
        .trim()
        .parse()
        .map_err(|_| AppError::invalid("leader_id", "请先查找并选择领衔人"));
    let done = match leader_id {
        Ok(leader_id) => {
            let new = NewStudio {
                name: f.name,
                subject: f.subject,
                leader_id,
                founded_on: platform::time::today(),
            };
            service::create(&s.db, &caller, &new).await
        }
        Err(e) => Err(e),
    };
    match done {
        Ok(t) => Ok(Redirect::to(&format!("/teachers/teams/{}", t.id.0)).into_response()),
        Err(e) => {
            let (status, r) = crate::web::training::refused(e)?;
            Ok((status, overview_page(&s, &actor, &caller, "", &r).await?).into_response())
        }
    }
}

pub async fn studio(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StudioId>,
    Query(f): Query<Search>,
) -> PageResult {
    Ok(
        studio_page(&s, &actor, &caller, id, &f.q, &Refusal::default())
            .await?
            .into_response(),
    )
}

async fn studio_page(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: StudioId,
    q: &str,
    r: &Refusal,
) -> Result<Markup, AppError> {
    let d = service::studio(&s.db, caller, id).await?;
    let found = if bureau_writer(actor) {
        find_staff(&s.db, caller, q).await?
    } else {
        vec![]
    };
    let here = format!("/teachers/teams/{}", id.0);
    let t = &d.studio;
    let body = html! {
        p { a href="/teachers/teams" { "← 名师工作室" } }
        p { "领衔人：" (t.leader_name) "（" (t.leader_level.map_or("", |l| l.label())) "，" (t.institution_name) "） · 成立于 " (show_date(t.founded_on)) }
        (refusal_view(r))
        h2 { "成员（" (d.members.len()) " 人）" }
        table id="studio-members" {
            thead { tr { th { "姓名" } th { "单位" } th { "骨干称号" } th { "加入日期" } } }
            tbody { @for m in &d.members { tr {
                td { (m.name) } td { (m.institution_name) } td { (m.backbone_level.map_or("—", |l| l.label())) } td { (show_date(m.joined_on)) }
            } } }
        }
        @if bureau_writer(actor) {
            (search_form(&here, q, "按姓名或身份证件号查找要加入的教师"))
            (field_error(&r.errors, "staff_id"))
            (picker(actor, &format!("{here}/members"), "加入工作室", &found, html! {}))
        }
        h2 { "活动" }
        table id="studio-activities" {
            thead { tr { th { "日期" } th { "主题" } th { "类型" } th { "说明" } } }
            tbody { @for a in &d.activities { tr { td { (show_date(a.held_on)) } td { (a.title) } td { (a.kind.label()) } td { (a.note) } } } }
        }
        @if actor.may(WorkArea::Teachers, Access::Write) {
            form.stacked id="activity-form" method="post" action=(format!("{here}/activities")) {
                (csrf_field(actor))
                label for="held_on" { "活动日期" } input id="held_on" name="held_on" type="date"; (field_error(&r.errors, "held_on"))
                label for="title" { "主题" } input id="title" name="title"; (field_error(&r.errors, "title"))
                label for="kind" { "类型" }
                select id="kind" name="kind" { @for k in ActivityKind::ALL { option value=(k.as_str()) { (k.label()) } } }
                label for="note" { "说明" } input id="note" name="note";
                p { button type="submit" { "登记活动" } }
            }
        }
    };
    Ok(page(actor, &t.name, body))
}

pub async fn add_member(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StudioId>,
    Form(f): Form<StudioForm>,
) -> PageResult {
    let done = match f.staff_id.trim().parse() {
        Ok(staff_id) => service::add_member(
            &s.db,
            &caller,
            id,
            &MemberInput {
                staff_id,
                joined_on: None,
            },
        )
        .await
        .map(|_| ()),
        Err(_) => Err(AppError::invalid("staff_id", "请先查找并选择教师")),
    };
    studio_answer(&s, &actor, &caller, id, done).await
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ActivityForm {
    held_on: String,
    title: String,
    kind: String,
    note: String,
}

pub async fn add_activity(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StudioId>,
    Form(f): Form<ActivityForm>,
) -> PageResult {
    let held_on = parse_date(f.held_on.trim());
    let kind = ActivityKind::parse(&f.kind);
    let done = match (held_on, kind) {
        (Some(held_on), Some(kind)) => {
            let a = Activity {
                held_on,
                title: f.title,
                kind,
                note: f.note,
            };
            service::add_activity(&s.db, &caller, id, &a)
                .await
                .map(|_| ())
        }
        (held_on, _) => {
            let mut errors = Vec::new();
            if held_on.is_none() {
                errors.push(FieldError::new(
                    "held_on",
                    "请填写活动日期（如 2026-03-02）",
                ));
            } else {
                errors.push(FieldError::new("kind", "请选择活动类型"));
            }
            Err(AppError::Invalid(errors))
        }
    };
    studio_answer(&s, &actor, &caller, id, done).await
}

async fn studio_answer(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: StudioId,
    done: Result<(), AppError>,
) -> PageResult {
    match done {
        Ok(()) => Ok(Redirect::to(&format!("/teachers/teams/{}", id.0)).into_response()),
        Err(e) => {
            let (status, r) = crate::web::training::refused(e)?;
            Ok((status, studio_page(s, actor, caller, id, "", &r).await?).into_response())
        }
    }
}
