//! Budget lines, contracts and payments of a project, and its totals.

use chrono::NaiveDate;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::{Deserialize, Serialize};

use crate::domain::projects::{ContractId, FundingSource, ProjectId};

/// 预算: money from one source.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Deserialize, Serialize, utoipa::ToSchema)]
pub struct BudgetLine {
    pub source: FundingSource,
    /// 元.
    pub amount: i64,
    #[serde(default)]
    pub note: String,
}

/// 合同 as it is entered.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewContract {
    /// 合同相对方.
    pub party: String,
    #[serde(default)]
    pub subject: String,
    /// 元.
    pub amount: i64,
    pub signed_on: NaiveDate,
}

/// A contract with what has been paid on it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Contract {
    pub id: ContractId,
    pub party: String,
    pub subject: String,
    pub amount: i64,
    pub signed_on: NaiveDate,
    pub paid: i64,
}

/// 付款 against a contract.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Deserialize, Serialize, utoipa::ToSchema)]
pub struct Payment {
    #[serde(default)]
    pub contract_id: Option<ContractId>,
    pub paid_on: NaiveDate,
    /// 元.
    pub amount: i64,
    #[serde(default)]
    pub note: String,
}

/// A project's money: budget, contracted and paid, in 元.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, sqlx::FromRow, Serialize, utoipa::ToSchema,
)]
pub struct Totals {
    pub budget: i64,
    pub contracted: i64,
    pub paid: i64,
}

pub async fn budget_lines<'a>(
    ex: impl Into<Ex<'a>>,
    project: ProjectId,
) -> Result<Vec<BudgetLine>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new("SELECT source, amount, note FROM construction_budget_lines WHERE project_id = $1 ORDER BY id")
                .arg(project),
        )
        .await
}

pub async fn add_budget_line(
    tx: &mut Tx,
    project: ProjectId,
    b: &BudgetLine,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new("INSERT INTO construction_budget_lines (project_id, source, amount, note, created_at) VALUES ($1, $2, $3, $4, $5)")
            .arg(project)
            .arg(b.source)
            .arg(b.amount)
            .arg(b.note.as_str())
            .arg(platform::time::now()),
    )
    .await?;
    Ok(())
}

const CONTRACT: &str = "SELECT c.id, c.party, c.subject, c.amount, c.signed_on, \
     CAST(COALESCE((SELECT SUM(m.amount) FROM construction_payments m WHERE m.contract_id = c.id), 0) AS BIGINT) AS paid \
     FROM construction_contracts c";

pub async fn contracts<'a>(
    ex: impl Into<Ex<'a>>,
    project: ProjectId,
) -> Result<Vec<Contract>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(CONTRACT)
                .push(" WHERE c.project_id = ")
                .bind(project)
                .push(" ORDER BY c.signed_on, c.id"),
        )
        .await
}

/// A contract of `project` (none when it belongs to another project).
pub async fn contract<'a>(
    ex: impl Into<Ex<'a>>,
    project: ProjectId,
    id: ContractId,
) -> Result<Option<Contract>, DbError> {
    ex.into()
        .fetch_optional(
            Sql::new(CONTRACT)
                .push(" WHERE c.project_id = ")
                .bind(project)
                .push(" AND c.id = ")
                .bind(id),
        )
        .await
}

pub async fn add_contract(
    tx: &mut Tx,
    project: ProjectId,
    c: &NewContract,
) -> Result<ContractId, DbError> {
    let id = tx
        .scalar(
            Sql::new("INSERT INTO construction_contracts (project_id, party, subject, amount, signed_on, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
                .arg(project)
                .arg(c.party.as_str())
                .arg(c.subject.as_str())
                .arg(c.amount)
                .arg(c.signed_on)
                .arg(platform::time::now()),
        )
        .await?;
    Ok(ContractId(id))
}

/// The payments on every contract of a project, by date.
pub async fn payments<'a>(
    ex: impl Into<Ex<'a>>,
    project: ProjectId,
) -> Result<Vec<Payment>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(
                "SELECT m.contract_id, m.paid_on, m.amount, m.note FROM construction_payments m \
                 JOIN construction_contracts c ON c.id = m.contract_id WHERE c.project_id = $1 \
                 ORDER BY m.paid_on, m.id",
            )
            .arg(project),
        )
        .await
}

pub async fn add_payment(tx: &mut Tx, contract: ContractId, p: &Payment) -> Result<(), DbError> {
    tx.execute(
        Sql::new("INSERT INTO construction_payments (contract_id, paid_on, amount, note, created_at) VALUES ($1, $2, $3, $4, $5)")
            .arg(contract)
            .arg(p.paid_on)
            .arg(p.amount)
            .arg(p.note.as_str())
            .arg(platform::time::now()),
    )
    .await?;
    Ok(())
}

pub async fn totals<'a>(ex: impl Into<Ex<'a>>, project: ProjectId) -> Result<Totals, DbError> {
    ex.into()
        .fetch_one(
            Sql::new(
                "SELECT CAST(COALESCE((SELECT SUM(amount) FROM construction_budget_lines WHERE project_id = $1), 0) AS BIGINT) AS budget, \
                 CAST(COALESCE((SELECT SUM(amount) FROM construction_contracts WHERE project_id = $1), 0) AS BIGINT) AS contracted, \
                 CAST(COALESCE((SELECT SUM(m.amount) FROM construction_payments m JOIN construction_contracts c \
                   ON c.id = m.contract_id WHERE c.project_id = $1), 0) AS BIGINT) AS paid",
            )
            .arg(project),
        )
        .await
}
