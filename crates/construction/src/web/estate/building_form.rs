//! The form of a building, new or changed. A refused form comes back with
//! what was typed and each error beside its field.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::text_enum::TextEnum;
use platform::web::directory::{picker, resolve, InstitutionChoice};
use platform::web::forms::{csrf_field, field_error, redisplay, refusal_view, Refusal};
use platform::web::{page, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::buildings::estate_nav;
use crate::domain::estate::buildings::FIELDS;
use crate::domain::estate::{
    BuildingId, BuildingText, BuildingUse, CertificateStatus, SafetyGrade, Structure,
};
use crate::service::estate::buildings::{self as service, BuildingChange, NewBuilding};
use crate::store::estate::buildings::Building;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct BuildingForm {
    institution: String,
    version: String,
    #[serde(flatten)]
    text: BuildingText,
}

impl BuildingForm {
    fn of(b: &Building) -> BuildingForm {
        let i = b.input();
        BuildingForm {
            institution: String::new(),
            version: b.version.to_string(),
            text: BuildingText {
                name: i.name,
                floor_area: i.floor_area.to_string(),
                year_built: i.year_built.map(|y| y.to_string()).unwrap_or_default(),
                structure: i.structure.as_str().into(),
                floors: i.floors.to_string(),
                purpose: i.purpose.as_str().into(),
                grade: i.grade.map(|g| g.as_str().to_string()).unwrap_or_default(),
                appraised_on: i.appraised_on.map(|d| d.to_string()).unwrap_or_default(),
                certificate: i.certificate.as_str().into(),
                certificate_no: i.certificate_no,
                note: i.note,
            },
        }
    }
}

fn label(key: &str) -> &'static str {
    FIELDS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("", |(_, l)| *l)
}

pub(super) fn code_select<E: TextEnum>(key: &str, value: &str, blank: Option<&str>) -> Markup {
    html! {
        select id=(key) name=(key) {
            @if let Some(b) = blank { option value="" { (b) } }
            @for e in E::ALL { option value=(e.as_str()) selected[value == e.as_str()] { (e.label()) } }
        }
    }
}

fn text_input(key: &str, value: &str, r: &Refusal) -> Markup {
    html! { label for=(key) { (label(key)) } input id=(key) name=(key) value=(value); (field_error(&r.errors, key)) }
}

fn form_view(
    actor: &Actor,
    action: &str,
    f: &BuildingForm,
    institutions: Option<&[InstitutionChoice]>,
    r: &Refusal,
) -> Markup {
    let t = &f.text;
    html! {
        (estate_nav())
        form.stacked id="building-form" method="post" action=(action) {
            (csrf_field(actor))
            (refusal_view(r))
            input type="hidden" name="version" value=(f.version);
            @if let Some(all) = institutions {
                label for="institution" { "学校" } (picker("institution", &f.institution, all)) (field_error(&r.errors, "institution_id"))
            }
            (text_input("name", &t.name, r))
            (text_input("floor_area", &t.floor_area, r))
            (text_input("year_built", &t.year_built, r))
            label for="structure" { (label("structure")) } (code_select::<Structure>("structure", &t.structure, None)) (field_error(&r.errors, "structure"))
            (text_input("floors", &t.floors, r))
            label for="purpose" { (label("purpose")) } (code_select::<BuildingUse>("purpose", &t.purpose, None)) (field_error(&r.errors, "purpose"))
            label for="grade" { (label("grade")) } (code_select::<SafetyGrade>("grade", &t.grade, Some("未鉴定"))) (field_error(&r.errors, "grade"))
            label for="appraised_on" { (label("appraised_on")) } input id="appraised_on" name="appraised_on" type="date" value=(t.appraised_on); (field_error(&r.errors, "appraised_on"))
            label for="certificate" { (label("certificate")) } (code_select::<CertificateStatus>("certificate", &t.certificate, None)) (field_error(&r.errors, "certificate"))
            (text_input("certificate_no", &t.certificate_no, r))
            (text_input("note", &t.note, r))
            p { button type="submit" { "保存" } }
        }
    }
}

/// The institutions a bureau user picks from (None for a school).
async fn choices(s: &AppState, actor: &Actor) -> Result<Option<Vec<InstitutionChoice>>, AppError> {
    if actor.scope.institution().is_some() {
        return Ok(None);
    }
    Ok(Some((s.institutions)(&s.db).await?))
}

pub async fn new_form(State(s): State<AppState>, actor: Actor) -> PageResult {
    let all = choices(&s, &actor).await?;
    let f = BuildingForm::default();
    let body = form_view(
        &actor,
        "/construction/buildings",
        &f,
        all.as_deref(),
        &Refusal::default(),
    );
    Ok(page(&actor, "登记校舍", body).into_response())
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<BuildingForm>,
) -> PageResult {
    let all = choices(&s, &actor).await?;
    let done = async {
        let institution_id = match &all {
            Some(all) => Some(
                resolve(all, &f.institution)
                    .map_err(|m| AppError::invalid("institution_id", m))?
                    .0,
            ),
            None => None,
        };
        let building = f
            .text
            .parse(platform::time::today())
            .map_err(AppError::Invalid)?;
        service::create(
            &s.db,
            &caller,
            &NewBuilding {
                institution_id,
                building,
            },
        )
        .await
    }
    .await;
    match done {
        Ok(b) => Ok(Redirect::to(&format!("/construction/buildings/{}", b.id)).into_response()),
        Err(e) => redisplay(&actor, "登记校舍", e, |r| {
            form_view(&actor, "/construction/buildings", &f, all.as_deref(), r)
        }),
    }
}

pub async fn edit_form(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<BuildingId>,
) -> PageResult {
    let b = service::get(&s.db, &caller, id).await?;
    let action = format!("/construction/buildings/{id}");
    let body = form_view(
        &actor,
        &action,
        &BuildingForm::of(&b),
        None,
        &Refusal::default(),
    );
    Ok(page(
        &actor,
        &format!("修改校舍：{}·{}", b.institution_name, b.name),
        body,
    )
    .into_response())
}

pub async fn update(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<BuildingId>,
    Form(f): Form<BuildingForm>,
) -> PageResult {
    // A foreign building is not found before anything typed is read.
    service::get(&s.db, &caller, id).await?;
    let done = async {
        let version = f.version.trim().parse().map_err(|_| AppError::NotFound)?;
        let building = f
            .text
            .parse(platform::time::today())
            .map_err(AppError::Invalid)?;
        service::update(&s.db, &caller, id, &BuildingChange { version, building }).await
    }
    .await;
    let action = format!("/construction/buildings/{id}");
    match done {
        Ok(_) => Ok(Redirect::to(&action).into_response()),
        Err(e) => redisplay(&actor, "修改校舍", e, |r| {
            form_view(&actor, &action, &f, None, r)
        }),
    }
}
