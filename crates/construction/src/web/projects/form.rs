//! The form to file or edit a project (计财科, 安全科, leadership).

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::{page as layout, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::money::Parsed;
use crate::domain::projects::{ProjectId, ProjectInput};
use crate::domain::ProjectKind;
use crate::service::projects as service;
use crate::store::projects::{self as store, Project};

/// The form's fields as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProjectForm {
    name: String,
    kind: String,
    institution_id: String,
    township_id: String,
    school_name: String,
    school_type: String,
    school_code: String,
    year: String,
    planned_floor_area: String,
    dangerous_area_removed: String,
    responsible_person: String,
    note: String,
    version: String,
}

impl ProjectForm {
    fn of(p: &Project) -> ProjectForm {
        ProjectForm {
            name: p.name.clone(),
            kind: p.kind.as_str().into(),
            institution_id: p.institution_id.map(|i| i.to_string()).unwrap_or_default(),
            township_id: p.township_id.to_string(),
            school_name: p.school_name.clone(),
            school_type: p.school_type.clone(),
            school_code: p.school_code.clone(),
            year: p.year.to_string(),
            planned_floor_area: p.planned_floor_area.to_string(),
            dangerous_area_removed: p.dangerous_area_removed.to_string(),
            responsible_person: p.responsible_person.clone(),
            note: p.note.clone(),
            version: p.version.to_string(),
        }
    }

    fn input(&self, parsed: &mut Parsed) -> ProjectInput {
        let id = |v: &str| v.trim().parse().ok();
        ProjectInput {
            name: self.name.clone(),
            kind: self.kind.clone(),
            institution_id: id(&self.institution_id),
            township_id: id(&self.township_id),
            school_name: self.school_name.clone(),
            school_type: self.school_type.clone(),
            school_code: self.school_code.clone(),
            year: parsed.number("year", &self.year, "项目年度", None),
            planned_floor_area: parsed.number(
                "planned_floor_area",
                &self.planned_floor_area,
                "规划建筑面积",
                Some(0),
            ),
            dangerous_area_removed: parsed.number(
                "dangerous_area_removed",
                &self.dangerous_area_removed,
                "消除危房面积",
                Some(0),
            ),
            responsible_person: self.responsible_person.clone(),
            note: self.note.clone(),
        }
    }
}

/// What the form's drop-downs offer.
struct Choices {
    schools: Vec<(String, String)>,
    towns: Vec<(String, String)>,
    types: Vec<(String, String)>,
}

impl Choices {
    async fn load(s: &AppState) -> Result<Choices, AppError> {
        let towns = platform::district::townships(&s.db).await?;
        Ok(Choices {
            schools: options(store::institution_choices(&s.db).await?),
            towns: options(towns.iter().map(|t| (t.id.0, t.name.as_str()))),
            types: options(
                platform::codes::school_types()
                    .iter()
                    .filter(|t| t.level == "细类")
                    .map(|t| (t.code.as_str(), format!("{} {}", t.code, t.name))),
            ),
        })
    }
}

fn view(actor: &Actor, action: &str, f: &ProjectForm, r: &Refusal, c: &Choices) -> Markup {
    let kinds = options(ProjectKind::ALL.iter().map(|k| (k.as_str(), k.label())));
    let e = &r.errors;
    let text = |name: &'static str, label: &str, v: &str| {
        html! {
            label for=(name) { (label) } input id=(name) name=(name) value=(v); (field_error(e, name))
        }
    };
    html! {
        (refusal_view(r))
        form.stacked id="project-form" method="post" action=(action) {
            (csrf_field(actor))
            input type="hidden" name="version" value=(f.version);
            (text("name", "项目名称", &f.name))
            label for="kind" { "项目类型" } (select("kind", &kinds, &f.kind, Some("请选择"))) (field_error(e, "kind"))
            label for="institution_id" { "学校" }
            (select("institution_id", &c.schools, &f.institution_id, Some("（新建学校，尚未登记）"))) (field_error(e, "institution_id"))
            fieldset {
                legend { "新建学校（尚未登记到机构名录时填写）" }
                label for="township_id" { "所在乡镇（街道）" }
                (select("township_id", &c.towns, &f.township_id, Some("请选择"))) (field_error(e, "township_id"))
                (text("school_name", "交付后的学校名称", &f.school_name))
                label for="school_type" { "办学类型" }
                (select("school_type", &c.types, &f.school_type, Some("请选择"))) (field_error(e, "school_type"))
                (text("school_code", "学校标识码（10 位，如已分配）", &f.school_code))
            }
            (text("year", "项目年度", &f.year))
            (text("planned_floor_area", "规划建筑面积（m²）", &f.planned_floor_area))
            (text("dangerous_area_removed", "消除危房面积（m²）", &f.dangerous_area_removed))
            (text("responsible_person", "项目负责人", &f.responsible_person))
            (text("note", "备注", &f.note))
            p { button type="submit" { "保存" } }
        }
    }
}

/// The form again with what was typed and why it was refused.
async fn refused(
    s: &AppState,
    actor: &Actor,
    title: &str,
    action: &str,
    f: &ProjectForm,
    e: AppError,
) -> PageResult {
    let c = Choices::load(s).await?;
    redisplay(actor, title, e, |r| view(actor, action, f, r, &c))
}

pub async fn new(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    caller.require_bureau(platform::auth::WorkArea::Construction)?;
    let f = ProjectForm {
        year: platform::time::today().format("%Y").to_string(),
        ..ProjectForm::default()
    };
    let c = Choices::load(&s).await?;
    let body = view(
        &actor,
        "/construction/projects",
        &f,
        &Refusal::default(),
        &c,
    );
    Ok(layout(&actor, "新建基建项目", body).into_response())
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<ProjectForm>,
) -> PageResult {
    let mut parsed = Parsed::default();
    let input = f.input(&mut parsed);
    match parsed
        .then(|| service::create(&s.db, &caller, &input))
        .await
    {
        Ok(p) => Ok(Redirect::to(&format!("/construction/projects/{}", p.id.0)).into_response()),
        Err(e) => refused(&s, &actor, "新建基建项目", "/construction/projects", &f, e).await,
    }
}

pub async fn edit(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ProjectId>,
) -> PageResult {
    let d = service::get(&s.db, &caller, id).await?;
    caller.require_bureau(platform::auth::WorkArea::Construction)?;
    let action = format!("/construction/projects/{}/edit", id.0);
    let c = Choices::load(&s).await?;
    let body = view(
        &actor,
        &action,
        &ProjectForm::of(&d.project),
        &Refusal::default(),
        &c,
    );
    Ok(layout(&actor, &format!("修改：{}", d.project.name), body).into_response())
}

pub async fn update(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ProjectId>,
    Form(f): Form<ProjectForm>,
) -> PageResult {
    let mut parsed = Parsed::default();
    let input = f.input(&mut parsed);
    let version = parsed.number("version", &f.version, "版本", None);
    match parsed
        .then(|| service::update(&s.db, &caller, id, version, &input))
        .await
    {
        Ok(p) => Ok(Redirect::to(&format!("/construction/projects/{}", p.id.0)).into_response()),
        Err(e) => {
            refused(
                &s,
                &actor,
                "修改基建项目",
                &format!("/construction/projects/{}/edit", id.0),
                &f,
                e,
            )
            .await
        }
    }
}
