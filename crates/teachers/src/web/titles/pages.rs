//! The list of rounds and a round's page: places, applications with their
//! review, the application form, the report and its .xlsx.

use axum::extract::{Path, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::excel::{Cell, Title, Workbook, XLSX_MIME};
use platform::web::forms::{csrf_field, options, refusal_view, select, Refusal};
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult};

use crate::domain::titles::{ApplicationStatus, RoundId, RoundStatus};
use crate::domain::{title_label, TitleLevel, TitleSeries};
use crate::service::titles::{self as service, RoundDetail};
use crate::store::assessment::RosterRow;
use crate::store::titles::{Application, ReportLine, Round};

fn bureau_writer(actor: &Actor) -> bool {
    actor.may(WorkArea::Teachers, Access::Write) && actor.scope.institution().is_none()
}

fn rounds_view(actor: &Actor, rounds: &[Round], refusal: &Refusal) -> Markup {
    html! {
        (refusal_view(refusal))
        table id="title-rounds" {
            thead { tr { th { "评审轮次" } th.num { "年度" } th { "状态" } th { "年限要求（二级/一级/高级/正高级）" } th.num { "考核年数" } } }
            tbody { @for r in rounds { tr {
                td { a href=(format!("/teachers/titles/{}", r.id)) { (r.name) } }
                td.num { (r.year) }
                td { (r.status.label()) }
                td { (r.years_to_second) " / " (r.years_to_first) " / " (r.years_to_senior) " / " (r.years_to_professor) }
                td.num { (r.assessment_years) }
            } } }
        }
        @if rounds.is_empty() { p.muted { "还没有职称评审轮次。" } }
        @if bureau_writer(actor) {
            h2 { "新建评审轮次" }
            p.muted { "任职年限与考核要求默认按国家规定（本科）：三级→二级 3 年、二级→一级 4 年、一级→高级 5 年、高级→正高级 5 年，近 3 年年度考核合格及以上。" }
            form.stacked method="post" action="/teachers/titles" {
                (csrf_field(actor))
                label { "名称" input type="text" name="name" required; }
                label { "年度" input type="number" name="year" required; }
                button type="submit" { "新建" }
            }
        }
    }
}

pub(super) async fn rounds_page(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    refusal: &Refusal,
) -> Result<Markup, AppError> {
    let rounds = service::rounds(&s.db, caller).await?;
    Ok(page(
        actor,
        "职称评审",
        rounds_view(actor, &rounds, refusal),
    ))
}

pub async fn rounds(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    Ok(rounds_page(&s, &actor, &caller, &Refusal::default())
        .await?
        .into_response())
}

/// (value, label) pairs of a `<select>`.
type Options = Vec<(String, String)>;

/// The series and the levels one may apply for.
fn title_options() -> (Options, Options) {
    let series = options(TitleSeries::ALL.iter().map(|s| (s.as_str(), s.label())));
    let levels = options(
        TitleLevel::ALL
            .iter()
            .filter(|l| **l != TitleLevel::None)
            .map(|l| (l.as_str(), l.label())),
    );
    (series, levels)
}

fn review_forms(actor: &Actor, a: &Application) -> Markup {
    let action = format!("/teachers/titles/applications/{}/review", a.id);
    html! {
        form.inline method="post" action=(action) {
            (csrf_field(actor))
            input type="hidden" name="passed" value="true";
            input type="text" name="comment" placeholder="评审意见" size="8";
            button type="submit" { "通过" }
        }
        form.inline method="post" action=(action) {
            (csrf_field(actor))
            input type="hidden" name="passed" value="false";
            input type="text" name="comment" required placeholder="未通过的理由" size="8";
            button.secondary type="submit" { "未通过" }
        }
    }
}

fn applications_view(actor: &Actor, d: &RoundDetail) -> Markup {
    let review = bureau_writer(actor) && d.round.status == RoundStatus::Open;
    html! {
        h2 { "申报" }
        table id="title-applications" {
            thead { tr { th { "单位" } th { "姓名" } th { "现任职称" } th { "申报" } th { "结果" } th { "评审意见" } @if review { th { "评审" } } } }
            tbody { @for a in &d.applications { tr {
                td { (a.institution_name) }
                td { (a.staff_name) }
                td { (title_label(a.from_series, a.from_level)) }
                td { (title_label(Some(a.series), a.level)) }
                td { (a.status.label()) }
                td { (a.comment) }
                @if review { td { @if a.status == ApplicationStatus::Submitted { (review_forms(actor, a)) } } }
            } } }
        }
        @if d.applications.is_empty() { p.muted { "暂无申报。" } }
    }
}

fn report_view(d: &RoundDetail) -> Markup {
    html! {
        h2 { "评审统计" }
        p { a.button.secondary href=(format!("/teachers/titles/{}/report.xlsx", d.round.id)) { "导出 Excel" } }
        (report_table(&d.report))
    }
}

fn report_table(lines: &[ReportLine]) -> Markup {
    html! {
        table id="title-report" {
            thead { tr { th { "职称" } th.num { "申报" } th.num { "通过" } th.num { "未通过" } th.num { "待评审" } } }
            tbody { @for l in lines { tr {
                td { (title_label(Some(l.series), l.level)) }
                td.num { (l.applied) } td.num { (l.passed) } td.num { (l.failed) } td.num { (l.pending) }
            } } }
        }
    }
}

fn quotas_view(actor: &Actor, d: &RoundDetail, picker: Option<Markup>) -> Markup {
    let (series, levels) = title_options();
    html! {
        h2 { "名额" }
        table id="title-quotas" {
            thead { tr { th { "单位" } th { "职称" } th.num { "名额" } } }
            tbody { @for q in &d.quotas { tr {
                td { (q.institution_name) } td { (title_label(Some(q.series), q.level)) } td.num { (q.places) }
            } } }
        }
        @if let (true, Some(p)) = (d.round.status == RoundStatus::Open, picker) {
            form.inline method="post" action=(format!("/teachers/titles/{}/quotas", d.round.id)) {
                (csrf_field(actor))
                label { "单位" (p) }
                label { "系列" (select("series", &series, "", None)) }
                label { "等级" (select("level", &levels, "", None)) }
                label { "名额" input type="number" name="places" min="0" required size="4"; }
                button type="submit" { "设置名额" }
            }
        }
    }
}

fn apply_form(actor: &Actor, d: &RoundDetail, staff: &[RosterRow]) -> Markup {
    if d.round.status != RoundStatus::Open || !actor.may(WorkArea::Teachers, Access::Write) {
        return html! {};
    }
    let (series, levels) = title_options();
    let people = options(staff.iter().map(|p| {
        (
            p.staff_id,
            format!(
                "{}（{}）",
                p.name,
                title_label(p.title_series, p.title_level)
            ),
        )
    }));
    html! {
        h2 { "提交申报" }
        form.inline method="post" action=(format!("/teachers/titles/{}/applications", d.round.id)) {
            (csrf_field(actor))
            @if people.is_empty() {
                label { "教职工编号" input type="number" name="staff_id" required size="6"; }
            } @else {
                label { "教师" (select("staff_id", &people, "", None)) }
            }
            label { "申报系列" (select("series", &series, "", None)) }
            label { "申报等级" (select("level", &levels, "", None)) }
            button type="submit" { "提交申报" }
        }
        p.muted { "提交时按档案核对任现职年限、本周期继续教育学时、近几年年度考核和师德记录，且只能申报高一级职称；不符合的条件会逐条列出。" }
    }
}

pub(super) async fn round_page(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: RoundId,
    refusal: &Refusal,
) -> Result<Markup, AppError> {
    let d = service::detail(&s.db, caller, id).await?;
    let staff = match caller.scope.institution() {
        Some(own) => {
            crate::store::assessment::roster(&s.db, &caller.scope, own, d.round.year).await?
        }
        None => vec![],
    };
    let picker = if bureau_writer(actor) {
        Some(super::super::assessment::institution_picker(s, None).await?)
    } else {
        None
    };
    let body = html! {
        p { "年度 " (d.round.year) "，" (d.round.status.label()) "。" a href="/teachers/titles" { "返回评审轮次" } }
        (refusal_view(refusal))
        (quotas_view(actor, &d, picker))
        (apply_form(actor, &d, &staff))
        (applications_view(actor, &d))
        (report_view(&d))
        @if bureau_writer(actor) && d.round.status == RoundStatus::Open {
            form method="post" action=(format!("/teachers/titles/{}/close", d.round.id)) {
                (csrf_field(actor))
                p { button type="submit" { "结束本轮并将通过人员的职称写入档案" } }
            }
        }
    };
    Ok(page(actor, &d.round.name, body))
}

pub async fn round(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<RoundId>,
) -> PageResult {
    Ok(round_page(&s, &actor, &caller, id, &Refusal::default())
        .await?
        .into_response())
}

pub async fn export(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<RoundId>,
) -> PageResult {
    let (round, lines) = service::report(&s.db, &caller, id).await?;
    let title = Title::list(format!("{}统计", round.name));
    let mut wb = Workbook::export(&title, &["职称", "申报", "通过", "未通过", "待评审"]);
    for l in &lines {
        wb.row(&[
            Cell::text(title_label(Some(l.series), l.level)),
            Cell::Int(l.applied),
            Cell::Int(l.passed),
            Cell::Int(l.failed),
            Cell::Int(l.pending),
        ])
        .map_err(AppError::Internal)?;
    }
    let bytes = wb.finish().map_err(AppError::Internal)?;
    Ok(file_response(
        &format!("{}统计.xlsx", round.name),
        XLSX_MIME,
        bytes,
    ))
}
