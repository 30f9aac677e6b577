//! Small helpers every form uses.

use maud::{html, Markup};

use crate::auth::csrf::FIELD;
use crate::auth::Actor;
use crate::error::FieldError;

/// The hidden CSRF field each POST form must carry.
pub fn csrf_field(actor: &Actor) -> Markup {
    html! { input type="hidden" name=(FIELD) value=(actor.csrf_token); }
}

/// The error message for `field`, if any, rendered under the input.
pub fn field_error(errors: &[FieldError], field: &str) -> Markup {
    html! {
        @for e in errors.iter().filter(|e| e.field == field) {
            div.field-error { (e.message) }
        }
    }
}

/// A summary of all errors at the top of a form.
pub fn error_summary(errors: &[FieldError]) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.alert role="alert" {
                "提交的内容有 " (errors.len()) " 处需要修改："
                ul { @for e in errors { li { (e.message) } } }
            }
        }
    }
}

/// A `<select>` over (value, label) pairs with `selected` chosen.
pub fn select(
    name: &str,
    options: &[(String, String)],
    selected: &str,
    blank: Option<&str>,
) -> Markup {
    html! {
        select name=(name) id=(name) {
            @if let Some(b) = blank { option value="" { (b) } }
            @for (v, l) in options {
                option value=(v) selected[v == selected] { (l) }
            }
        }
    }
}

/// Treats an empty or whitespace-only form value as absent.
pub fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Deserializes an optional number from a query string where an empty value
/// (a select left on "全部") means "no filter".
pub fn empty_as_none<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    use serde::Deserialize;
    let v: Option<String> = Option::deserialize(d)?;
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => v
            .parse()
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("“{v}”不是有效的数字"))),
    }
}
