//! 学分落实情况检查: institutions with teachers, hours, 达标率 and the
//! teachers behind; one institution's teachers; the .xlsx export.

use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Actor, Caller};
use platform::excel::XLSX_MIME;
use platform::web::{file_response, page, AppState};
use platform::PageResult;
use serde::Deserialize;

use super::pages::requirement_line;
use crate::service::training::compliance;

pub async fn show(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    let c = compliance::compliance(&s.db, &caller).await?;
    let body = html! {
        (requirement_line(&c.requirement))
        p { "共 " (c.teachers) " 名教师，达标 " (c.met) " 人（" (c.met_share) "），进度落后 " (c.behind) " 人。" }
        div.actions {
            a.button.secondary href="/teachers/training/compliance.xlsx" { "导出 Excel" }
            a.button.secondary href="/teachers/training/compliance-behind.xlsx" { "导出进度落后教师名单" }
        }
        table id="ce-compliance" {
            thead { tr { th { "单位" } th.num { "教师人数" } th.num { "累计学时" } th.num { "达标人数" } th.num { "达标率" } th.num { "进度落后" } } }
            tbody { @for l in &c.lines { tr {
                td { a href=(format!("/teachers/training/compliance/{}", l.counts.institution_id)) { (l.counts.institution_name) } }
                td.num { (l.counts.teachers) } td.num { (l.counts.hours) } td.num { (l.counts.met) }
                td.num { (l.met_share) }
                td.num { @if l.counts.behind > 0 { a href=(format!("/teachers/training/compliance/{}?behind=1", l.counts.institution_id)) { (l.counts.behind) } } @else { "0" } }
            } } }
        }
    };
    Ok(page(&actor, "继续教育学分落实情况检查", body).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Only {
    pub behind: Option<String>,
}

impl Only {
    pub fn behind(&self) -> bool {
        self.behind
            .as_deref()
            .is_some_and(|v| v == "1" || v == "true")
    }
}

pub async fn institution(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
    Query(only): Query<Only>,
) -> PageResult {
    let t = compliance::institution_teachers(&s.db, &caller, id, only.behind()).await?;
    let name = t
        .teachers
        .first()
        .map(|x| x.hours.institution_name.clone())
        .unwrap_or_default();
    let body = html! {
        (requirement_line(&t.requirement))
        p { a href="/teachers/training/compliance" { "← 学分落实情况检查" } " · "
            @if only.behind() { a href=(format!("/teachers/training/compliance/{id}")) { "显示全部教师" } }
            @else { a href=(format!("/teachers/training/compliance/{id}?behind=1")) { "只看进度落后的教师" } } }
        table id="ce-teachers" {
            thead { tr { th { "姓名" } th.num { "本周期学时" } th { "状态" } } }
            tbody { @for x in &t.teachers { tr {
                td { a href=(format!("/teachers/training/staff/{}", x.hours.staff_id)) { (x.hours.name) } }
                td.num { (x.hours.hours) } td { (x.status.label()) }
            } } }
        }
    };
    let title = if only.behind() {
        format!("{name} 进度落后的教师")
    } else {
        format!("{name} 教师继续教育进度")
    };
    Ok(page(&actor, &title, body).into_response())
}

pub async fn export(State(s): State<AppState>, caller: Caller) -> PageResult {
    let bytes = compliance::export(&s.db, &caller).await?;
    Ok(file_response(
        "继续教育学分落实情况检查.xlsx",
        XLSX_MIME,
        bytes,
    ))
}

pub async fn export_behind(State(s): State<AppState>, caller: Caller) -> PageResult {
    let bytes = compliance::export_behind(&s.db, &caller).await?;
    Ok(file_response(
        "继续教育进度落后教师名单.xlsx",
        XLSX_MIME,
        bytes,
    ))
}
