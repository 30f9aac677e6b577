//! The entry page (录入) of an institution's year and the results page.

use std::collections::HashMap;

use axum::extract::{Form, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::web::forms::{csrf_field, redisplay, refusal_view, Refusal};
use platform::web::{page, AppState};
use platform::{InstitutionId, PageResult};

use super::YearQuery;
use crate::domain::{title_label, AssessmentGrade};
use crate::service::assessment::{self as service, GradeBatch, GradeInput, Results, Roster};

const TITLE: &str = "年度考核";

fn year_picker(action: &str, year: i64, institution: Option<InstitutionId>) -> Markup {
    html! {
        form.filters method="get" action=(action) {
            label { "考核年度" input type="number" name="year" value=(year) min="2000"; }
            @if let Some(i) = institution { input type="hidden" name="institution_id" value=(i); }
            button type="submit" { "查看" }
        }
    }
}

/// The grade chosen for a person: what was sent back, else what is stored.
fn chosen<'a>(sent: &'a HashMap<String, String>, key: &str, stored: Option<&'a str>) -> &'a str {
    sent.get(key).map(String::as_str).or(stored).unwrap_or("")
}

fn entry_form(actor: &Actor, r: &Roster, sent: &HashMap<String, String>) -> Markup {
    let writes = actor.may(WorkArea::Teachers, Access::Write);
    html! {
        p { "本单位在职教职工 " (r.staff.len()) " 人，优秀比例上限 " (r.quota_percent) "%，优秀名额 " strong { (r.quota) } " 名（按在职人数向下取整，不足 1 名的按 1 名计）。有师德一票否决记录的教职工只能评定为不合格。" }
        form.stacked method="post" action="/teachers/assessments" {
            (csrf_field(actor))
            input type="hidden" name="year" value=(r.year);
            input type="hidden" name="institution_id" value=(r.institution_id);
            table id="assessment-roster" {
                thead { tr { th { "姓名" } th { "职称" } th { "师德" } th { "考核等次" } th { "备注" } } }
                tbody { @for p in &r.staff {
                    @let g = format!("g{}", p.staff_id);
                    @let n = format!("n{}", p.staff_id);
                    @let grade = chosen(sent, &g, p.grade.map(AssessmentGrade::as_str));
                    tr {
                        td { (p.name) }
                        td { (title_label(p.title_series, p.title_level)) }
                        td { @if p.vetoes > 0 { span.alert { "一票否决" } } @else { "—" } }
                        td { select name=(g) disabled[!writes] {
                            option value="" { "未评定" }
                            @for a in AssessmentGrade::ALL { option value=(a.as_str()) selected[grade == a.as_str()] { (a.label()) } }
                        } }
                        td { input type="text" name=(n) value=(chosen(sent, &n, p.note.as_deref())) size="12" disabled[!writes]; }
                    }
                } }
            }
            @if r.staff.is_empty() { p.muted { "本单位没有在职教职工。" } }
            @if writes && !r.staff.is_empty() { p { button type="submit" { "保存考核结果" } } }
        }
        @if writes {
            h2 { "从 Excel 导入" }
            p { "使用 " a href="/teachers/assessments/template.xlsx" { "导入模板" } "（身份证件号、姓名、考核等次、备注）。任何一行有误或优秀超出名额时不导入任何数据。" }
            form.stacked method="post" enctype="multipart/form-data"
                action=(format!("/teachers/assessments/import?year={}&institution_id={}&_csrf={}", r.year, r.institution_id, actor.csrf_token)) {
                (csrf_field(actor))
                input type="file" name="file" accept=".xlsx,.csv" required;
                p { button type="submit" { "上传并导入" } }
            }
        }
    }
}

pub(super) fn entry_page(
    actor: &Actor,
    r: &Roster,
    sent: &HashMap<String, String>,
    refusal: &Refusal,
) -> Markup {
    html! {
        (year_picker("/teachers/assessments", r.year, Some(r.institution_id)))
        p { a href=(format!("/teachers/assessments/results?year={}", r.year)) { "查看考核结果统计" } }
        (refusal_view(refusal))
        (entry_form(actor, r, sent))
    }
}

pub async fn show(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<YearQuery>,
) -> PageResult {
    if caller.scope.institution().is_none() && q.institution_id.is_none() {
        return results(State(s), actor, caller, Query(q)).await;
    }
    let r = service::roster(&s.db, &caller, q.institution(), q.year()).await?;
    let body = entry_page(&actor, &r, &HashMap::new(), &Refusal::default());
    Ok(page(&actor, &format!("{}年度考核录入", r.year), body).into_response())
}

fn batch_of(form: &HashMap<String, String>) -> GradeBatch {
    let num = |k: &str| form.get(k).and_then(|v| v.trim().parse::<i64>().ok());
    let mut entries: Vec<GradeInput> = form
        .iter()
        .filter(|(k, v)| k.starts_with('g') && !v.is_empty())
        .filter_map(|(k, v)| {
            let staff_id = k[1..].parse().ok()?;
            Some(GradeInput {
                staff_id,
                grade: v.clone(),
                note: form
                    .get(&format!("n{staff_id}"))
                    .cloned()
                    .unwrap_or_default(),
            })
        })
        .collect();
    entries.sort_by_key(|e| e.staff_id);
    GradeBatch {
        year: num("year").unwrap_or(0),
        institution_id: num("institution_id").map(InstitutionId),
        entries,
    }
}

pub async fn save(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(form): Form<HashMap<String, String>>,
) -> PageResult {
    let batch = batch_of(&form);
    match service::record(&s.db, &caller, &batch).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/teachers/assessments?year={}&institution_id={}",
            batch.year,
            batch
                .institution_id
                .map_or(String::new(), |i| i.to_string())
        ))
        .into_response()),
        Err(e) => {
            let r = service::roster(&s.db, &caller, batch.institution_id, batch.year).await?;
            redisplay(&actor, TITLE, e, |refusal| {
                entry_page(&actor, &r, &form, refusal)
            })
        }
    }
}

fn results_view(r: &Results, picker: Option<Markup>) -> Markup {
    let bureau = picker.is_some();
    html! {
        (year_picker("/teachers/assessments/results", r.year, None))
        @if let Some(p) = picker {
            form.filters method="get" action="/teachers/assessments" {
                input type="hidden" name="year" value=(r.year);
                label { "单位" (p) }
                button type="submit" { "录入或查看该单位考核结果" }
            }
        }
        p { a.button.secondary href=(format!("/teachers/assessments/results.xlsx?year={}", r.year)) { "导出 Excel" } }
        table id="assessment-results" {
            thead { tr { th { "单位" } th.num { "在职人数" } @for g in AssessmentGrade::ALL { th.num { (g.label()) } } th { "" } } }
            tbody {
                @for i in &r.institutions { tr {
                    td { (i.institution_name) }
                    td.num { (i.staff) }
                    td.num { (i.excellent) } td.num { (i.competent) } td.num { (i.basic) } td.num { (i.incompetent) }
                    td { a href=(format!("/teachers/assessments?year={}&institution_id={}", r.year, i.institution_id)) { "查看" } }
                } }
                @if bureau { tr.total {
                    td { "全区合计" } td.num { "" }
                    @for g in AssessmentGrade::ALL { td.num { (r.district.get(*g)) } }
                    td { "" }
                } }
            }
        }
        @if r.institutions.is_empty() { p.muted { "该年度尚无考核结果。" } }
    }
}

pub async fn results(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<YearQuery>,
) -> PageResult {
    let r = service::results(&s.db, &caller, q.year()).await?;
    let picker = match caller.scope.institution() {
        Some(_) => None,
        None => Some(super::institution_picker(&s, None).await?),
    };
    let body = results_view(&r, picker);
    Ok(page(&actor, &format!("{}年度考核结果", r.year), body).into_response())
}
