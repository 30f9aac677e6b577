//! The form that computes a term's batch: the term chosen by name, its
//! dates, and which programs to include (every active one checked at first).

use axum::extract::{Form, State};
use axum::response::{IntoResponse, Redirect};
use chrono::NaiveDate;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::forms::{csrf_field, select};
use platform::web::AppState;
use platform::{AppError, PageResult};

use super::program_form::{all, one, Pairs};
use crate::domain::{term, ProgramId, TermInput};
use crate::service::runs::{self, RunRequest};
use crate::store::Program;

/// School years offered before the current one.
const YEARS_BACK: i64 = 4;

pub fn form(actor: &Actor, programs: &[Program]) -> Markup {
    let (year, half) = TermInput::current(platform::time::today());
    let starts = if half == 1 {
        format!("{year}-09-01")
    } else {
        format!("{}-02-20", year + 1)
    };
    let terms = term::choices(year, YEARS_BACK);
    html! {
        form.filters id="aid-run" method="post" action="/aid/runs" {
            (csrf_field(actor))
            label { "学期" (select("term", &terms, &term::key(year, half).to_string(), None)) }
            label { "开学日期" input type="date" name="starts_on" required value=(starts); }
            label { "周数" input type="number" name="weeks" value="20"; }
            label { "在校天数" input type="number" name="school_days" value="100"; }
            fieldset {
                legend { "计算的资助项目" }
                @for p in programs.iter().filter(|p| p.def.active) {
                    label.check { input type="checkbox" name="programs" value=(p.id) checked; " " (p.def.name) }
                }
            }
            button type="submit" { "计算本学期资助名单" }
        }
    }
}

fn num(field: &str, label: &str, v: &str) -> Result<i64, AppError> {
    v.trim()
        .parse()
        .map_err(|_| AppError::invalid(field, format!("{label}“{v}”不是有效的数字")))
}

/// The request a filled form makes; no program ticked is refused.
fn request(pairs: &Pairs) -> Result<RunRequest, AppError> {
    let starts_on = NaiveDate::parse_from_str(one(pairs, "starts_on").trim(), "%Y-%m-%d")
        .map_err(|_| AppError::invalid("starts_on", "开学日期格式应为 2025-09-01"))?;
    let key = num("term", "学期", &one(pairs, "term"))?;
    let programs = all(pairs, "programs")
        .map(|p| num("programs", "资助项目", p).map(ProgramId))
        .collect::<Result<Vec<_>, _>>()?;
    if programs.is_empty() {
        return Err(AppError::invalid("programs", "请至少选择一个资助项目"));
    }
    Ok(RunRequest {
        term: TermInput {
            school_year: key / 10,
            half: key % 10,
            starts_on,
            weeks: num("weeks", "周数", &one(pairs, "weeks"))?,
            school_days: num("school_days", "在校天数", &one(pairs, "school_days"))?,
        },
        programs,
        note: String::new(),
    })
}

pub async fn run(
    State(s): State<AppState>,
    caller: Caller,
    Form(pairs): Form<Pairs>,
) -> PageResult {
    // The bureau-only answer comes before any check of the form.
    crate::service::bureau_writer(&s.db, &caller)?;
    let out = runs::run(&s.db, &caller, &request(&pairs)?).await?;
    Ok(Redirect::to(&format!("/aid/runs/{}", out.batch.id)).into_response())
}
