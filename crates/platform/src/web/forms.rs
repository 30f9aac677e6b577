//! Small helpers every form uses.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use maud::{html, Markup};

use crate::auth::csrf::FIELD;
use crate::auth::Actor;
use crate::error::{AppError, FieldError, PageResult};
use crate::web::page;

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

/// What a refused form shows beside the values the user typed: the errors
/// of each field, or the one sentence of a conflict (a duplicate, a record
/// someone else saved first).
#[derive(Clone, Debug, Default)]
pub struct Refusal {
    pub errors: Vec<FieldError>,
    pub alert: Option<String>,
}

/// The one way to answer a refused form: invalid input comes back with 422
/// and a conflict with 409, each with the page re-rendered by `view` from
/// what the user typed; any other error goes on to the error page.
pub fn redisplay(
    actor: &Actor,
    title: &str,
    e: AppError,
    view: impl FnOnce(&Refusal) -> Markup,
) -> PageResult {
    let (status, refusal) = match e {
        AppError::Invalid(errors) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Refusal {
                errors,
                alert: None,
            },
        ),
        AppError::Conflict(msg) => (
            StatusCode::CONFLICT,
            Refusal {
                errors: vec![],
                alert: Some(msg),
            },
        ),
        other => return Err(other),
    };
    Ok((status, page(actor, title, view(&refusal))).into_response())
}

/// The conflict sentence and the error summary, above a refused form.
pub fn refusal_view(r: &Refusal) -> Markup {
    html! {
        @if let Some(a) = &r.alert { p.alert role="alert" { (a) } }
        (error_summary(&r.errors))
    }
}

/// (value, label) pairs for [`select`], from any list of keys and labels.
pub fn options<K: ToString, L: ToString>(
    items: impl IntoIterator<Item = (K, L)>,
) -> Vec<(String, String)> {
    items
        .into_iter()
        .map(|(k, l)| (k.to_string(), l.to_string()))
        .collect()
}
