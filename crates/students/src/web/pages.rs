//! Student list, record, admission form and life-cycle actions.

use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, Scope, WorkArea};
use platform::web::forms::{csrf_field, error_summary, select};
use platform::web::{directory, page, AppState};
use platform::{AppError, FieldError, PageResult};
use serde::Deserialize;
use std::collections::HashMap;

use super::view::{self, CATEGORIES};
use crate::domain::template::fields;
use crate::domain::Grade;
use crate::reader::StudentsReader;
use crate::service::lifecycle::{self, status_label, Step, StepDetails, TransferRequest};
use crate::service::{school_year_of, today};
use crate::store::enrolments;
use crate::store::students::{self, StudentFilter, StudentId};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/students", get(list).post(admit))
        .route("/students/new", get(new_form))
        .route("/students/promote", post(promote))
        .route("/students/transfers", get(transfers))
        .route("/students/transfers/{id}/{decision}", post(decide))
        .route("/students/{id}", get(detail))
        .route("/students/{id}/step", post(step))
        .route("/students/{id}/transfer", post(transfer))
}

fn notice(code: Option<&str>) -> Option<&'static str> {
    Some(match code? {
        "admitted" => "已办理入学。",
        "step" => "已办理。",
        "transfer" => "已提交转学申请，待转入学校确认。",
        "decided" => "已处理转学申请。",
        "promoted" => "已完成年终升级。",
        _ => return None,
    })
}

#[derive(Deserialize, Default)]
pub struct Notice {
    notice: Option<String>,
}

fn query_string(f: &StudentFilter, page: i64) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in [
        ("q", &f.q),
        ("class_name", &f.class_name),
        ("category", &f.category),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            s.append_pair(k, v);
        }
    }
    for (k, v) in [
        ("institution_id", f.institution_id),
        ("township_id", f.township_id),
        ("grade", f.grade),
    ] {
        if let Some(v) = v {
            s.append_pair(k, &v.to_string());
        }
    }
    if page > 1 {
        s.append_pair("page", &page.to_string());
    }
    s.finish()
}

/// The institution chosen in a picker (its label, name or 学校标识码).
#[derive(Deserialize, Default)]
struct Picked {
    #[serde(default)]
    institution: String,
}

async fn list(
    State(state): State<AppState>,
    actor: Actor,
    Query(mut f): Query<StudentFilter>,
    Query(n): Query<Notice>,
    Query(picked): Query<Picked>,
) -> PageResult {
    actor.require(WorkArea::Students, Access::Read)?;
    // Only the bureau chooses a school; a school's list is its own.
    let all = if actor.scope == Scope::All {
        (state.institutions)(&state.db).await?
    } else {
        Vec::new()
    };
    if !picked.institution.trim().is_empty() {
        let id = directory::find(&all, &picked.institution).ok_or_else(|| {
            AppError::invalid(
                "institution",
                format!(
                    "没有找到机构“{}”，请从列表中选择",
                    picked.institution.trim()
                ),
            )
        })?;
        f.institution_id = Some(id.0);
    }
    let chosen = f
        .institution_id
        .map(|id| directory::label_of(&all, platform::InstitutionId(id)))
        .unwrap_or_default();
    let caller = Caller::from(&actor);
    let result = StudentsReader::of(&state.db, &caller)?.list(&f).await?;
    let grades: Vec<(String, String)> = Grade::ALL
        .iter()
        .map(|g| (g.0.to_string(), g.label().to_string()))
        .collect();
    let cats: Vec<(String, String)> = CATEGORIES
        .iter()
        .map(|(k, l)| (k.to_string(), l.to_string()))
        .collect();
    let towns: Vec<(String, String)> = platform::district::townships(&state.db)
        .await?
        .into_iter()
        .map(|t| (t.id.to_string(), t.name))
        .collect();
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let writer = actor.may(WorkArea::Students, Access::Write);
    let body = html! {
        @if let Some(m) = notice(n.notice.as_deref()) { p.notice role="status" { (m) } }
        form.filters method="get" action="/students" {
            label { "姓名或证件号" input type="text" name="q" value=(opt(&f.q)); }
            @if actor.scope == Scope::All {
                label { "乡镇（街道）" (select("township_id", &towns, &f.township_id.map(|v| v.to_string()).unwrap_or_default(), Some("全部"))) }
                label { "学校" (directory::picker("institution", &chosen, &all)) }
            }
            label { "年级" (select("grade", &grades, &f.grade.map(|g| g.to_string()).unwrap_or_default(), Some("全部"))) }
            label { "班级" input type="text" name="class_name" value=(opt(&f.class_name)) size="6"; }
            label { "类别" (select("category", &cats, &opt(&f.category), Some("全部"))) }
            button type="submit" { "查询" }
        }
        div.actions {
            @if writer {
                a.button href="/students/new" { "办理入学" }
                a.button.secondary href="/students/import" { "批量导入" }
            }
            a.button.secondary href=(format!("/students/export.xlsx?{}", query_string(&f, 1))) { "导出 Excel" }
            a.button.secondary href="/students/template.xlsx" { "下载导入模板" }
            a.button.secondary href="/students/transfers" { "转学申请" }
        }
        p.muted {
            @if let Some(t) = result.total { "共 " (t) @if result.total_capped { "+" } " 名在籍学生" } @else { "在籍学生（全区名单按学校、年级、班级排列，可用上方条件缩小范围）" }
            @if !actor.sees_personal_details() { "（证件号已脱敏）" }
        }
        table id="students" {
            thead { tr { th { "姓名" } th { "身份证件号" } th { "性别" } th { "出生日期" } th { "学校" } th { "年级" } th { "班级" } th { "状态" } th { "类别" } } }
            tbody {
                @for r in result.items {
                    tr {
                        td { a href=(format!("/students/{}", r.id)) { (r.name) } }
                        td { (r.id_number) }
                        td { (view::sex_label(&r.sex)) }
                        td { (r.birth) }
                        td { (r.institution_name) }
                        td { (Grade(r.grade).label()) }
                        td { (r.class_name) }
                        td { (status_label(&r.status)) }
                        td { @for t in view::category_tags(r.left_behind, r.migrant_child, r.boarding, r.dibao, r.registered_poor, &r.disability) { span.tag { (t) } } }
                    }
                }
            }
        }
        @if result.page > 1 || result.has_next {
            div.pager {
                @if result.page > 1 { a href=(format!("/students?{}", query_string(&f, result.page - 1))) { "上一页" } }
                span { "第 " (result.page) " 页" }
                @if result.has_next { a href=(format!("/students?{}", query_string(&f, result.page + 1))) { "下一页" } }
            }
        }
        @if writer {
            h2 { "年终升级" }
            form.filters method="post" action="/students/promote" {
                (csrf_field(&actor))
                label { "学年" input type="number" name="school_year" value=(school_year_of(today())); }
                @if actor.scope == Scope::All { label { "学校（留空为全区）" (directory::picker("institution", "", &all)) } }
                button type="submit" { "全部班级升级（毕业年级办理毕业）" }
            }
        }
    };
    Ok(page(&actor, "学籍管理", body).into_response())
}

async fn detail(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<StudentId>,
    Query(n): Query<Notice>,
) -> PageResult {
    let caller = Caller::from(&actor);
    let (s, history) = StudentsReader::of(&state.db, &caller)?
        .record_with_history(id)
        .await?;
    let writer = actor.may(WorkArea::Students, Access::Write);
    let archive = s.left_behind > 0 && crate::service::left_behind::may_see(&caller);
    let body = html! {
        @if let Some(m) = notice(n.notice.as_deref()) { p.notice role="status" { (m) } }
        dl.facts {
            dt { "身份证件号" } dd { (s.id_number) }
            dt { "性别" } dd { (view::sex_label(&s.sex)) }
            dt { "出生日期" } dd { (s.birth) }
            dt { "民族" } dd { (platform::codes::ethnic_groups().name(&s.ethnicity).unwrap_or("")) }
            dt { "户口所在地" } dd { (platform::codes::division(&s.hukou_division).map(|d| d.name.as_str()).unwrap_or("")) " " (s.hukou_division) }
            dt { "现住址" } dd { (s.address) }
            dt { "联系电话" } dd { (s.phone) }
            dt { "监护人" } dd { (s.guardian_name) " " (s.guardian_relation) " " (s.guardian_phone) }
            dt { "是否留守儿童" } dd { (view::left_behind_label(s.left_behind)) @if archive { " " a href=(format!("/students/{}/left-behind", s.id)) { "留守儿童档案" } } }
            dt { "类别" } dd { @for t in view::category_tags(s.left_behind, s.migrant_child, s.boarding, s.dibao, s.registered_poor, &s.disability) { span.tag { (t) } } @if s.inclusive_class { span.tag { "随班就读" } } @if s.orphan { span.tag { "孤儿" } } }
            dt { "当前学籍" } dd {
                @if let (Some(name), Some(g)) = (&s.institution_name, s.grade) { (name) " " (Grade(g).label()) " " (s.class_name.clone().unwrap_or_default()) "（" (status_label(s.status.as_deref().unwrap_or(""))) "）" } @else { "无在读学籍" }
            }
        }
        h2 { "学籍变动" }
        table id="history" {
            thead { tr { th { "学年" } th { "学校" } th { "年级" } th { "班级" } th { "状态" } th { "离校原因" } th { "入学日期" } th { "离校日期" } } }
            tbody { @for e in &history { tr { td { (e.school_year) } td { (e.institution_name) } td { (Grade(e.grade).label()) } td { (e.class_name) } td { (status_label(&e.status)) } td { (leave_label(e.left_reason.as_deref())) } td { (e.entered_on) } td { (e.left_on.map(|d| d.to_string()).unwrap_or_default()) } } } }
        }
        @if writer && s.enrolment_id.is_some() { (actions(&actor, &s)) }
    };
    Ok(page(&actor, &format!("学籍：{}", s.name), body).into_response())
}

fn leave_label(r: Option<&str>) -> &'static str {
    match r {
        Some("promoted") => "升级",
        Some("transferred") => "转出",
        Some("graduated") => "毕业",
        Some("dropped_out") => "辍学",
        Some("other") => "其他",
        _ => "",
    }
}

fn actions(actor: &Actor, s: &students::StudentRecord) -> Markup {
    let status = s.status.as_deref().unwrap_or("");
    html! {
        h2 { "办理" }
        div.actions {
            @for (step, label, allowed) in [("suspend", "休学", status == "active"), ("resume", "复学", status == "suspended"), ("graduate", "毕业", status == "active" && Grade(s.grade.unwrap_or(0)).is_final())] {
                @if allowed {
                    form.inline method="post" action=(format!("/students/{}/step", s.id)) { (csrf_field(actor)) input type="hidden" name="step" value=(step); button.secondary type="submit" { (label) } }
                }
            }
        }
        @if status == "active" {
            form.filters method="post" action=(format!("/students/{}/transfer", s.id)) {
                (csrf_field(actor))
                label { "转入学校的学校标识码" input type="text" name="to_code" required; }
                label { "转学原因" input type="text" name="reason"; }
                button type="submit" { "申请转出" }
            }
            form.filters method="post" action=(format!("/students/{}/step", s.id)) {
                (csrf_field(actor))
                input type="hidden" name="step" value="dropout";
                label { "辍学原因" input type="text" name="cause" required; }
                label { "劝返责任人" input type="text" name="responsible" required; }
                button.secondary type="submit" { "登记辍学（转入控辍保学）" }
            }
        }
    }
}

/// The fields of the admission form: (template header, required).
const ADMIT_FIELDS: &[(&str, bool)] = &[
    ("姓名", true),
    ("身份证件类型", false),
    ("身份证件号", true),
    ("性别", false),
    ("出生日期", false),
    ("民族", false),
    ("学校标识码", true),
    ("年级", true),
    ("班级", false),
    ("入学年月", false),
    ("户口性质", false),
    ("户口所在地", false),
    ("现住址", false),
    ("联系电话", false),
    ("监护人一·姓名", false),
    ("监护人一·关系", false),
    ("监护人一·联系电话", false),
    ("是否留守儿童", false),
    ("是否进城务工人员随迁子女", false),
    ("是否孤儿", false),
    ("随班就读", false),
    ("残疾类型", false),
    ("就读方式", false),
    ("是否低保", false),
    ("是否建档立卡", false),
    ("健康状况", false),
];

fn admit_form(actor: &Actor, values: &HashMap<String, String>, errors: &[FieldError]) -> Markup {
    html! {
        (error_summary(errors))
        form.stacked method="post" action="/students" {
            (csrf_field(actor))
            @for (header, required) in ADMIT_FIELDS {
                @let f = fields().iter().find(|f| f.header == *header);
                @let value = values.get(*header).cloned().unwrap_or_default();
                div.field {
                    label for=(header) { (header) @if *required { " *" } }
                    @if *header == "年级" {
                        (select(header, &Grade::ALL.iter().map(|g| (g.label().to_string(), g.label().to_string())).collect::<Vec<_>>(), &value, Some("请选择")))
                    } @else if *header == "性别" || *header == "出生日期" {
                        input type="text" id=(header) name=(header) value=(value) placeholder="可不填，按身份证号自动识别";
                    } @else {
                    @match f.filter(|f| !f.allowed.is_empty()) {
                        Some(f) => { (select(header, &f.allowed.iter().map(|a| (a.clone(), a.clone())).collect::<Vec<_>>(), &value, Some(""))) }
                        None => { input type="text" id=(header) name=(header) value=(value); }
                    }
                    }
                    @for e in errors.iter().filter(|e| e.field == *header) { div.field-error { (e.message) } }
                }
            }
            p.actions { button type="submit" { "办理入学" } a.button.secondary href="/students" { "取消" } }
        }
    }
}

async fn new_form(State(state): State<AppState>, actor: Actor) -> PageResult {
    actor.require(WorkArea::Students, Access::Write)?;
    let mut values = HashMap::new();
    if let Some(own) = actor.scope.institution() {
        let inst = institutions::store::get(&state.db, &actor.scope, own).await?;
        values.insert("学校标识码".to_string(), inst.code.unwrap_or_default());
    }
    values.insert("入学年月".to_string(), today().format("%Y%m").to_string());
    values.insert("身份证件类型".to_string(), "居民身份证".to_string());
    Ok(page(&actor, "办理入学", admit_form(&actor, &values, &[])).into_response())
}

async fn admit(
    State(state): State<AppState>,
    actor: Actor,
    Form(form): Form<HashMap<String, String>>,
) -> PageResult {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let values = crate::domain::student::values_from_pairs(&pairs);
    match lifecycle::admit(&state.db, &Caller::from(&actor), &values).await {
        Ok(s) => Ok(Redirect::to(&format!("/students/{}?notice=admitted", s.id)).into_response()),
        Err(AppError::Invalid(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            page(&actor, "办理入学", admit_form(&actor, &form, &errors)),
        )
            .into_response()),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
struct StepForm {
    step: Step,
    #[serde(flatten)]
    details: StepDetails,
}

async fn step(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<StudentId>,
    Form(f): Form<StepForm>,
) -> PageResult {
    lifecycle::apply_step(&state.db, &Caller::from(&actor), id, f.step, &f.details).await?;
    Ok(Redirect::to(&format!("/students/{id}?notice=step")).into_response())
}

async fn transfer(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<StudentId>,
    Form(f): Form<TransferRequest>,
) -> PageResult {
    lifecycle::request_transfer(&state.db, &Caller::from(&actor), id, &f).await?;
    Ok(Redirect::to(&format!("/students/{id}?notice=transfer")).into_response())
}

async fn transfers(
    State(state): State<AppState>,
    actor: Actor,
    Query(n): Query<Notice>,
) -> PageResult {
    actor.require(WorkArea::Students, Access::Read)?;
    let rows = enrolments::transfers(&state.db, &actor.scope, None).await?;
    let body = html! {
        @if let Some(m) = notice(n.notice.as_deref()) { p.notice role="status" { (m) } }
        table id="transfers" {
            thead { tr { th { "学生" } th { "转出学校" } th { "转入学校" } th { "年级" } th { "原因" } th { "状态" } th { "申请人" } th { "" } } }
            tbody {
                @for t in &rows {
                    tr {
                        td { (t.student_name) } td { (t.from_name) } td { (t.to_name) } td { (Grade(t.grade).label()) } td { (t.reason) }
                        td { (match t.status.as_str() { "pending" => "待确认", "confirmed" => "已转入", "refused" => "已拒绝", _ => "已撤销" }) }
                        td { (t.requested_by) }
                        td {
                            @if t.status == "pending" && actor.may(WorkArea::Students, Access::Write) && (actor.scope == Scope::All || actor.scope.institution() == Some(t.to_institution_id)) {
                                form.inline method="post" action=(format!("/students/transfers/{}/confirm", t.id)) { (csrf_field(&actor)) button type="submit" { "确认转入" } }
                                " "
                                form.inline method="post" action=(format!("/students/transfers/{}/refuse", t.id)) { (csrf_field(&actor)) button.secondary type="submit" { "拒绝" } }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(page(&actor, "转学申请", body).into_response())
}

async fn decide(
    State(state): State<AppState>,
    actor: Actor,
    Path((id, decision)): Path<(i64, String)>,
) -> PageResult {
    let confirm = lifecycle::transfer_decision(&decision)?;
    lifecycle::decide_transfer(&state.db, &Caller::from(&actor), id, confirm).await?;
    Ok(Redirect::to("/students/transfers?notice=decided").into_response())
}

#[derive(Deserialize)]
struct PromoteForm {
    school_year: String,
    /// The institution's label, name or 学校标识码; empty for the district.
    #[serde(default)]
    institution: String,
}

async fn promote(
    State(state): State<AppState>,
    actor: Actor,
    Form(f): Form<PromoteForm>,
) -> PageResult {
    let year: i64 = f
        .school_year
        .trim()
        .parse()
        .map_err(|_| AppError::invalid("school_year", "学年应为四位年份，如 2025"))?;
    let institution = match f.institution.trim() {
        "" => actor.scope.institution(),
        typed => Some(
            directory::find(&(state.institutions)(&state.db).await?, typed).ok_or_else(|| {
                AppError::invalid(
                    "institution",
                    format!("没有找到机构“{typed}”，请从列表中选择"),
                )
            })?,
        ),
    };
    lifecycle::promote_all(&state.db, &Caller::from(&actor), institution, year, None).await?;
    Ok(Redirect::to("/students?notice=promoted").into_response())
}
