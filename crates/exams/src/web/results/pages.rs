//! The overview (/exams), an exam's page with its papers, lines, versions
//! and imports, and candidates' scores.

use axum::extract::{Form, MatchedPath, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::web::forms::{csrf_field, redisplay, refusal_view, Refusal};
use platform::web::{page, AppState};
use platform::PageResult;
use serde::Deserialize;

use super::ViewQuery;
use crate::domain::{show_score, ExamKind, Score};
use crate::service::results::{self as service, ExamDetail, ExamInput, MarkInput};

fn bureau_writes(actor: &Actor) -> bool {
    actor.may(WorkArea::Exams, Access::Write) && actor.scope.institution().is_none()
}

pub async fn overview(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    let exams = service::list(&s.db, &caller).await?;
    let rounds = crate::service::quality::rounds(&s.db, &caller).await?;
    let body = html! {
        h2 { "考试" }
        table id="exams" {
            thead { tr { th { "年度" } th { "类别" } th { "名称" } th { "" } } }
            tbody { @for e in &exams { tr {
                td.num { (e.year) } td { (e.kind.label()) }
                td { a href=(format!("/exams/{}", e.id)) { (e.name) } }
                td { a href=(format!("/exams/{}/analysis", e.id)) { "成绩分析" } }
            } } }
        }
        @if exams.is_empty() { p.muted { "尚无考试。" } }
        @if bureau_writes(&actor) {
            h3 { "新增考试" }
            form.stacked method="post" action="/exams" {
                (csrf_field(&actor))
                label { "年度" input type="number" name="year" required min="2000" max="2100"; }
                label { "类别" select name="kind" { @for k in ExamKind::ALL { option value=(k.as_str()) { (k.label()) } } } }
                label { "名称（可不填）" input type="text" name="name" maxlength="40"; }
                button type="submit" { "新增" }
            }
        }
        h2 { "国家义务教育质量监测" }
        ul { @for r in &rounds { li { a href=(format!("/exams/quality/{}", r.id)) { (r.name) } } } }
        p { a href="/exams/quality" { "全部质量监测" } }
    };
    Ok(page(&actor, "考试与质量", body).into_response())
}

pub async fn create(
    State(s): State<AppState>,
    caller: Caller,
    Form(input): Form<ExamInput>,
) -> PageResult {
    let id = service::create(&s.db, &caller, &input).await?;
    Ok(Redirect::to(&format!("/exams/{id}")).into_response())
}

fn exam_page(actor: &Actor, d: &ExamDetail, refusal: &Refusal) -> Markup {
    let id = d.exam.id;
    let writes = bureau_writes(actor);
    let open = d.versions.first().filter(|v| !v.published());
    let frozen = d.versions.first().filter(|v| v.published());
    html! {
        (refusal_view(refusal))
        p { a href=(format!("/exams/{id}/analysis")) { "成绩分析" } " · " a href=(format!("/exams/{id}/scores")) { "考生成绩" } }
        h2 { "科目与满分" }
        table id="papers" { tbody { @for p in &d.papers { tr { td { (p.subject) } td.num { (show_score(Score(p.max_score))) } } } } }
        h2 { "分数线" }
        table id="lines" {
            thead { tr { th { "科类" } th { "分数线" } th.num { "分数" } } }
            tbody { @for l in &d.lines { tr { td { (l.track) } td { (l.name) } td.num { (show_score(Score(l.score))) } } } }
        }
        @if writes && frozen.is_none() {
            form.filters method="post" action=(format!("/exams/{id}/papers")) {
                (csrf_field(actor))
                label { "科目" input type="text" name="name" required; }
                label { "满分" input type="text" name="score" required size="6"; }
                button type="submit" { "保存科目" }
            }
            form.filters method="post" action=(format!("/exams/{id}/lines")) {
                (csrf_field(actor))
                label { "科类" input type="text" name="track" placeholder="综合" size="6"; }
                label { "分数线" input type="text" name="name" required placeholder="本科线" size="8"; }
                label { "分数" input type="text" name="score" required size="6"; }
                button type="submit" { "保存分数线" }
            }
        }
        h2 { "成绩版本" }
        table id="versions" {
            thead { tr { th.num { "版本" } th { "状态" } th { "更正原因" } th { "" } } }
            tbody { @for v in &d.versions { tr {
                td.num { "第" (v.version) "版" }
                td { @if v.published() { "已发布（已冻结）" } @else { "未发布" } }
                td { (v.reason) }
                td { a href=(format!("/exams/{id}/analysis?version={}", v.version)) { "查看" } }
            } } }
        }
        @if writes {
            @if open.is_some() {
                form method="post" action=(format!("/exams/{id}/publish")) {
                    (csrf_field(actor))
                    button type="submit" { "发布成绩（发布后冻结）" }
                }
            }
            @if frozen.is_some() {
                form.filters method="post" action=(format!("/exams/{id}/corrections")) {
                    (csrf_field(actor))
                    label { "更正原因" input type="text" name="reason" required size="30"; }
                    button type="submit" { "发起更正（生成新版本）" }
                }
            }
        }
        @if actor.may(WorkArea::Exams, Access::Write) && frozen.is_none() {
            h2 { "导入成绩" }
            (import_form(actor, id, "students", "按考生导入（考号、身份证件号、姓名、科类、各科成绩、总分）"))
            @if writes { (import_form(actor, id, "schools", "按学校汇总导入（学校、科类、参考人数、各分数线上线人数）")) }
        }
    }
}

fn import_form(actor: &Actor, id: i64, kind: &str, label: &str) -> Markup {
    html! {
        form.stacked method="post" enctype="multipart/form-data"
            action=(format!("/exams/{id}/import?kind={kind}&_csrf={}", actor.csrf_token)) {
            (csrf_field(actor))
            p { (label) "。使用 " a href=(format!("/exams/{id}/template.xlsx?kind={kind}")) { "导入模板" } "；任何一行有误时不导入任何数据。" }
            input type="file" name="file" accept=".xlsx,.csv" required;
            button type="submit" { "上传并导入" }
        }
    }
}

pub async fn show(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
) -> PageResult {
    let d = service::detail(&s.db, &caller, id).await?;
    let body = exam_page(&actor, &d, &Refusal::default());
    Ok(page(&actor, &d.exam.name, body).into_response())
}

/// Runs a change of the exam page; a refusal re-renders it with the message.
async fn act(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: i64,
    r: Result<(), platform::AppError>,
) -> PageResult {
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/exams/{id}")).into_response()),
        Err(e) => {
            let d = service::detail(&s.db, caller, id).await?;
            redisplay(actor, &d.exam.name, e, |r| exam_page(actor, &d, r))
        }
    }
}

/// Adds a paper (/exams/{id}/papers) or a line (/exams/{id}/lines).
pub async fn add_mark(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    route: MatchedPath,
    Path(id): Path<i64>,
    Form(m): Form<MarkInput>,
) -> PageResult {
    let line = route.as_str().ends_with("/lines");
    let r = service::put_mark(&s.db, &caller, id, line, &m).await;
    act(&s, &actor, &caller, id, r).await
}

pub async fn publish(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
) -> PageResult {
    let r = service::publish(&s.db, &caller, id).await.map(|_| ());
    act(&s, &actor, &caller, id, r).await
}

#[derive(Deserialize)]
pub struct ReasonForm {
    #[serde(default)]
    pub reason: String,
}

pub async fn correct(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
    Form(f): Form<ReasonForm>,
) -> PageResult {
    let r = service::correct(&s.db, &caller, id, &f.reason)
        .await
        .map(|_| ());
    act(&s, &actor, &caller, id, r).await
}

pub async fn scores(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
    Query(q): Query<ViewQuery>,
) -> PageResult {
    let d = service::detail(&s.db, &caller, id).await?;
    let (version, rows) = service::scores(&s.db, &caller, id, q.version, q.institution_id).await?;
    let body = html! {
        p { a href=(format!("/exams/{id}")) { "返回考试" } }
        @if let Some(v) = &version { p { "第" (v.version) "版成绩" } }
        table id="scores" {
            thead { tr { th { "学校" } th { "考号" } th { "姓名" } th { "科类" } th.num { "总分" } } }
            tbody { @for r in &rows { tr {
                td { (r.institution_name) } td { (r.candidate_no) }
                td { a href=(format!("/exams/{id}/scores/{}", r.id)) { (r.name) } }
                td { (r.track) } td.num { (show_score(Score(r.total))) }
            } } }
        }
        @if rows.is_empty() { p.muted { "没有按考生导入的成绩。" } }
    };
    Ok(page(&actor, &format!("{} 考生成绩", d.exam.name), body).into_response())
}

pub async fn score(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path((id, score_id)): Path<(i64, i64)>,
) -> PageResult {
    let r = service::score(&s.db, &caller, id, score_id).await?;
    let subjects: std::collections::BTreeMap<String, i64> =
        serde_json::from_str(&r.subjects).unwrap_or_default();
    let body = html! {
        dl {
            dt { "学校" } dd { (r.institution_name) }
            dt { "考号" } dd { (r.candidate_no) }
            dt { "科类" } dd { (r.track) }
            @for (subject, v) in &subjects { dt { (subject) } dd { (show_score(Score(*v))) } }
            dt { "总分" } dd id="total" { (show_score(Score(r.total))) }
        }
    };
    Ok(page(&actor, &format!("{} 的考试成绩", r.name), body).into_response())
}
