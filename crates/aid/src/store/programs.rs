//! 资助项目 rows.

use chrono::{DateTime, Utc};
use platform::db::{DbError, Ex, Sql, Tx, Updated};
use serde::Serialize;

use crate::domain::{Period, ProgramDef, ProgramId, Stage};

#[derive(sqlx::FromRow)]
struct Row {
    id: ProgramId,
    name: String,
    funding_source: String,
    period: String,
    stages: String,
    amounts_json: String,
    conditions_json: String,
    incompatible_json: String,
    budget: i64,
    needs_application: bool,
    documents: String,
    active: bool,
    version: i64,
    updated_at: DateTime<Utc>,
}

/// A stored program.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Program {
    pub id: ProgramId,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    #[schema(value_type = Object)]
    #[serde(flatten)]
    pub def: ProgramDef,
    /// 补助标准, e.g. "初中 320.00元/年；小学 240.00元/年".
    pub standard: String,
}

const COLUMNS: &str = "id, name, funding_source, period, stages, amounts_json, conditions_json, incompatible_json, budget, needs_application, documents, active, version, updated_at";

fn decode(r: Row) -> Result<Program, DbError> {
    let bad = |what: &str| DbError::Check(format!("aid_programs #{} {what}", r.id));
    let period = Period::parse(&r.period).ok_or_else(|| bad("period"))?;
    let stages = r
        .stages
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| Stage::parse(s).ok_or_else(|| bad("stages")))
        .collect::<Result<Vec<_>, _>>()?;
    let def = ProgramDef {
        name: r.name,
        funding_source: r.funding_source,
        period,
        stages,
        amounts: serde_json::from_str(&r.amounts_json).map_err(|_| bad("amounts"))?,
        conditions: serde_json::from_str(&r.conditions_json).map_err(|_| bad("conditions"))?,
        incompatible_with: serde_json::from_str(&r.incompatible_json)
            .map_err(|_| bad("incompatible"))?,
        budget: crate::domain::Fen(r.budget),
        needs_application: r.needs_application,
        documents: r.documents.lines().map(str::to_string).collect(),
        active: r.active,
    };
    Ok(Program {
        id: r.id,
        version: r.version,
        updated_at: r.updated_at,
        standard: def.standard_text(),
        def,
    })
}

fn stages_text(d: &ProgramDef) -> String {
    d.stages
        .iter()
        .map(|s| s.key())
        .collect::<Vec<_>>()
        .join(",")
}

fn json(v: &impl Serialize) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

pub async fn list(ex: impl Into<Ex<'_>>) -> Result<Vec<Program>, DbError> {
    let rows: Vec<Row> = ex
        .into()
        .fetch_all(Sql::new(format!(
            "SELECT {COLUMNS} FROM aid_programs ORDER BY id"
        )))
        .await?;
    rows.into_iter().map(decode).collect()
}

pub async fn get(ex: impl Into<Ex<'_>>, id: ProgramId) -> Result<Program, DbError> {
    decode(
        ex.into()
            .fetch_one(Sql::new(format!("SELECT {COLUMNS} FROM aid_programs WHERE id = ")).bind(id))
            .await?,
    )
}

/// Binds `$1`…`$11`: the definition's columns in the order of `create`
/// and `update`.
fn bind_def(q: Sql, d: &ProgramDef) -> Sql {
    q.arg(d.name.as_str())
        .arg(d.funding_source.as_str())
        .arg(d.period.key())
        .arg(stages_text(d))
        .arg(json(&d.amounts))
        .arg(json(&d.conditions))
        .arg(json(&d.incompatible_with))
        .arg(d.budget.0)
        .arg(d.needs_application)
        .arg(d.documents.join("\n"))
        .arg(d.active)
}

pub async fn create(tx: &mut Tx, d: &ProgramDef) -> Result<ProgramId, DbError> {
    tx.scalar(
        bind_def(Sql::new("INSERT INTO aid_programs (name, funding_source, period, stages, amounts_json, conditions_json, incompatible_json, budget, needs_application, documents, active, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $12) RETURNING id"), d)
            .arg(Utc::now()),
    )
    .await
    .map(ProgramId)
}

/// Saves an edit made on top of `version`; false if someone saved since.
pub async fn update(
    tx: &mut Tx,
    id: ProgramId,
    version: i64,
    d: &ProgramDef,
) -> Result<Updated, DbError> {
    let n = tx
        .execute(
            bind_def(Sql::new("UPDATE aid_programs SET name = $1, funding_source = $2, period = $3, stages = $4, amounts_json = $5, conditions_json = $6, incompatible_json = $7, budget = $8, needs_application = $9, documents = $10, active = $11, version = version + 1, updated_at = $12 WHERE id = $13 AND version = $14"), d)
                .arg(Utc::now())
                .arg(id)
                .arg(version),
        )
        .await?;
    Ok(Updated::from_rows(n))
}
