//! Budget lines, contracts and payments: each checked by the domain's
//! rules and written with its audit entry in one transaction.

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, Tx};
use platform::{AppError, FieldError, InstitutionId};

use super::in_scope;
use crate::domain::projects::{
    check_budget_line, check_contract, check_payment, ContractId, ProjectId,
};
use crate::store::projects::{self as store, BudgetLine, Contract, NewContract, Payment, Project};

/// The project in scope for a bureau writer, in a new transaction.
async fn open(db: &Db, caller: &Caller, id: ProjectId) -> Result<(Tx, Project), AppError> {
    caller.require(WorkArea::Construction, Access::Read)?;
    let mut tx = db.begin().await?;
    let project = in_scope(&mut tx, caller, id).await?;
    caller.require_bureau(WorkArea::Construction)?;
    Ok((tx, project))
}

fn entry(project: &Project, entity: &'static str, summary: String) -> Entry {
    Entry::new(
        "create",
        entity,
        format!("基建项目“{}”：{summary}", project.name),
    )
    .id(project.id.0)
    .institution(project.institution_id.map(InstitutionId))
}

pub async fn add_budget_line(
    db: &Db,
    caller: &Caller,
    id: ProjectId,
    line: &BudgetLine,
) -> Result<BudgetLine, AppError> {
    check_budget_line(line.amount).map_err(|m| AppError::invalid("amount", m))?;
    let line = BudgetLine {
        note: line.note.trim().to_string(),
        ..line.clone()
    };
    let (mut tx, project) = open(db, caller, id).await?;
    store::add_budget_line(&mut tx, id, &line).await?;
    let summary = format!("登记{}资金 {} 元", line.source.label(), line.amount);
    audit::commit(
        tx,
        &caller.who,
        entry(&project, "construction_budget", summary).after(&line),
    )
    .await?;
    Ok(line)
}

pub async fn add_contract(
    db: &Db,
    caller: &Caller,
    id: ProjectId,
    c: &NewContract,
) -> Result<Contract, AppError> {
    let errors: Vec<FieldError> =
        check_contract(&c.party, c.amount, c.signed_on, platform::time::today())
            .into_iter()
            .map(|(f, m)| FieldError::new(f, m))
            .collect();
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let c = NewContract {
        party: c.party.trim().to_string(),
        subject: c.subject.trim().to_string(),
        ..c.clone()
    };
    let (mut tx, project) = open(db, caller, id).await?;
    let contract = store::add_contract(&mut tx, id, &c).await?;
    let created = store::contract(&mut tx, id, contract)
        .await?
        .ok_or(AppError::NotFound)?;
    let summary = format!("签订合同（{}，{} 元）", c.party, c.amount);
    audit::commit(
        tx,
        &caller.who,
        entry(&project, "construction_contract", summary).after(&c),
    )
    .await?;
    Ok(created)
}

/// Records a payment against contract `contract` of project `id`; refused
/// when it would take the payments over the contract's amount.
pub async fn add_payment(
    db: &Db,
    caller: &Caller,
    id: ProjectId,
    contract: ContractId,
    p: &Payment,
) -> Result<Payment, AppError> {
    if p.paid_on > platform::time::today() {
        return Err(AppError::invalid(
            "paid_on",
            format!("付款日期（{}）晚于今天：请在付款后登记", p.paid_on),
        ));
    }
    let (mut tx, project) = open(db, caller, id).await?;
    let c = store::contract(&mut tx, id, contract)
        .await?
        .ok_or(AppError::NotFound)?;
    check_payment(c.amount, c.paid, p.amount).map_err(|m| AppError::invalid("amount", m))?;
    let p = Payment {
        contract_id: Some(contract),
        note: p.note.trim().to_string(),
        ..p.clone()
    };
    store::add_payment(&mut tx, contract, &p).await?;
    let summary = format!("向{}付款 {} 元", c.party, p.amount);
    audit::commit(
        tx,
        &caller.who,
        entry(&project, "construction_payment", summary).after(&p),
    )
    .await?;
    Ok(p)
}
