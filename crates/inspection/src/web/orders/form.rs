//! The form to issue an order (下发整改通知), for the owner area's writers:
//! institution (picked by name), finding, requirement, responsible person,
//! deadline.

use axum::extract::{Form, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::directory::{picker, resolve, InstitutionChoice};
use platform::web::forms::{csrf_field, field_error, redisplay, refusal_view, Refusal};
use platform::web::{page as layout, with_notice, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use crate::domain::{Owner, Source};
use crate::service::orders::{self as service, NewOrder};

#[derive(Deserialize)]
pub struct OwnerQuery {
    owner: Owner,
}

/// The form's fields as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct IssueForm {
    owner: String,
    institution: String,
    finding: String,
    requirement: String,
    responsible_person: String,
    deadline: String,
}

impl IssueForm {
    fn order(&self, all: &[InstitutionChoice]) -> Result<NewOrder, AppError> {
        let owner = Owner::parse(&self.owner).ok_or(AppError::NotFound)?;
        let institution_id = resolve(all, &self.institution)
            .map_err(|m| AppError::invalid("institution", m))?
            .0;
        let deadline = self
            .deadline
            .trim()
            .parse()
            .map_err(|_| AppError::invalid("deadline", "请填写整改期限（年-月-日）"))?;
        Ok(NewOrder {
            owner,
            institution_id,
            campaign_id: None,
            source: Source::Check,
            source_id: None,
            finding: self.finding.clone(),
            requirement: self.requirement.clone(),
            responsible_person: self.responsible_person.clone(),
            deadline,
        })
    }
}

fn title(owner: &str) -> String {
    let label = Owner::parse(owner).map_or("", Owner::label);
    format!("下发整改通知（{label}）")
}

fn view(actor: &Actor, all: &[InstitutionChoice], f: &IssueForm, r: &Refusal) -> Markup {
    html! {
        p { a href=(format!("/inspection/orders?owner={}", f.owner)) { "← 整改通知书" } }
        (refusal_view(r))
        form.stacked #issue-form method="post" action="/inspection/orders" {
            (csrf_field(actor))
            input type="hidden" name="owner" value=(f.owner);
            label for="institution" { "整改单位" }
            (picker("institution", &f.institution, all))
            (field_error(&r.errors, "institution"))
            (field_error(&r.errors, "institution_id"))
            label for="finding" { "发现的问题" }
            textarea #finding name="finding" rows="3" required { (f.finding) }
            (field_error(&r.errors, "finding"))
            label for="requirement" { "整改要求" }
            textarea #requirement name="requirement" rows="3" { (f.requirement) }
            label for="responsible_person" { "整改责任人" }
            input #responsible_person name="responsible_person" value=(f.responsible_person) required;
            (field_error(&r.errors, "responsible_person"))
            label for="deadline" { "整改期限" }
            input #deadline name="deadline" type="date" value=(f.deadline) required;
            (field_error(&r.errors, "deadline"))
            p { button type="submit" { "下发整改通知" } }
        }
    }
}

pub async fn new(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<OwnerQuery>,
) -> PageResult {
    crate::service::require_owner_bureau(&caller, q.owner)?;
    let all = (s.institutions)(&s.db).await?;
    let f = IssueForm {
        owner: q.owner.as_str().into(),
        ..IssueForm::default()
    };
    let body = view(&actor, &all, &f, &Refusal::default());
    Ok(layout(&actor, &title(&f.owner), body).into_response())
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<IssueForm>,
) -> PageResult {
    if let Some(owner) = Owner::parse(&f.owner) {
        crate::service::require_owner_bureau(&caller, owner)?;
    }
    let all = (s.institutions)(&s.db).await?;
    let issued = match f.order(&all) {
        Ok(order) => service::issue(&s.db, &caller, &order).await,
        Err(e) => Err(e),
    };
    match issued {
        Ok(id) => Ok(Redirect::to(&with_notice(&super::here(id), "issued")).into_response()),
        Err(e) => redisplay(&actor, &title(&f.owner), e, |r| view(&actor, &all, &f, r)),
    }
}
