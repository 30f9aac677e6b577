//! The analysis page: for each line, each school's 人数 beside last year's
//! with the change, growth rate, 达线率 and its percentage points and rank;
//! the comparison chart; the score distribution; the 成绩分析说明 box whose
//! figures are checked against the records.

use axum::extract::{Form, Path, Query, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::web::forms::csrf_field;
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::{percent, ViewQuery};
use crate::domain::show_score;
use crate::service::results::{self as service, Analysis, LineFigures, ReportCheck, SchoolFigures};

fn change(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

fn row(f: &SchoolFigures) -> Markup {
    html! {
        tr {
            td { (f.name) }
            td.num { (f.candidates) }
            td.num { (f.reached.this_year) }
            td.num { (f.reached.last_year) }
            td.num { (change(f.reached.change)) }
            td.num { (percent(f.reached.growth)) }
            td.num { (percent(f.rate.this_year)) }
            td.num { (f.rate.points.map_or("—".into(), |p| format!("{p}"))) }
            td.num { (f.rank.map_or("—".into(), |r| r.to_string())) }
        }
    }
}

fn line_table(exam: i64, version: Option<i64>, l: &LineFigures) -> Markup {
    let v = version.map_or(String::new(), |v| format!("&version={v}"));
    html! {
        h3 { (l.line) }
        table.line-figures data-line=(l.line) {
            thead { tr {
                th { "学校" } th.num { "参考人数" } th.num { "上线人数" } th.num { "去年" } th.num { "增减（人）" }
                th.num { "增长率" } th.num { "达线率" } th.num { "达线率增减（百分点）" } th.num { "排名" }
            } }
            tbody { @for s in &l.schools { (row(s)) } }
            tfoot { (row(&l.district)) }
        }
        p.muted { "增长率 = 增减人数 ÷ 去年人数；达线率增减为今年与去年达线率之差（个百分点）；并列同名次，其后名次顺延。" }
        img alt=(format!("{}各校上线人数对比图", l.line)) src=(format!("/exams/{exam}/chart.png?line={}{v}", urlencode(&l.line)));
    }
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn findings_view(c: &ReportCheck) -> Markup {
    html! {
        @if c.findings.is_empty() {
            @if !c.text.is_empty() { p.notice role="status" { "说明中的数字与成绩记录一致。" } }
        } @else {
            div.alert role="alert" id="report-findings" {
                p { "成绩分析说明中有 " (c.findings.len()) " 处数字与成绩记录或前后文不符：" }
                ul { @for f in &c.findings { li { "“" (f.stated) "”应为 " strong { (f.correct) } "（" (f.reason) "）" } } }
            }
        }
    }
}

fn analysis_page(actor: &Actor, a: &Analysis, check: &ReportCheck) -> Markup {
    let id = a.exam.id;
    let version = a.version.as_ref().map(|v| v.version);
    html! {
        p { a href=(format!("/exams/{id}")) { "返回考试" } " · " a href=(format!("/exams/{id}/analysis.xlsx{}", version.map_or(String::new(), |v| format!("?version={v}")))) { "导出 Excel" } }
        @match &a.version {
            None => p.muted { "尚无可查看的成绩。" },
            Some(v) => p {
                "第" (v.version) "版成绩" @if v.published() { "（已发布）" } @else { strong { "（未发布）" } }
                @if let Some(l) = &a.last_year { "；与 " (l.name) @if let Some(n) = a.last_version { " 第" (n) "版" } " 比较" }
                @else { "；没有去年同类考试的已发布成绩" }
            },
        }
        @for l in &a.lines { (line_table(id, version, l)) }
        @if !a.distribution.is_empty() {
            h3 { "分数段分布" }
            table id="distribution" {
                thead { tr { th { "分数段" } th.num { "人数" } } }
                tbody { @for b in &a.distribution { tr { td { (show_score(b.from)) "–" (show_score(b.to)) } td.num { (b.count) } } } }
            }
        }
        h3 { "成绩分析说明" }
        (findings_view(check))
        @if actor.may(WorkArea::Exams, Access::Write) && actor.scope.institution().is_none() {
            form.stacked method="post" action=(format!("/exams/{id}/report")) {
                (csrf_field(actor))
                textarea name="text" rows="6" cols="80" id="report-text" { (check.text) }
                button type="submit" { "保存并核对数字" }
            }
        } @else if !check.text.is_empty() {
            p { (check.text) }
        }
    }
}

pub async fn show(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
    Query(q): Query<ViewQuery>,
) -> PageResult {
    let a = service::analysis(&s.db, &caller, id, q.version).await?;
    let findings = crate::domain::report::check_report(&a.exam.report, &a.facts);
    let check = ReportCheck {
        text: a.exam.report.clone(),
        findings,
    };
    Ok(page(
        &actor,
        &format!("{} 成绩分析", a.exam.name),
        analysis_page(&actor, &a, &check),
    )
    .into_response())
}

#[derive(Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    pub text: String,
}

pub async fn save_report(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
    Form(f): Form<ReportForm>,
) -> PageResult {
    let check = service::save_report(&s.db, &caller, id, &f.text).await?;
    let a = service::analysis(&s.db, &caller, id, None).await?;
    Ok(page(
        &actor,
        &format!("{} 成绩分析", a.exam.name),
        analysis_page(&actor, &a, &check),
    )
    .into_response())
}

/// Each school's 人数 over a line, as a bar chart to paste into reports.
pub async fn chart(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Query(q): Query<ViewQuery>,
) -> PageResult {
    let a = service::analysis(&s.db, &caller, id, q.version).await?;
    let line = q.line.as_deref();
    let l = a
        .lines
        .iter()
        .find(|l| Some(l.line.as_str()) == line)
        .or(a.lines.first())
        .ok_or(AppError::NotFound)?;
    let bars: Vec<(String, f64)> = l
        .schools
        .iter()
        .map(|s| (s.name.clone(), s.reached.this_year as f64))
        .collect();
    let title = format!("{} 各校{}上线人数", a.exam.name, l.line);
    let png = platform::chart::bar_png(&title, &bars, |v| format!("{v:.0}人"))
        .map_err(AppError::Internal)?;
    Ok(file_response(&format!("{title}.png"), "image/png", png))
}
