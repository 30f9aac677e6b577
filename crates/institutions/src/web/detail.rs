//! One institution: its facts, capacity by year, designations and, for an
//! unlicensed kindergarten, the tracking (无证园跟踪); and the two small
//! forms that add to them.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, Scope, WorkArea};
use platform::district::{self, Township};
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::{page, with_notice, AppState, Notice};
use platform::{AppError, InstitutionId, PageResult};

use super::township_name;
use crate::domain::{
    current_designations, DesignationEvent, DesignationInput, Institution, Licence, TrackingInput,
    TrackingStatus, DESIGNATION_TITLES,
};
use crate::service;
use crate::store::{self, DesignationRow, TrackingRow, YearRow};

fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "created" => "已新增机构。",
        "saved" => "已保存修改。",
        "designation" => "已登记称号变动。",
        "tracking" => "已登记跟踪记录。",
        _ => return None,
    })
}

pub struct DetailModel {
    pub institution: Institution,
    pub townships: Vec<Township>,
    pub years: Vec<YearRow>,
    pub history: Vec<DesignationRow>,
    pub tracking: Vec<TrackingRow>,
}

impl DetailModel {
    async fn load(state: &AppState, caller: &Caller, id: InstitutionId) -> Result<Self, AppError> {
        let db = &state.db;
        let institution = service::get(db, caller, id).await?;
        let scope = &caller.scope;
        let tracking = if institution.licence == Licence::Unlicensed {
            store::tracking(db, scope, id).await?
        } else {
            vec![]
        };
        Ok(DetailModel {
            townships: district::townships(db).await?,
            years: store::capacity_history(db, scope, id).await?,
            history: store::designations(db, scope, id).await?,
            tracking,
            institution,
        })
    }
}

fn facts(i: &Institution, townships: &[Township], history: &[DesignationRow]) -> Markup {
    let h: Vec<_> = history
        .iter()
        .map(|d| (d.title.as_str(), d.event, d.year))
        .collect();
    let held = current_designations(&h);
    html! {
        dl.facts {
            dt { "学校标识码" } dd { (i.code.as_deref().unwrap_or("—")) }
            dt { "办学类型" } dd { (i.school_type) " " (i.school_type_name()) }
            dt { "举办性质" } dd { (i.ownership.label()) }
            dt { "办学许可" } dd { (i.licence.label()) }
            dt { "办学状态" } dd { (i.status.label()) }
            dt { "所在乡镇（街道）" } dd { (township_name(townships, i.township_id)) }
            dt { "地址" } dd { (i.address) }
            dt { "负责人" } dd { (i.principal) }
            dt { "联系电话" } dd { (i.phone) }
            dt { "建校年份" } dd { (i.founded_year.map(|y| y.to_string()).unwrap_or_default()) }
            dt { "核定学位数" } dd { (i.approved_places) }
            dt { "班级数" } dd { (i.class_count) }
            dt { "寄宿制" } dd { (if i.boarding { "是" } else { "否" }) }
            dt { "所属教育集团" } dd { (i.group_name.as_deref().unwrap_or("—")) }
            dt { "现有称号" } dd { @for (t, y) in &held { span.tag { (t) "（" (y) "）" } } @if held.is_empty() { "—" } }
            dt { "备注" } dd { (i.notes) }
            dt { "版本" } dd.muted { "第 " (i.version) " 版" }
        }
    }
}

fn designation_form(actor: &Actor, id: InstitutionId, r: &Refusal) -> Markup {
    let titles = options(DESIGNATION_TITLES.iter().map(|t| (t, t)));
    let events = options(
        DesignationEvent::ALL
            .iter()
            .map(|e| (e.as_str(), e.label())),
    );
    html! {
        form.filters method="post" action=(format!("/institutions/{id}/designations")) {
            (csrf_field(actor))
            label { "称号" (select("title", &titles, "", Some("请选择"))) }
            label { "变动" (select("event", &events, "", Some("请选择"))) }
            label { "年份" input type="number" name="year" min="1950" max="2100"; }
            label { "文号" input type="text" name="document"; }
            label { "备注" input type="text" name="note"; }
            button type="submit" { "登记称号变动" }
        }
        (field_error(&r.errors, "title")) (field_error(&r.errors, "event")) (field_error(&r.errors, "year"))
    }
}

fn tracking_view(actor: &Actor, m: &DetailModel, bureau_writer: bool) -> Markup {
    let i = &m.institution;
    let statuses = options(TrackingStatus::ALL.iter().map(|e| (e.as_str(), e.label())));
    html! {
        h2 { "无证园跟踪" }
        p { "当前状态：" strong { (i.tracking_status.map_or("未登记", TrackingStatus::label)) } }
        table id="tracking" {
            thead { tr { th { "日期" } th { "状态" } th { "整改期限" } th { "情况" } th { "登记人" } } }
            tbody { @for t in &m.tracking { tr { td { (t.event_date) } td { (t.status.label()) } td { (t.deadline.map(|d| d.to_string()).unwrap_or_default()) } td { (t.note) } td { (t.recorded_by) } } } }
        }
        @if bureau_writer {
            form.filters method="post" action=(format!("/institutions/{}/tracking", i.id)) {
                (csrf_field(actor))
                label { "日期" input type="date" name="date"; }
                label { "状态" (select("status", &statuses, "", Some("请选择"))) }
                label { "整改期限" input type="date" name="deadline"; }
                label { "情况说明" input type="text" name="note"; }
                button type="submit" { "登记跟踪记录" }
            }
        }
    }
}

/// The detail page; `notice` after a save, `r` after a refused form.
pub fn view(actor: &Actor, m: &DetailModel, notice: &Notice, r: &Refusal) -> Markup {
    let i = &m.institution;
    let bureau_writer =
        actor.may(WorkArea::Institutions, Access::Write) && actor.scope == Scope::All;
    html! {
        (notice.view(notices))
        (refusal_view(r))
        div.actions {
            @if actor.may(WorkArea::Institutions, Access::Write) { a.button href=(format!("/institutions/{}/edit", i.id)) { "编辑" } }
            @if actor.may(WorkArea::Audit, Access::Read) { a.button.secondary href=(format!("/audit?entity=institution&entity_id={}", i.id)) { "修改记录" } }
        }
        (facts(i, &m.townships, &m.history))
        h2 { "历年规模" }
        table id="capacity" {
            thead { tr { th { "学年" } th.num { "核定学位数" } th.num { "班级数" } } }
            tbody { @for y in &m.years { tr { td { (y.school_year) "—" (y.school_year + 1) " 学年" } td.num { (y.approved_places) } td.num { (y.class_count) } } } }
        }
        h2 { "称号变动" }
        table id="designations" {
            thead { tr { th { "年份" } th { "称号" } th { "变动" } th { "文号" } th { "备注" } } }
            tbody { @for d in &m.history { tr { td { (d.year) } td { (d.title) } td { (d.event.label()) } td { (d.document) } td { (d.note) } } } }
        }
        @if bureau_writer { (designation_form(actor, i.id, r)) }
        @if i.licence == Licence::Unlicensed { (tracking_view(actor, m, bureau_writer)) }
    }
}

pub async fn detail(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<InstitutionId>,
    notice: Notice,
) -> PageResult {
    let m = DetailModel::load(&state, &caller, id).await?;
    let body = view(&actor, &m, &notice, &Refusal::default());
    Ok(page(&actor, &m.institution.name, body).into_response())
}

/// After a designation or tracking entry: back to the page with a notice,
/// or the page again with the errors.
async fn answer(
    state: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: InstitutionId,
    saved: Result<impl Sized, AppError>,
    notice: &str,
) -> PageResult {
    let e = match saved {
        Ok(_) => {
            return Ok(
                Redirect::to(&with_notice(&format!("/institutions/{id}"), notice)).into_response(),
            )
        }
        Err(e @ AppError::Invalid(_)) => e,
        Err(e) => return Err(e),
    };
    let m = DetailModel::load(state, caller, id).await?;
    redisplay(actor, &m.institution.name, e, |r| {
        view(actor, &m, &Notice::default(), r)
    })
}

pub async fn add_designation(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<InstitutionId>,
    Form(input): Form<DesignationInput>,
) -> PageResult {
    let saved = service::add_designation(&state.db, &caller, id, &input).await;
    answer(&state, &actor, &caller, id, saved, "designation").await
}

pub async fn add_tracking(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<InstitutionId>,
    Form(input): Form<TrackingInput>,
) -> PageResult {
    let saved = service::add_tracking(&state.db, &caller, id, &input).await;
    answer(&state, &actor, &caller, id, saved, "tracking").await
}
