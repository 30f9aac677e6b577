//! 办理入学: the admission form, in the columns of the national template.

use std::collections::HashMap;

use axum::extract::{Form, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::{page, with_notice, AppState};
use platform::PageResult;

use crate::domain::student::coded;
use crate::domain::template::fields;
use crate::domain::Grade;
use crate::service::lifecycle;
use crate::service::today;

/// The fields of the admission form: (template header, required).
const ADMIT_FIELDS: &[(&str, bool)] = &[
    ("姓名", true),
    ("身份证件类型", false),
    ("身份证件号", true),
    ("性别", false),
    ("出生日期", false),
    ("民族", false),
    ("学校标识码", true),
    ("年级", true),
    ("班级", false),
    ("入学年月", false),
    ("户口性质", false),
    ("户口所在地", false),
    ("现住址", false),
    ("联系电话", false),
    ("监护人一·姓名", false),
    ("监护人一·关系", false),
    ("监护人一·联系电话", false),
    ("是否留守儿童", false),
    ("是否进城务工人员随迁子女", false),
    ("是否孤儿", false),
    ("随班就读", false),
    ("残疾类型", false),
    ("就读方式", false),
    ("是否低保", false),
    ("是否建档立卡", false),
    ("健康状况", false),
];

fn input(header: &str, value: &str) -> Markup {
    let allowed = fields()
        .iter()
        .find(|f| f.header == header)
        .map(|f| &f.allowed)
        .filter(|a| !a.is_empty());
    html! {
        @if header == "年级" {
            (select(header, &options(Grade::ALL.iter().map(|g| (g.label(), g.label()))), value, Some("请选择")))
        } @else if let Some(c) = coded(header) {
            (select(header, &options(c.options().into_iter().map(|v| (v, v))), value, Some("")))
        } @else if header == "性别" || header == "出生日期" {
            input type="text" id=(header) name=(header) value=(value) placeholder="可不填，按身份证号自动识别";
        } @else {
            @match allowed {
                Some(a) => { (select(header, &options(a.iter().map(|v| (v, v))), value, Some(""))) }
                None => { input type="text" id=(header) name=(header) value=(value); }
            }
        }
    }
}

/// The form with `values` (template header to value) and what was refused.
pub fn view(actor: &Actor, values: &HashMap<String, String>, r: &Refusal) -> Markup {
    html! {
        (refusal_view(r))
        form.stacked method="post" action="/students" {
            (csrf_field(actor))
            @for (header, required) in ADMIT_FIELDS {
                div.field {
                    label for=(header) { (header) @if *required { " *" } }
                    (input(header, values.get(*header).map(String::as_str).unwrap_or_default()))
                    (field_error(&r.errors, header))
                }
            }
            p.actions { button type="submit" { "办理入学" } a.button.secondary href="/students" { "取消" } }
        }
    }
}

pub async fn new_form(State(state): State<AppState>, actor: Actor) -> PageResult {
    actor.require(WorkArea::Students, Access::Write)?;
    let mut values = HashMap::new();
    if let Some(own) = actor.scope.institution() {
        let inst = institutions::store::get(&state.db, &actor.scope, own).await?;
        values.insert("学校标识码".to_string(), inst.code.unwrap_or_default());
    }
    values.insert("入学年月".to_string(), today().format("%Y%m").to_string());
    values.insert("身份证件类型".to_string(), "居民身份证".to_string());
    let body = view(&actor, &values, &Refusal::default());
    Ok(page(&actor, "办理入学", body).into_response())
}

pub async fn admit(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(form): Form<HashMap<String, String>>,
) -> PageResult {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let values = crate::domain::student::values_from_pairs(&pairs);
    match lifecycle::admit(&state.db, &caller, &values).await {
        Ok(s) => Ok(
            Redirect::to(&with_notice(&format!("/students/{}", s.id), "admitted")).into_response(),
        ),
        Err(e) => redisplay(&actor, "办理入学", e, |r| view(&actor, &form, r)),
    }
}
