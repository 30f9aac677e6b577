//! The bureau's form posts on the recruitment pages: refused input comes
//! back on the page it was typed on, nothing saved.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use axum::Form;
use maud::html;
use platform::auth::{Actor, Caller};
use platform::web::forms::{redisplay, Refusal};
use platform::web::{page, AppState};
use platform::{AppError, PageResult};

use super::pages::{applicant_form, plan_form, plan_view, post_form, post_view};
use crate::domain::recruitment::{ApplicantInput, PlanId, PlanInput, PostId, PostInput};
use crate::service::recruitment::{self as svc, HireRequest, RecruitmentReader};

pub async fn create_plan(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(input): Form<PlanInput>,
) -> PageResult {
    match svc::create_plan(&state.db, &caller, &input).await {
        Ok(p) => Ok(Redirect::to(&format!("/teachers/recruitment/{}", p.id)).into_response()),
        Err(e) => redisplay(&actor, "公开招聘", e, |r| plan_form(&actor, &input, r)),
    }
}

pub async fn add_post(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<PlanId>,
    Form(input): Form<PostInput>,
) -> PageResult {
    let e = match svc::add_post(&state.db, &caller, id, &input).await {
        Ok(_) => return Ok(Redirect::to(&format!("/teachers/recruitment/{id}")).into_response()),
        Err(e) => e,
    };
    let d = RecruitmentReader::of(&state.db, &caller)?.plan(id).await?;
    let refusal = match &e {
        AppError::Invalid(errors) => Refusal {
            errors: errors.clone(),
            alert: None,
        },
        _ => Refusal::default(),
    };
    let form = post_form(&state, &actor, id, &input, &refusal).await?;
    redisplay(&actor, &d.plan.name, e, |_| {
        plan_view(&actor, true, &d, form)
    })
}

pub async fn add_applicant(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<PostId>,
    Form(input): Form<ApplicantInput>,
) -> PageResult {
    let e = match svc::add_applicant(&state.db, &caller, id, &input).await {
        Ok(_) => {
            return Ok(Redirect::to(&format!("/teachers/recruitment/posts/{id}")).into_response())
        }
        Err(e) => e,
    };
    let p = RecruitmentReader::of(&state.db, &caller)?.post(id).await?;
    redisplay(&actor, "招聘岗位成绩排名", e, |r| {
        post_view(
            &actor,
            true,
            &p,
            None,
            applicant_form(&actor, id, &input, r),
        )
    })
}

/// The ticked applicants (`applicant_ids`, repeated) and the date.
fn hire_request(body: &[u8]) -> Result<HireRequest, AppError> {
    let mut req = HireRequest::default();
    for (k, v) in url::form_urlencoded::parse(body) {
        match k.as_ref() {
            "applicant_ids" => req.applicant_ids.push(
                v.parse()
                    .map_err(|_| AppError::BadRequest("报考人员编号无效".into()))?,
            ),
            "hired_on" if !v.trim().is_empty() => {
                let date = platform::vocab::dates::parse_date(&v).ok_or_else(|| {
                    AppError::invalid("hired_on", format!("聘用日期“{v}”无法识别"))
                })?;
                req.hired_on = Some(date);
            }
            _ => {}
        }
    }
    Ok(req)
}

pub async fn hire(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<PostId>,
    body: Bytes,
) -> PageResult {
    let result = match hire_request(&body) {
        Ok(req) => svc::hire(&state.db, &caller, id, &req).await,
        Err(e) => Err(e),
    };
    let alert = match result {
        Ok(_) => {
            return Ok(Redirect::to(&format!("/teachers/recruitment/posts/{id}")).into_response())
        }
        Err(AppError::Invalid(errors)) => errors
            .into_iter()
            .map(|e| e.message)
            .collect::<Vec<_>>()
            .join("；"),
        Err(AppError::Conflict(m)) => m,
        Err(other) => return Err(other),
    };
    let p = RecruitmentReader::of(&state.db, &caller)?.post(id).await?;
    let body = post_view(&actor, true, &p, Some(&alert), html! {});
    Ok((
        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        page(&actor, "招聘岗位成绩排名", body),
    )
        .into_response())
}
