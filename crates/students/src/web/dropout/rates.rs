//! The rates page (入学率, 巩固率 by township) and its Excel export.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Actor, Caller};
use platform::excel::XLSX_MIME;
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult};

use serde::Deserialize;

use crate::domain::Grade;
use crate::service::dropout::{self as service, Rates};
use crate::web::forms::school_year;

pub fn file_name(r: &Rates) -> String {
    format!(
        "{}—{}学年入学率与巩固率.xlsx",
        r.school_year,
        r.school_year + 1
    )
}

/// The school year as typed in the page's form (may be blank).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct YearText {
    school_year: Option<String>,
}

impl YearText {
    fn year(&self) -> Result<Option<i64>, AppError> {
        school_year(self.school_year.as_deref())
    }
}

pub async fn show(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(p): Query<YearText>,
) -> PageResult {
    let r = service::rates(&state.db, &caller, p.year()?).await?;
    let body = html! {
        form.filters method="get" action="/dropout/rates" {
            label { "学年（起始年份）" input type="number" name="school_year" min="2000" max="2100" value=(r.school_year); }
            button type="submit" { "查询" }
        }
        div.actions {
            a.button.secondary href=(format!("/dropout/rates.xlsx?school_year={}", r.school_year)) { "导出 Excel" }
            a.button.secondary href="/dropout" { "返回控辍保学" }
        }
        p { strong { (r.school_year) "—" (r.school_year + 1) " 学年" } "，数据由户籍名册与学籍记录实时计算。" }
        ul.muted id="definitions" { @for d in &r.definitions { li { (d) } } }
        h2 { "巩固率（国家口径，全区）" }
        table id="rates-consolidation" {
            thead { tr {
                th { "指标" } th { "在校生" } th.num { "在校生数" } th { "入学时" } th.num { "入学时人数" } th.num { "巩固率" } th { "计算公式" }
            } }
            tbody {
                @for c in &r.cohorts {
                    tr {
                        td { (c.label) }
                        td { (r.school_year) "学年" (Grade(c.final_grade).label()) }
                        td.num { (c.in_school) }
                        td { (c.entry_year) "学年" (Grade(c.entry_grade).label()) }
                        td.num { (c.entered) }
                        td.num { (c.rate_text) }
                        td.formula { (c.formula) }
                    }
                }
            }
        }
        @for s in &r.stages {
            h2 { (s.label) }
            p.muted { "适龄儿童出生日期：" (s.born_from) " 至 " (s.born_to) }
            table id=(format!("rates-{}", s.stage)) {
                thead { tr {
                    th { "乡镇（街道）" } th.num { "适龄儿童数" } th.num { "在籍人数" } th.num { "入学率" }
                    th.num { "在籍学生数" } th.num { "本学年辍学数" } th.num { "学年在籍保持率" }
                } }
                tbody {
                    @for row in s.rows.iter().chain(std::iter::once(&s.total)) {
                        tr {
                            td { @if row.township_id.is_none() { strong { (row.township) } } @else { (row.township) } }
                            td.num { (row.school_age) }
                            td.num { (row.enrolled) }
                            td.num { (row.enrolment_rate_text) }
                            td.num { (row.current) }
                            td.num { (row.dropped_out) }
                            td.num { (row.retention_rate_text) }
                        }
                    }
                }
            }
        }
    };
    Ok(page(&actor, "入学率与巩固率", body).into_response())
}

pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Query(p): Query<YearText>,
) -> PageResult {
    let r = service::rates(&state.db, &caller, p.year()?).await?;
    let bytes = service::rates_workbook(&r)?;
    Ok(file_response(&file_name(&r), XLSX_MIME, bytes))
}
