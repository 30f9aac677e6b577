use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, Scope, WorkArea};
use platform::db::Db;
use platform::district::{self, Township};
use platform::web::forms::{csrf_field, error_summary, field_error, select};
use platform::web::page;
use platform::{AppError, InstitutionId, PageResult};
use serde::Deserialize;

use super::form::{institution_form, FormState};
use super::township_name;
use crate::domain::{
    current_designations, Category, DesignationEvent, Institution, InstitutionInput, Licence,
    Ownership, Status, TrackingStatus, DESIGNATION_TITLES,
};
use crate::service;
use crate::store::{self, Filter};

fn notice_text(code: &str) -> Option<&'static str> {
    Some(match code {
        "created" => "已新增机构。",
        "saved" => "已保存修改。",
        "designation" => "已登记称号变动。",
        "tracking" => "已登记跟踪记录。",
        _ => return None,
    })
}

#[derive(Deserialize, Default)]
pub struct Notice {
    notice: Option<String>,
}

fn query_string(f: &Filter, page: i64) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in [
        ("q", &f.q),
        ("category", &f.category),
        ("ownership", &f.ownership),
        ("designation", &f.designation),
        ("licence", &f.licence),
        ("status", &f.status),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            s.append_pair(k, v);
        }
    }
    if let Some(t) = f.township_id {
        s.append_pair("township_id", &t.to_string());
    }
    if page > 1 {
        s.append_pair("page", &page.to_string());
    }
    s.finish()
}

pub async fn list(
    State(state): State<platform::web::AppState>,
    actor: Actor,
    Query(f): Query<Filter>,
) -> PageResult {
    actor.require(WorkArea::Institutions, Access::Read)?;
    let townships = district::townships(&state.db).await?;
    let result = store::list(&state.db, &actor.scope, &f).await?;
    let cats: Vec<(String, String)> = Category::ALL
        .iter()
        .map(|c| (c.key().into(), c.label().into()))
        .collect();
    let owns: Vec<(String, String)> = Ownership::ALL
        .iter()
        .map(|o| (o.key().into(), o.label().into()))
        .collect();
    let towns: Vec<(String, String)> = townships
        .iter()
        .map(|t| (t.id.to_string(), t.name.clone()))
        .collect();
    let titles: Vec<(String, String)> = DESIGNATION_TITLES
        .iter()
        .map(|t| (t.to_string(), t.to_string()))
        .collect();
    let licences: Vec<(String, String)> = vec![
        ("licensed".into(), "有证".into()),
        ("unlicensed".into(), "无证".into()),
    ];
    let statuses: Vec<(String, String)> = Status::ALL
        .iter()
        .map(|o| (o.key().into(), o.label().into()))
        .collect();
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let pages = (result.total + result.per_page - 1) / result.per_page;
    let bureau_writer =
        actor.may(WorkArea::Institutions, Access::Write) && actor.scope == Scope::All;
    let body = html! {
        form.filters method="get" action="/institutions" {
            label { "名称或标识码" input type="text" name="q" value=(opt(&f.q)); }
            label { "类别" (select("category", &cats, &opt(&f.category), Some("全部"))) }
            label { "举办性质" (select("ownership", &owns, &opt(&f.ownership), Some("全部"))) }
            label { "乡镇（街道）" (select("township_id", &towns, &f.township_id.map(|t| t.to_string()).unwrap_or_default(), Some("全部"))) }
            label { "称号" (select("designation", &titles, &opt(&f.designation), Some("全部"))) }
            label { "办学许可" (select("licence", &licences, &opt(&f.licence), Some("全部"))) }
            label { "状态" (select("status", &statuses, &opt(&f.status), Some("全部"))) }
            button type="submit" { "查询" }
        }
        div.actions {
            @if bureau_writer {
                a.button href="/institutions/new" { "新增机构" }
                a.button.secondary href="/institutions/import" { "从 Excel 导入" }
            }
            a.button.secondary href=(format!("/institutions/export.xlsx?{}", query_string(&f, 1))) { "导出 Excel" }
        }
        p.muted { "共 " (result.total) " 个机构" }
        table id="institutions" {
            thead { tr { th { "机构名称" } th { "学校标识码" } th { "办学类型" } th { "举办性质" } th { "乡镇（街道）" } th.num { "核定学位" } th.num { "班级数" } th { "状态" } } }
            tbody {
                @for i in &result.items {
                    tr {
                        td { a href=(format!("/institutions/{}", i.id)) { (i.name) } @if i.licence == Licence::Unlicensed { " " span.tag { "无证" } } }
                        td { (i.code.as_deref().unwrap_or("—")) }
                        td { (i.school_type_name()) }
                        td { (i.ownership.label()) }
                        td { (township_name(&townships, i.township_id)) }
                        td.num { (i.approved_places) }
                        td.num { (i.class_count) }
                        td { (i.status.label()) }
                    }
                }
            }
        }
        @if pages > 1 {
            div.pager {
                @if result.page > 1 { a href=(format!("/institutions?{}", query_string(&f, result.page - 1))) { "上一页" } }
                span { "第 " (result.page) " / " (pages) " 页" }
                @if result.page < pages { a href=(format!("/institutions?{}", query_string(&f, result.page + 1))) { "下一页" } }
            }
        }
    };
    Ok(page(&actor, "机构名录", body).into_response())
}

pub async fn detail(
    State(state): State<platform::web::AppState>,
    actor: Actor,
    Path(id): Path<InstitutionId>,
    Query(n): Query<Notice>,
) -> PageResult {
    let caller = Caller::from(&actor);
    let inst = service::get(&state.db, &caller, id).await?;
    Ok(page(
        &actor,
        &inst.name,
        detail_body(
            &state.db,
            &actor,
            &inst,
            n.notice.as_deref().and_then(notice_text),
            &[],
        )
        .await?,
    )
    .into_response())
}

async fn detail_body(
    db: &Db,
    actor: &Actor,
    i: &Institution,
    notice: Option<&str>,
    errors: &[platform::FieldError],
) -> Result<Markup, AppError> {
    let townships = district::townships(db).await?;
    let years = store::capacity_history(db, &actor.scope, i.id).await?;
    let history = store::designations(db, &actor.scope, i.id).await?;
    let tracking = if i.licence == Licence::Unlicensed {
        store::tracking(db, &actor.scope, i.id).await?
    } else {
        vec![]
    };
    let h: Vec<_> = history
        .iter()
        .map(|d| (d.title.as_str(), d.event(), d.year))
        .collect();
    let held = current_designations(&h);
    let bureau_writer =
        actor.may(WorkArea::Institutions, Access::Write) && actor.scope == Scope::All;
    let titles: Vec<(String, String)> = DESIGNATION_TITLES
        .iter()
        .map(|t| (t.to_string(), t.to_string()))
        .collect();
    let events: Vec<(String, String)> = DesignationEvent::ALL
        .iter()
        .map(|e| (e.key().into(), e.label().into()))
        .collect();
    let statuses: Vec<(String, String)> = TrackingStatus::ALL
        .iter()
        .map(|e| (e.key().into(), e.label().into()))
        .collect();
    Ok(html! {
        @if let Some(n) = notice { p.notice role="status" { (n) } }
        (error_summary(errors))
        div.actions {
            @if actor.may(WorkArea::Institutions, Access::Write) { a.button href=(format!("/institutions/{}/edit", i.id)) { "编辑" } }
            @if actor.may(WorkArea::Audit, Access::Read) { a.button.secondary href=(format!("/audit?entity=institution&entity_id={}", i.id)) { "修改记录" } }
        }
        dl.facts {
            dt { "学校标识码" } dd { (i.code.as_deref().unwrap_or("—")) }
            dt { "办学类型" } dd { (i.school_type) " " (i.school_type_name()) }
            dt { "举办性质" } dd { (i.ownership.label()) }
            dt { "办学许可" } dd { (i.licence.label()) }
            dt { "办学状态" } dd { (i.status.label()) }
            dt { "所在乡镇（街道）" } dd { (township_name(&townships, i.township_id)) }
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
        h2 { "历年规模" }
        table id="capacity" {
            thead { tr { th { "学年" } th.num { "核定学位数" } th.num { "班级数" } } }
            tbody { @for y in &years { tr { td { (y.school_year) "—" (y.school_year + 1) " 学年" } td.num { (y.approved_places) } td.num { (y.class_count) } } } }
        }
        h2 { "称号变动" }
        table id="designations" {
            thead { tr { th { "年份" } th { "称号" } th { "变动" } th { "文号" } th { "备注" } } }
            tbody { @for d in &history { tr { td { (d.year) } td { (d.title) } td { (d.event().label()) } td { (d.document) } td { (d.note) } } } }
        }
        @if bureau_writer {
            form.filters method="post" action=(format!("/institutions/{}/designations", i.id)) {
                (csrf_field(actor))
                label { "称号" (select("title", &titles, "", Some("请选择"))) }
                label { "变动" (select("event", &events, "", Some("请选择"))) }
                label { "年份" input type="number" name="year" min="1950" max="2100"; }
                label { "文号" input type="text" name="document"; }
                label { "备注" input type="text" name="note"; }
                button type="submit" { "登记称号变动" }
            }
            (field_error(errors, "title")) (field_error(errors, "event")) (field_error(errors, "year"))
        }
        @if i.licence == Licence::Unlicensed {
            h2 { "无证园跟踪" }
            p { "当前状态：" strong { (i.tracking_status.as_deref().and_then(TrackingStatus::parse).map(|s| s.label()).unwrap_or("未登记")) } }
            table id="tracking" {
                thead { tr { th { "日期" } th { "状态" } th { "整改期限" } th { "情况" } th { "登记人" } } }
                tbody { @for t in &tracking { tr { td { (t.event_date) } td { (TrackingStatus::parse(&t.status).map(|s| s.label()).unwrap_or("")) } td { (t.deadline.map(|d| d.to_string()).unwrap_or_default()) } td { (t.note) } td { (t.recorded_by) } } } }
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
    })
}

pub async fn new_form(State(state): State<platform::web::AppState>, actor: Actor) -> PageResult {
    Caller::from(&actor).require_bureau(WorkArea::Institutions)?;
    let townships = district::townships(&state.db).await?;
    let input = InstitutionInput {
        ownership: "public".into(),
        ..Default::default()
    };
    Ok(page(
        &actor,
        "新增机构",
        institution_form(
            &actor,
            &townships,
            FormState {
                action: "/institutions".into(),
                input: &input,
                version: None,
                errors: &[],
                alert: None,
            },
        ),
    )
    .into_response())
}

#[derive(Deserialize)]
pub struct EditForm {
    #[serde(flatten)]
    input: InstitutionInput,
    /// Text: numbers inside a flattened form arrive as strings.
    version: Option<String>,
}

impl EditForm {
    fn version(&self) -> Option<i64> {
        self.version.as_deref().and_then(|v| v.trim().parse().ok())
    }
}

fn rerender(
    actor: &Actor,
    townships: &[Township],
    title: &str,
    action: String,
    form: &EditForm,
    e: AppError,
) -> PageResult {
    let (status, errors, alert) = match e {
        AppError::Invalid(errs) => (StatusCode::UNPROCESSABLE_ENTITY, errs, None),
        AppError::Conflict(msg) => (StatusCode::CONFLICT, vec![], Some(msg)),
        other => return Err(other),
    };
    let body = institution_form(
        actor,
        townships,
        FormState {
            action,
            input: &form.input,
            version: form.version(),
            errors: &errors,
            alert: alert.as_deref(),
        },
    );
    Ok((status, page(actor, title, body)).into_response())
}

pub async fn create(
    State(state): State<platform::web::AppState>,
    actor: Actor,
    Form(form): Form<EditForm>,
) -> PageResult {
    match service::create(&state.db, &Caller::from(&actor), &form.input).await {
        Ok(i) => {
            Ok(Redirect::to(&format!("/institutions/{}?notice=created", i.id)).into_response())
        }
        Err(e) => {
            let townships = district::townships(&state.db).await?;
            rerender(
                &actor,
                &townships,
                "新增机构",
                "/institutions".into(),
                &form,
                e,
            )
        }
    }
}

pub async fn edit_form(
    State(state): State<platform::web::AppState>,
    actor: Actor,
    Path(id): Path<InstitutionId>,
) -> PageResult {
    actor.require(WorkArea::Institutions, Access::Write)?;
    let inst = service::get(&state.db, &Caller::from(&actor), id).await?;
    let townships = district::townships(&state.db).await?;
    let mut input = InstitutionInput::from(&inst);
    input.township = townships
        .iter()
        .find(|t| t.id == inst.township_id)
        .map(|t| t.code.clone())
        .unwrap_or_default();
    let body = institution_form(
        &actor,
        &townships,
        FormState {
            action: format!("/institutions/{id}"),
            input: &input,
            version: Some(inst.version),
            errors: &[],
            alert: None,
        },
    );
    Ok(page(&actor, &format!("编辑：{}", inst.name), body).into_response())
}

pub async fn update(
    State(state): State<platform::web::AppState>,
    actor: Actor,
    Path(id): Path<InstitutionId>,
    Form(form): Form<EditForm>,
) -> PageResult {
    let version = form
        .version()
        .ok_or_else(|| AppError::BadRequest("表单缺少版本号，请刷新页面后重试".into()))?;
    match service::update(&state.db, &Caller::from(&actor), id, version, &form.input).await {
        Ok(_) => Ok(Redirect::to(&format!("/institutions/{id}?notice=saved")).into_response()),
        Err(e) => {
            let townships = district::townships(&state.db).await?;
            rerender(
                &actor,
                &townships,
                "编辑机构",
                format!("/institutions/{id}"),
                &form,
                e,
            )
        }
    }
}

async fn redisplay_with_errors(
    db: &Db,
    actor: &Actor,
    id: InstitutionId,
    e: AppError,
) -> PageResult {
    let AppError::Invalid(errors) = e else {
        return Err(e);
    };
    let inst = service::get(db, &Caller::from(actor), id).await?;
    let body = detail_body(db, actor, &inst, None, &errors).await?;
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        page(actor, &inst.name, body),
    )
        .into_response())
}

pub async fn add_designation(
    State(state): State<platform::web::AppState>,
    actor: Actor,
    Path(id): Path<InstitutionId>,
    Form(input): Form<crate::domain::DesignationInput>,
) -> PageResult {
    match service::add_designation(&state.db, &Caller::from(&actor), id, &input).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/institutions/{id}?notice=designation")).into_response())
        }
        Err(e) => redisplay_with_errors(&state.db, &actor, id, e).await,
    }
}

pub async fn add_tracking(
    State(state): State<platform::web::AppState>,
    actor: Actor,
    Path(id): Path<InstitutionId>,
    Form(input): Form<crate::domain::TrackingInput>,
) -> PageResult {
    match service::add_tracking(&state.db, &Caller::from(&actor), id, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("/institutions/{id}?notice=tracking")).into_response()),
        Err(e) => redisplay_with_errors(&state.db, &actor, id, e).await,
    }
}
