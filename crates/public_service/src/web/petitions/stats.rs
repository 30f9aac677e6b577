//! The statistics page of petitions and its .xlsx export.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::excel::XLSX_MIME;
use platform::web::reports::file_response;
use platform::web::{page, AppState};
use platform::PageResult;
use serde::Deserialize;

use super::pages::HOME;
use crate::service::petitions::stats::{self, PetitionLine};

/// The period as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PeriodQuery {
    from: String,
    to: String,
}

impl PeriodQuery {
    fn dates(&self) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
        (self.from.trim().parse().ok(), self.to.trim().parse().ok())
    }
}

fn lines(caption: &str, rows: &[PetitionLine]) -> Markup {
    html! {
        table.stats {
            caption { (caption) }
            thead { tr { th { "项目" } th { "收件" } th { "在办" } th { "逾期未办结" } th { "已答复" } th { "按期答复" } th { "不予受理" } th { "已评价" } th { "满意" } } }
            tbody { @for l in rows { tr {
                td { (l.label) } td { (l.received) } td { (l.open) } td { (l.overdue) } td { (l.answered) }
                td { (l.on_time) } td { (l.rejected) } td { (l.rated) } td { (l.satisfied) }
            } } }
        }
    }
}

pub async fn statistics(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<PeriodQuery>,
) -> PageResult {
    let (from, to) = q.dates();
    let st = stats::stats(&s.db, &caller, from, to).await?;
    let body = html! {
        form.inline method="get" action=(format!("{HOME}/stats")) {
            label { "自 " input type="date" name="from" value=(st.from); }
            label { " 至 " input type="date" name="to" value=(st.to); }
            button type="submit" { "统计" }
            " " a href=(format!("{HOME}/stats.xlsx?from={}&to={}", st.from, st.to)) { "导出 Excel" }
        }
        (lines("按类别", &st.by_topic))
        (lines("按承办科室", &st.by_section))
        (lines("合计", std::slice::from_ref(&st.total)))
    };
    Ok(page(&actor, "信访统计", body).into_response())
}

pub async fn export(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<PeriodQuery>,
) -> PageResult {
    let (from, to) = q.dates();
    let st = stats::stats(&s.db, &caller, from, to).await?;
    Ok(file_response(
        "信访统计.xlsx",
        XLSX_MIME,
        stats::workbook(&st)?,
    ))
}
