//! The institution form, shared by "new" and "edit".

use maud::{html, Markup};
use platform::auth::{Actor, Scope};
use platform::district::Township;
use platform::web::forms::{csrf_field, field_error, options, refusal_view, select, Refusal};
use platform::FieldError;

use crate::domain::{field_label, InstitutionInput, Licence, Ownership, Status, CONTACT_FIELDS};

pub struct FormState<'a> {
    pub action: String,
    pub input: &'a InstitutionInput,
    pub version: Option<i64>,
}

fn text_field(name: &str, value: &str, errors: &[FieldError], locked: bool) -> Markup {
    html! {
        div.field {
            label for=(name) { (field_label(name)) }
            input type="text" id=(name) name=(name) value=(value) readonly[locked];
            (field_error(errors, name))
        }
    }
}

/// The form with what the user typed, and why it was refused if it was.
pub fn institution_form(
    actor: &Actor,
    townships: &[Township],
    s: FormState,
    r: &Refusal,
) -> Markup {
    let errors = r.errors.as_slice();
    // Institution staff may change only their contact details.
    let locked = |f: &str| actor.scope != Scope::All && !CONTACT_FIELDS.contains(&f);
    let i = s.input;
    let types: Vec<(String, String)> = platform::codes::school_types()
        .iter()
        .filter(|t| t.level == "细类")
        .map(|t| (t.code.clone(), format!("{} {}", t.code, t.name)))
        .collect();
    let owns = options(Ownership::ALL.iter().map(|o| (o.key(), o.label())));
    let licences = options([Licence::Licensed, Licence::Unlicensed].map(|o| (o.key(), o.label())));
    let statuses = options(Status::ALL.iter().map(|o| (o.key(), o.label())));
    let towns = options(townships.iter().map(|t| (&t.code, &t.name)));
    let selected_town = crate::domain::find_township(townships, &i.township)
        .map(|t| t.code.clone())
        .unwrap_or_default();
    let norm =
        |v: &str, parse: fn(&str) -> Option<&'static str>| parse(v).unwrap_or("").to_string();
    html! {
        (refusal_view(r))
        form.stacked method="post" action=(s.action) {
            (csrf_field(actor))
            @if let Some(v) = s.version { input type="hidden" name="version" value=(v); }
            (text_field("name", &i.name, errors, locked("name")))
            (text_field("code", &i.code, errors, locked("code")))
            @if actor.scope == Scope::All {
                div.field { label for="school_type" { (field_label("school_type")) } (select("school_type", &types, i.school_type.trim(), Some("请选择"))) (field_error(errors, "school_type")) }
                div.field { label for="ownership" { (field_label("ownership")) } (select("ownership", &owns, &norm(&i.ownership, |v| Ownership::parse(v).map(|o| o.key())), Some("请选择"))) (field_error(errors, "ownership")) }
                div.field { label for="licence" { (field_label("licence")) } (select("licence", &licences, &norm(&i.licence, |v| Licence::parse(v).map(|o| o.key())), None)) (field_error(errors, "licence")) }
                div.field { label for="status" { (field_label("status")) } (select("status", &statuses, &norm(&i.status, |v| Status::parse(v).map(|o| o.key())), None)) (field_error(errors, "status")) }
                div.field { label for="township" { (field_label("township")) } (select("township", &towns, &selected_town, Some("请选择"))) (field_error(errors, "township")) }
            }
            (text_field("address", &i.address, errors, false))
            (text_field("principal", &i.principal, errors, false))
            (text_field("phone", &i.phone, errors, false))
            @if actor.scope == Scope::All {
                (text_field("founded_year", &i.founded_year, errors, false))
                (text_field("approved_places", &i.approved_places, errors, false))
                (text_field("class_count", &i.class_count, errors, false))
                div.field {
                    label for="boarding" { (field_label("boarding")) }
                    (select("boarding", &[("否".into(), "否".into()), ("是".into(), "是".into())], if matches!(i.boarding.trim(), "是" | "true" | "1") { "是" } else { "否" }, None))
                    (field_error(errors, "boarding"))
                }
                (text_field("group_name", &i.group_name, errors, false))
                div.field {
                    label for="notes" { (field_label("notes")) }
                    textarea id="notes" name="notes" rows="3" { (i.notes) }
                    (field_error(errors, "notes"))
                }
            }
            p.actions { button type="submit" { "保存" } a.button.secondary href="/institutions" { "取消" } }
        }
    }
}
