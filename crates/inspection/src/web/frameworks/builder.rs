//! The builder's forms on a draft's page (an indicator added or edited,
//! one removed, the name, total and bands) and the forms that start a
//! draft, publish it, or copy a published version into a new one. A
//! refused form shows the page again with what was typed and each problem
//! at its field; nothing is changed.

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::forms::{csrf_field, field_error, options, select, Refusal};
use platform::web::AppState;
use platform::{AppError, FieldError, PageResult};
use serde::Deserialize;

use super::list::new_page;
use super::show::framework_page;
use crate::domain::indicator_row::{number, METHODS};
use crate::domain::{Body, Field, FrameworkId, IndicatorRow, Node};
use crate::service::frameworks::{self as service, Detail, NewDraft, Settings};

/// How many band lines the settings form offers.
const BAND_LINES: usize = 6;

/// The builder's state on a page: the indicator being edited, and what a
/// refused form typed with its problems.
#[derive(Default)]
pub struct Editing {
    original: Option<String>,
    typed: Option<IndicatorRow>,
    indicator: Vec<FieldError>,
    settings_typed: Option<Settings>,
    settings: Vec<FieldError>,
    pub page: Refusal,
}

impl Editing {
    /// The page opened on the edit form of `code`.
    pub fn open(code: Option<String>) -> Editing {
        Editing {
            original: code.filter(|c| !c.trim().is_empty()),
            ..Editing::default()
        }
    }
}

fn groups(nodes: &[Node], out: &mut Vec<(String, String)>) {
    for n in nodes {
        if let Body::Group(children) = &n.body {
            out.push((n.code.clone(), format!("{} {}", n.code, n.title)));
            groups(children, out);
        }
    }
}

fn input(row: &IndicatorRow, errors: &[FieldError], field: Field, hint: &str) -> Markup {
    html! {
        label for=(field.key()) { (field.column()) }
        input type="text" id=(field.key()) name=(field.key()) value=(row.get(field)) placeholder=(hint);
        (field_error(errors, field.key()))
    }
}

/// The form that adds an indicator, or edits the one `editing` names.
pub fn indicator_form(actor: &Actor, d: &Detail, editing: &Editing) -> Markup {
    let found = editing
        .original
        .as_deref()
        .and_then(|c| d.framework.find(c));
    let original = found.map(|(_, n)| n.code.clone()).unwrap_or_default();
    let row = match (&editing.typed, found) {
        (Some(typed), _) => typed.clone(),
        (None, Some((parent, n))) => IndicatorRow::of(n, parent.unwrap_or("")),
        (None, None) => IndicatorRow::default(),
    };
    let mut parents = vec![(String::new(), "（一级指标）".to_string())];
    groups(&d.framework.items, &mut parents);
    let methods = options(METHODS.iter().map(|(k, l)| (*k, *l)));
    let method = METHODS
        .iter()
        .find(|(k, l)| *k == row.method || *l == row.method)
        .map(|(k, _)| *k)
        .unwrap_or("group");
    let e = &editing.indicator;
    html! {
        h2 id="indicator-form" { @if original.is_empty() { "添加指标" } @else { "编辑指标 " (original) } }
        form.stacked method="post" action=(format!("/inspection/frameworks/{}/indicators", d.row.id)) {
            (csrf_field(actor))
            input type="hidden" name="original" value=(original);
            (input(&row, e, Field::Code, "如 A1、2.3"))
            label for="parent" { "上级指标" }
            (select("parent", &parents, row.parent.trim(), None))
            (field_error(e, "parent"))
            (input(&row, e, Field::Title, ""))
            (input(&row, e, Field::Points, "如 10 或 12.5；否决项留空"))
            label for="method" { "计分方法" }
            (select("method", &methods, method, None))
            (field_error(e, "method"))
            (input(&row, e, Field::Options, "等级如 A:10;B:8;C:5;D:0，检查项如 制度健全:2;台账完整:3"))
            (input(&row, e, Field::Min, "区间指标的最低分，缺省为 0"))
            (input(&row, e, Field::Cap, "否决项触发时总分的上限"))
            (input(&row, e, Field::Evidence, "以“；”分隔，如 学校章程；三年发展规划"))
            p {
                button type="submit" { @if original.is_empty() { "添加" } @else { "保存" } }
                @if !original.is_empty() { " " a href=(format!("/inspection/frameworks/{}", d.row.id)) { "取消" } }
            }
        }
    }
}

/// The form of a draft's name, year, total and bands.
pub fn settings_form(actor: &Actor, d: &Detail, editing: &Editing) -> Markup {
    let f = &d.framework;
    let current = Settings {
        name: d.row.name.clone(),
        year: d.row.year.to_string(),
        total: number(f.total),
        bands: f
            .bands
            .iter()
            .map(|b| (b.label.clone(), number(b.min)))
            .collect(),
    };
    let s = editing.settings_typed.as_ref().unwrap_or(&current);
    let e = &editing.settings;
    let blank = (String::new(), String::new());
    html! {
        h2 { "基本信息和评定等次" }
        form.stacked id="settings-form" method="post" action=(format!("/inspection/frameworks/{}/settings", d.row.id)) {
            (csrf_field(actor))
            label for="name" { "评估标准名称" }
            input type="text" id="name" name="name" required value=(s.name);
            (field_error(e, "name"))
            label for="year" { "年度" }
            input type="number" id="year" name="year" required value=(s.year);
            (field_error(e, "year"))
            label for="total" { "总分" }
            input type="text" id="total" name="total" required value=(s.total);
            (field_error(e, "total"))
            label { "评定等次（从高到低，填写等次名称和最低分）" }
            table id="band-lines" {
                thead { tr { th { "等次" } th { "最低分" } } }
                tbody { @for i in 0..BAND_LINES.max(s.bands.len()) {
                    @let (label, min) = s.bands.get(i).unwrap_or(&blank);
                    tr {
                        td { input type="text" name="band_label" value=(label) aria-label=(format!("第 {} 个等次", i + 1)); }
                        td { input type="text" name="band_min" value=(min) aria-label=(format!("第 {} 个等次的最低分", i + 1)); }
                    }
                } }
            }
            (field_error(e, "bands"))
            p { button type="submit" { "保存基本信息和评定等次" } }
        }
    }
}

/// The answer to a builder form of draft `id`: back to the page (at
/// `anchor`), or the page again with the refusal that `refused` places.
async fn answer(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: FrameworkId,
    done: Result<(), AppError>,
    anchor: &str,
    refused: impl FnOnce(&mut Editing, Vec<FieldError>),
) -> PageResult {
    let mut editing = Editing::default();
    let status = match done {
        Ok(()) => {
            return Ok(
                Redirect::to(&format!("/inspection/frameworks/{id}{anchor}")).into_response(),
            )
        }
        Err(AppError::Invalid(errors)) => {
            refused(&mut editing, errors);
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Err(AppError::Conflict(msg)) => {
            editing.page.alert = Some(msg);
            StatusCode::CONFLICT
        }
        Err(e) => return Err(e),
    };
    let body = framework_page(s, actor, caller, id, &editing).await?;
    Ok((status, body).into_response())
}

/// A refusal shown above the page (not at one form's fields).
fn on_page(e: &mut Editing, errors: Vec<FieldError>) {
    e.page.errors = errors;
}

pub async fn start(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(input): Form<NewDraft>,
) -> PageResult {
    match service::start(&s.db, &caller, &input).await {
        Ok(id) => Ok(Redirect::to(&format!("/inspection/frameworks/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => {
            let r = Refusal {
                errors,
                alert: None,
            };
            let page = new_page(&actor, &caller, Some(&input), &r)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct IndicatorForm {
    #[serde(default)]
    original: String,
    #[serde(flatten)]
    row: IndicatorRow,
}

pub async fn save_indicator(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<FrameworkId>,
    Form(f): Form<IndicatorForm>,
) -> PageResult {
    let original = Some(f.original.as_str()).filter(|o| !o.trim().is_empty());
    let done = service::save_indicator(&s.db, &caller, id, original, &f.row).await;
    let anchor = if original.is_some() {
        ""
    } else {
        "#indicator-form"
    };
    answer(&s, &actor, &caller, id, done, anchor, |e, errors| {
        e.original = original.map(str::to_string);
        e.typed = Some(f.row.clone());
        e.indicator = errors;
    })
    .await
}

#[derive(Deserialize)]
pub struct RemoveForm {
    indicator: String,
}

pub async fn remove_indicator(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<FrameworkId>,
    Form(f): Form<RemoveForm>,
) -> PageResult {
    let done = service::remove_indicator(&s.db, &caller, id, &f.indicator).await;
    answer(&s, &actor, &caller, id, done, "", on_page).await
}

/// Every value of a repeated form field, in order.
fn values<'a>(pairs: &'a [(String, String)], key: &'a str) -> impl Iterator<Item = String> + 'a {
    pairs
        .iter()
        .filter(move |(k, _)| k == key)
        .map(|(_, v)| v.clone())
}

pub async fn settings(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<FrameworkId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    let value = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let typed = Settings {
        name: value("name"),
        year: value("year"),
        total: value("total"),
        bands: values(&pairs, "band_label")
            .zip(values(&pairs, "band_min"))
            .collect(),
    };
    let done = service::save_settings(&s.db, &caller, id, &typed).await;
    answer(&s, &actor, &caller, id, done, "", |e, errors| {
        e.settings_typed = Some(typed.clone());
        e.settings = errors;
    })
    .await
}

pub async fn publish(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<FrameworkId>,
) -> PageResult {
    let done = service::publish(&s.db, &caller, id).await;
    answer(&s, &actor, &caller, id, done, "", on_page).await
}

#[derive(Deserialize)]
pub struct VersionForm {
    year: String,
}

pub async fn version(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<FrameworkId>,
    Form(f): Form<VersionForm>,
) -> PageResult {
    let year = f.year.trim().parse().unwrap_or(0);
    match service::new_version(&s.db, &caller, id, year).await {
        Ok(new) => Ok(Redirect::to(&format!("/inspection/frameworks/{new}")).into_response()),
        Err(e) => answer(&s, &actor, &caller, id, Err(e), "", on_page).await,
    }
}
