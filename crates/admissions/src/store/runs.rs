use chrono::{DateTime, Utc};
use platform::db::{Db, DbError, Sql, Tx};
use platform::InstitutionId;
use serde::Serialize;

use crate::domain::{ApplicationId, Placement, RoundId, RunId};

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Run {
    pub id: RunId,
    pub round_id: RoundId,
    pub run_at: DateTime<Utc>,
    pub run_by: String,
    pub engine_version: String,
    pub input_hash: String,
    pub seed: String,
    pub assigned: i64,
    pub unassigned: i64,
}

pub async fn of_round(db: &Db, round: RoundId) -> Result<Option<Run>, DbError> {
    db.fetch_optional(Sql::new("SELECT id, round_id, run_at, run_by, engine_version, input_hash, seed, assigned, unassigned FROM admissions_allocation_runs WHERE round_id = ").bind(round)).await
}

pub struct NewRun<'a> {
    pub round: RoundId,
    pub by: &'a str,
    pub engine_version: &'a str,
    pub input_hash: &'a str,
    pub seed: &'a str,
    pub assigned: i64,
    pub unassigned: i64,
}

pub async fn insert(tx: &mut Tx, r: &NewRun<'_>) -> Result<RunId, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO admissions_allocation_runs (round_id, run_at, run_by, engine_version, input_hash, seed, assigned, unassigned) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
            .arg(r.round)
            .arg(Utc::now())
            .arg(r.by)
            .arg(r.engine_version)
            .arg(r.input_hash)
            .arg(r.seed)
            .arg(r.assigned)
            .arg(r.unassigned),
    )
    .await
    .map(RunId)
}

/// One child's outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ResultRow {
    pub application_id: ApplicationId,
    #[schema(value_type = Option<i64>)]
    pub institution_id: Option<InstitutionId>,
    pub how: Placement,
    pub choice_rank: Option<i64>,
    pub tier: Option<i64>,
    /// The lottery number, 16 hex digits.
    pub lottery: String,
}

pub async fn insert_results(tx: &mut Tx, run: RunId, rows: &[ResultRow]) -> Result<(), DbError> {
    for chunk in rows.chunks(100) {
        let mut q = Sql::new("INSERT INTO admissions_allocation_results (run_id, application_id, institution_id, how, choice_rank, tier, lottery) VALUES ");
        for (n, r) in chunk.iter().enumerate() {
            if n > 0 {
                q = q.push(", ");
            }
            q = q
                .push("(")
                .bind(run)
                .push(", ")
                .bind(r.application_id)
                .push(", ")
                .bind(r.institution_id)
                .push(", ")
                .bind(r.how)
                .push(", ")
                .bind(r.choice_rank)
                .push(", ")
                .bind(r.tier)
                .push(", ")
                .bind(r.lottery.as_str())
                .push(")");
        }
        tx.execute(q).await?;
    }
    Ok(())
}

pub async fn results(db: &Db, run: RunId) -> Result<Vec<ResultRow>, DbError> {
    db.fetch_all(Sql::new("SELECT application_id, institution_id, how, choice_rank, tier, lottery FROM admissions_allocation_results WHERE run_id = ").bind(run).push(" ORDER BY application_id")).await
}

pub async fn result_of(
    db: &Db,
    run: RunId,
    application: ApplicationId,
) -> Result<Option<ResultRow>, DbError> {
    db.fetch_optional(Sql::new("SELECT application_id, institution_id, how, choice_rank, tier, lottery FROM admissions_allocation_results WHERE run_id = $1 AND application_id = $2").arg(run).arg(application)).await
}
