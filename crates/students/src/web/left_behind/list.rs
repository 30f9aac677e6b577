//! The list of left-behind children (/left-behind): archive state, last
//! care record and overdue care, by school and township, with its export.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use axum::Json;
use maud::{html, Markup};
use platform::auth::{Actor, Caller, Scope};
use platform::district;
use platform::error::ErrorBody;
use platform::excel::XLSX_MIME;
use platform::web::forms::{options, select};
use platform::web::{file_response, page, AppState, Filters, Pager};
use platform::{ApiResult, AppError, PageResult};
use serde::Deserialize;

use crate::domain::Grade;
use crate::reader::StudentsReader;
use crate::service::left_behind::{filed_label, kind_label, roster_workbook, CARE_EVERY_DAYS};
use crate::store::left_behind::{LeftBehindFilter, LeftBehindPage, LeftBehindRow};

/// The list's query as the page's form sends it ("" for 全部).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    institution_id: String,
    township_id: String,
    overdue: String,
    page: String,
}

impl ListQuery {
    fn filter(&self) -> LeftBehindFilter {
        let num = |v: &str| v.trim().parse::<i64>().ok();
        LeftBehindFilter {
            institution_id: num(&self.institution_id),
            township_id: num(&self.township_id),
            overdue: matches!(self.overdue.as_str(), "1" | "true"),
            page: num(&self.page),
        }
    }
}

fn filters(f: &LeftBehindFilter) -> Filters {
    Filters::new()
        .with("institution_id", f.institution_id)
        .with("township_id", f.township_id)
        .with("overdue", f.overdue.then_some(1))
}

fn row(r: &LeftBehindRow) -> Markup {
    html! {
        tr {
            td { a href=(format!("/students/{}/left-behind", r.id)) { (r.name) } }
            td { (r.id_number) }
            td { (kind_label(r.left_behind)) }
            td { (r.township_name) }
            td { (r.institution_name) }
            td { (Grade(r.grade).label()) " " (r.class_name) }
            td { @if r.filed { (filed_label(true)) } @else { span.muted { (filed_label(false)) } } }
            td { (r.last_care.map(|d| d.to_string()).unwrap_or_else(|| "—".into())) }
            td { @if r.overdue { span.tag { "逾期" } } }
        }
    }
}

/// The institutions and townships to choose from (a school has only itself).
async fn choices(
    state: &AppState,
    scope: &Scope,
) -> Result<(Vec<(String, String)>, Vec<(String, String)>), AppError> {
    let institutions = match scope {
        Scope::All => (state.institutions)(&state.db).await?,
        Scope::Institution(_) => Vec::new(),
    };
    let towns = district::townships(&state.db).await?;
    Ok((
        options(institutions.iter().map(|i| (i.id.0, i.name.clone()))),
        options(towns.iter().map(|t| (t.id.0, t.name.clone()))),
    ))
}

fn view(
    p: &LeftBehindPage,
    f: &LeftBehindFilter,
    institutions: &[(String, String)],
    towns: &[(String, String)],
) -> Markup {
    let chosen = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    html! {
        p.muted { "每名留守儿童应建立档案，并至少每 " (CARE_EVERY_DAYS) " 天有一次关爱记录；超过即为“逾期”（尚无关爱记录的，从本次入学之日算起）。" }
        div.actions { a.button.secondary href=(filters(f).href("/left-behind.xlsx", 1)) { "导出 Excel" } }
        form.filters method="get" action="/left-behind" {
            @if !institutions.is_empty() { label { "学校" (select("institution_id", institutions, &chosen(f.institution_id), Some("全部"))) } }
            label { "乡镇（街道）" (select("township_id", towns, &chosen(f.township_id), Some("全部"))) }
            label { input type="checkbox" name="overdue" value="1" checked[f.overdue]; "只看关爱逾期" }
            button type="submit" { "查询" }
        }
        p.muted { "共 " (p.total) " 人" }
        table id="left-behind" {
            thead { tr { th { "姓名" } th { "身份证件号" } th { "留守类型" } th { "乡镇（街道）" } th { "学校" } th { "年级班级" } th { "档案" } th { "最近关爱" } th { "关爱逾期" } } }
            tbody { @for r in &p.items { (row(r)) } }
        }
        (Pager::new(p.page, p.per_page, p.total).view("/left-behind", &filters(f)))
    }
}

pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<ListQuery>,
) -> PageResult {
    let f = q.filter();
    let p = StudentsReader::of(&state.db, &caller)?
        .left_behind(&f)
        .await?;
    let (institutions, towns) = choices(&state, &actor.scope).await?;
    Ok(page(&actor, "留守儿童名单", view(&p, &f, &institutions, &towns)).into_response())
}

pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Query(q): Query<ListQuery>,
) -> PageResult {
    let f = q.filter();
    let rows = StudentsReader::of(&state.db, &caller)?
        .left_behind_export(&f)
        .await?;
    let (institutions, towns) = choices(&state, &caller.scope).await?;
    let name = |list: &[(String, String)], id: Option<i64>| {
        let id = id?.to_string();
        list.iter().find(|(k, _)| *k == id).map(|(_, v)| v.clone())
    };
    let bytes = roster_workbook(
        &f,
        name(&institutions, f.institution_id).as_deref(),
        name(&towns, f.township_id).as_deref(),
        &rows,
    )?;
    Ok(file_response("留守儿童名单.xlsx", XLSX_MIME, bytes))
}

/// The left-behind children within the caller's scope with the state of
/// their archives (filed, last care record, overdue), audited as a view.
/// 403 for roles that keep no archives.
#[utoipa::path(get, path = "/api/v1/left-behind", tag = "dropout", params(LeftBehindFilter),
    responses((status = 200, body = LeftBehindPage), (status = 403, body = ErrorBody)))]
pub async fn list_api(
    State(state): State<AppState>,
    caller: Caller,
    Query(q): Query<ListQuery>,
) -> ApiResult<Json<LeftBehindPage>> {
    Ok(Json(
        StudentsReader::of(&state.db, &caller)?
            .left_behind(&q.filter())
            .await?,
    ))
}
