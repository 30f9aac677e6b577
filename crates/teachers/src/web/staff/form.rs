//! 新增教职工 and 编辑教职工信息: one form over every information set.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, Scope, WorkArea};
use platform::web::directory::{picker, InstitutionChoice};
use platform::web::forms::{csrf_field, field_error, redisplay, refusal_view, select, Refusal};
use platform::web::{page, with_notice, AppState};
use platform::{AppError, FieldError, PageResult};
use serde::Deserialize;

use super::show::choices;
use crate::domain::staff::{StaffId, StaffInput, FIELDS};
use crate::service::staff::reader::StaffReader;
use crate::service::staff::{self as service, Saved};

/// The information sets of the form, as the national system groups them.
const SETS: &[(&str, &[&str])] = &[
    (
        "基本信息",
        &[
            "name",
            "national_id",
            "ethnicity",
            "politics",
            "education",
            "degree",
            "work_start",
            "teaching_start",
        ],
    ),
    (
        "岗位与编制",
        &[
            "post_category",
            "post_grade",
            "establishment",
            "full_time",
            "subjects",
            "stage",
            "status",
        ],
    ),
    (
        "职称",
        &[
            "title_series",
            "title_level",
            "title_obtained_on",
            "title_appointed_on",
        ],
    ),
    (
        "教师资格",
        &[
            "certificate_type",
            "certificate_subject",
            "certificate_number",
        ],
    ),
    (
        "骨干教师",
        &["backbone_level", "backbone_from", "backbone_to"],
    ),
];

fn label(key: &str) -> &str {
    FIELDS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, l)| *l)
}

fn value<'a>(i: &'a StaffInput, key: &str) -> &'a str {
    match key {
        "name" => &i.name,
        "national_id" => &i.national_id,
        "ethnicity" => &i.ethnicity,
        "politics" => &i.politics,
        "education" => &i.education,
        "degree" => &i.degree,
        "work_start" => &i.work_start,
        "teaching_start" => &i.teaching_start,
        "post_category" => &i.post_category,
        "post_grade" => &i.post_grade,
        "establishment" => &i.establishment,
        "full_time" => &i.full_time,
        "subjects" => &i.subjects,
        "stage" => &i.stage,
        "title_series" => &i.title_series,
        "title_level" => &i.title_level,
        "title_obtained_on" => &i.title_obtained_on,
        "title_appointed_on" => &i.title_appointed_on,
        "certificate_type" => &i.certificate_type,
        "certificate_subject" => &i.certificate_subject,
        "certificate_number" => &i.certificate_number,
        "backbone_level" => &i.backbone_level,
        "backbone_from" => &i.backbone_from,
        "backbone_to" => &i.backbone_to,
        "status" => &i.status,
        _ => "",
    }
}

fn input_field(key: &str, v: &str, errors: &[FieldError]) -> Markup {
    let kind = if key.ends_with("_on") || key.ends_with("_from") || key.ends_with("_to") {
        "date"
    } else {
        "text"
    };
    html! {
        div.field {
            label for=(key) { (label(key)) }
            @match choices(key) {
                Some(opts) => (select(key, &opts, v.trim(), Some("请选择"))),
                None => input type=(kind) id=(key) name=(key) value=(v);
            }
            (field_error(errors, key))
        }
    }
}

pub struct FormState<'a> {
    pub action: String,
    pub input: &'a StaffInput,
    pub version: Option<i64>,
    /// The district's institutions, for the bureau's 单位 picker.
    pub institutions: Option<&'a [InstitutionChoice]>,
}

/// The form with what the user typed, and why it was refused if it was.
pub fn staff_form(actor: &Actor, s: FormState, r: &Refusal) -> Markup {
    let errors = r.errors.as_slice();
    html! {
        (refusal_view(r))
        @if actor.scope != Scope::All {
            p.muted { "学校提交的新增和修改须经教育局人事科审核通过后才生效。" }
        }
        form.stacked method="post" action=(s.action) {
            (csrf_field(actor))
            @if let Some(v) = s.version { input type="hidden" name="version" value=(v); }
            @if let Some(all) = s.institutions {
                div.field { label for="institution" { "单位" } (picker("institution", &s.input.institution, all)) (field_error(errors, "institution")) }
            }
            @for (set, keys) in SETS {
                fieldset {
                    legend { (set) }
                    @for key in *keys { (input_field(key, value(s.input, key), errors)) }
                }
            }
            p.actions { button type="submit" { "保存" } a.button.secondary href="/teachers/staff" { "取消" } }
        }
    }
}

#[derive(Deserialize)]
pub struct EditForm {
    #[serde(flatten)]
    input: StaffInput,
    /// Text: numbers inside a flattened form arrive as strings.
    version: Option<String>,
}

async fn directory(
    state: &AppState,
    actor: &Actor,
) -> Result<Option<Vec<InstitutionChoice>>, AppError> {
    Ok(match actor.scope {
        Scope::All => Some(institutions::store::directory(&state.db).await?),
        Scope::Institution(_) => None,
    })
}

fn saved(saved: Saved) -> PageResult {
    let to = match saved {
        Saved::Applied(id) => with_notice(&format!("/teachers/staff/{id}"), "saved"),
        Saved::Pending(_) => with_notice("/teachers/reviews", "submitted"),
    };
    Ok(Redirect::to(&to).into_response())
}

pub async fn new_form(State(state): State<AppState>, actor: Actor) -> PageResult {
    actor.require(WorkArea::Teachers, Access::Write)?;
    let all = directory(&state, &actor).await?;
    let input = StaffInput {
        post_category: "technical".into(),
        establishment: "in_quota".into(),
        full_time: "是".into(),
        status: "active".into(),
        title_level: "none".into(),
        ..StaffInput::default()
    };
    let form = FormState {
        action: "/teachers/staff".into(),
        input: &input,
        version: None,
        institutions: all.as_deref(),
    };
    Ok(page(
        &actor,
        "新增教职工",
        staff_form(&actor, form, &Refusal::default()),
    )
    .into_response())
}

pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(form): Form<EditForm>,
) -> PageResult {
    let e = match service::create(&state.db, &caller, &form.input).await {
        Ok(s) => return saved(s),
        Err(e) => e,
    };
    let all = directory(&state, &actor).await?;
    let typed = FormState {
        action: "/teachers/staff".into(),
        input: &form.input,
        version: None,
        institutions: all.as_deref(),
    };
    redisplay(&actor, "新增教职工", e, |r| {
        staff_form(&actor, typed, r)
    })
}

pub async fn edit_form(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StaffId>,
) -> PageResult {
    actor.require(WorkArea::Teachers, Access::Write)?;
    // Read through the reader, so this view of the record is audited too.
    let record = StaffReader::of(&state.db, &caller)?.view(id).await?.record;
    let input = StaffInput::from(&record.fields);
    let form = FormState {
        action: format!("/teachers/staff/{id}"),
        input: &input,
        version: Some(record.version),
        institutions: None,
    };
    let title = format!("编辑：{}", record.fields.name);
    Ok(page(
        &actor,
        &title,
        staff_form(&actor, form, &Refusal::default()),
    )
    .into_response())
}

pub async fn update(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StaffId>,
    Form(form): Form<EditForm>,
) -> PageResult {
    let version = form
        .version
        .as_deref()
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| AppError::BadRequest("表单缺少版本号，请刷新页面后重试".into()))?;
    let e = match service::update(&state.db, &caller, id, version, &form.input).await {
        Ok(s) => return saved(s),
        Err(e) => e,
    };
    let typed = FormState {
        action: format!("/teachers/staff/{id}"),
        input: &form.input,
        version: Some(version),
        institutions: None,
    };
    redisplay(&actor, "编辑教职工信息", e, |r| {
        staff_form(&actor, typed, r)
    })
}
