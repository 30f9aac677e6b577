//! The forms on a project's page: a phase's dates, a budget line, a
//! contract, a payment. A refusal re-renders the page with the errors at
//! the form that was sent.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use chrono::NaiveDate;
use platform::auth::{Actor, Caller};
use platform::vocab::dates::parse_date;
use platform::web::forms::redisplay;
use platform::web::AppState;
use platform::{AppError, FieldError, PageResult};
use serde::Deserialize;

use super::detail::{view, At};
use crate::domain::projects::{ContractId, FundingSource, PhaseDates, ProjectId};
use crate::domain::Phase;
use crate::service::projects as service;
use crate::store::projects::{BudgetLine, NewContract, Payment};

/// Fields of a form that did not parse, collected before the service runs.
#[derive(Default)]
pub(super) struct Parsed(pub Vec<FieldError>);

impl Parsed {
    /// A date as typed (2026-03-02, 2026/3/2, 2026年3月2日); blank is none.
    pub fn date(&mut self, field: &str, v: &str) -> Option<NaiveDate> {
        let v = v.trim();
        if v.is_empty() {
            return None;
        }
        let d = parse_date(v);
        if d.is_none() {
            self.0.push(FieldError::new(
                field,
                format!("“{v}”不是有效的日期，请按 2026-03-02 的格式填写"),
            ));
        }
        d
    }

    pub fn required_date(&mut self, field: &str, v: &str, what: &str) -> NaiveDate {
        match self.date(field, v) {
            Some(d) => d,
            None => {
                if v.trim().is_empty() {
                    self.0.push(FieldError::new(field, format!("请填写{what}")));
                }
                NaiveDate::default()
            }
        }
    }

    /// A whole number, thousands separators allowed; blank is `blank`.
    pub fn number(&mut self, field: &str, v: &str, what: &str, blank: Option<i64>) -> i64 {
        let v = v.trim().replace([',', '，'], "");
        match (v.parse::<i64>(), blank) {
            (Ok(n), _) => n,
            (Err(_), Some(b)) if v.is_empty() => b,
            _ => {
                self.0.push(FieldError::new(
                    field,
                    format!("{what}须为整数（填写的是“{v}”）"),
                ));
                0
            }
        }
    }

    /// Runs `then` when everything parsed; otherwise refuses with the errors.
    pub async fn then<T, F: std::future::Future<Output = Result<T, AppError>>>(
        self,
        then: impl FnOnce() -> F,
    ) -> Result<T, AppError> {
        if self.0.is_empty() {
            then().await
        } else {
            Err(AppError::Invalid(self.0))
        }
    }
}

/// Back to the project after a change; a refusal shows the page again with
/// 422 (invalid) or 409 (conflict) and the errors at form `at`.
async fn answer<T>(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: ProjectId,
    at: At,
    done: Result<T, AppError>,
) -> PageResult {
    let e = match done {
        Ok(_) => {
            return Ok(Redirect::to(&format!("/construction/projects/{}", id.0)).into_response())
        }
        Err(e) => e,
    };
    let d = service::get(&s.db, caller, id).await?;
    redisplay(actor, &d.project.name, e, |r| view(actor, &d, r, at))
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PhaseForm {
    planned_start: String,
    planned_end: String,
    actual_start: String,
    actual_end: String,
}

pub async fn set_phase(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path((id, phase)): Path<(ProjectId, Phase)>,
    Form(f): Form<PhaseForm>,
) -> PageResult {
    let mut p = Parsed::default();
    let dates = PhaseDates {
        planned_start: p.date("planned_start", &f.planned_start),
        planned_end: p.date("planned_end", &f.planned_end),
        actual_start: p.date("actual_start", &f.actual_start),
        actual_end: p.date("actual_end", &f.actual_end),
    };
    let done = p
        .then(|| service::set_phase(&s.db, &caller, id, phase, &dates))
        .await;
    answer(&s, &actor, &caller, id, At::Phase(phase), done).await
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct BudgetForm {
    source: String,
    amount: String,
    note: String,
}

pub async fn add_budget_line(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ProjectId>,
    Form(f): Form<BudgetForm>,
) -> PageResult {
    let mut p = Parsed::default();
    let amount = p.number("amount", &f.amount, "预算金额", None);
    let source = FundingSource::parse(&f.source);
    if source.is_none() {
        p.0.push(FieldError::new("source", "请选择资金来源"));
    }
    let line = BudgetLine {
        source: source.unwrap_or(FundingSource::District),
        amount,
        note: f.note,
    };
    let done = p
        .then(|| service::add_budget_line(&s.db, &caller, id, &line))
        .await;
    answer(&s, &actor, &caller, id, At::Budget, done).await
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ContractForm {
    party: String,
    subject: String,
    amount: String,
    signed_on: String,
}

pub async fn add_contract(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ProjectId>,
    Form(f): Form<ContractForm>,
) -> PageResult {
    let mut p = Parsed::default();
    let c = NewContract {
        amount: p.number("amount", &f.amount, "合同金额", None),
        signed_on: p.required_date("signed_on", &f.signed_on, "签订日期"),
        party: f.party,
        subject: f.subject,
    };
    let done = p
        .then(|| service::add_contract(&s.db, &caller, id, &c))
        .await;
    answer(&s, &actor, &caller, id, At::Contract, done).await
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PaymentForm {
    paid_on: String,
    amount: String,
    note: String,
}

pub async fn add_payment(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path((id, contract)): Path<(ProjectId, ContractId)>,
    Form(f): Form<PaymentForm>,
) -> PageResult {
    let mut p = Parsed::default();
    let payment = Payment {
        contract_id: Some(contract),
        amount: p.number("amount", &f.amount, "付款金额", None),
        paid_on: p.required_date("paid_on", &f.paid_on, "付款日期"),
        note: f.note,
    };
    let done = p
        .then(|| service::add_payment(&s.db, &caller, id, contract, &payment))
        .await;
    answer(&s, &actor, &caller, id, At::Payment(contract.0), done).await
}
