//! Running a round: early admission by exam score (提前招生), then deferred
//! acceptance over the priority tiers with the published lottery, then
//! administrative placement (统筹安排) of children left without a seat.
//! `verify` recomputes everything from the stored inputs and checks it.

mod appeals;
mod plan;

use chrono::Utc;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;
use serde::Serialize;

use crate::domain::{self as engine, Placement, RoundId, RunId};
use crate::store::rounds;
use crate::store::runs;

pub use appeals::{appeals, decide_appeal, AppealRow};
use plan::{compute, load, Plan};

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RunReport {
    pub run_id: RunId,
    pub input_hash: String,
    pub engine_version: String,
    pub applications: usize,
    pub early: usize,
    pub by_choice: usize,
    pub placed: usize,
    pub unassigned: usize,
}

fn report(run_id: RunId, plan: &Plan) -> RunReport {
    let count = |h: Placement| plan.rows.iter().filter(|r| r.how == h).count();
    RunReport {
        run_id,
        input_hash: plan.input_hash.clone(),
        engine_version: engine::ENGINE_VERSION.into(),
        applications: plan.rows.len(),
        early: count(Placement::Early),
        by_choice: count(Placement::Choice),
        placed: count(Placement::Placed),
        unassigned: count(Placement::Unplaced),
    }
}

/// Runs the round once and stores the result with its inputs' hash, the
/// seed and the engine version. A round runs only once.
pub async fn run(db: &Db, caller: &Caller, round: RoundId) -> Result<RunReport, AppError> {
    caller.require_bureau(WorkArea::Admissions)?;
    if runs::of_round(db, round).await?.is_some() {
        return Err(AppError::Conflict(
            "本轮已经分配过；如需核对，请使用“核验”".into(),
        ));
    }
    let inputs = load(db, round).await?;
    let (plan, _, _) = compute(&inputs)?;
    let rep_counts = report(RunId(0), &plan);
    let mut tx = db.begin().await?;
    let run_id = match runs::insert(
        &mut tx,
        &runs::NewRun {
            round,
            by: &caller.who.username,
            engine_version: engine::ENGINE_VERSION,
            input_hash: &plan.input_hash,
            seed: &inputs.seed,
            assigned: (rep_counts.applications - rep_counts.unassigned) as i64,
            unassigned: rep_counts.unassigned as i64,
        },
    )
    .await
    {
        Ok(id) => id,
        Err(platform::db::DbError::Unique(_)) => {
            return Err(AppError::Conflict("本轮已经分配过".into()))
        }
        Err(e) => return Err(e.into()),
    };
    runs::insert_results(&mut tx, run_id, &plan.rows).await?;
    let rep = report(run_id, &plan);
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "allocation_run",
            format!(
                "{} 录取分配：志愿录取 {}，统筹安排 {}，未安排 {}",
                inputs.round.name,
                rep.by_choice + rep.early,
                rep.placed,
                rep.unassigned
            ),
        )
        .id(run_id.0)
        .after(&rep),
    )
    .await?;
    Ok(rep)
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct VerifyReport {
    pub ok: bool,
    pub stored_hash: String,
    pub recomputed_hash: String,
    pub engine_version: String,
    pub problems: Vec<String>,
}

/// Recomputes the stored run from the stored inputs and checks capacity,
/// stability and identity.
pub async fn verify(db: &Db, caller: &Caller, round: RoundId) -> Result<VerifyReport, AppError> {
    caller.require(WorkArea::Admissions, Access::Read)?;
    let run = runs::of_round(db, round)
        .await?
        .ok_or_else(|| AppError::Conflict("本轮尚未分配".into()))?;
    let inputs = load(db, round).await?;
    let mut problems = Vec::new();
    if inputs.seed != run.seed {
        problems.push("摇号种子与分配时不一致".to_string());
    }
    let (plan, instance, alloc) = compute(&inputs)?;
    if let Err(v) = engine::verify(&instance, &inputs.seed, &alloc) {
        problems.extend(v.iter().map(|x| x.to_string()));
    }
    if plan.input_hash != run.input_hash {
        problems.push("报名数据与分配时不一致（输入摘要不同）".into());
    }
    let stored = runs::results(db, run.id).await?;
    if stored != plan.rows {
        let differing = stored
            .iter()
            .zip(&plan.rows)
            .filter(|(a, b)| a != b)
            .count()
            + stored.len().abs_diff(plan.rows.len());
        problems.push(format!("重新计算的结果与保存的结果有 {differing} 处不同"));
    }
    Ok(VerifyReport {
        ok: problems.is_empty(),
        stored_hash: run.input_hash,
        recomputed_hash: plan.input_hash,
        engine_version: run.engine_version,
        problems,
    })
}

/// Makes the results visible to parents.
pub async fn publish(db: &Db, caller: &Caller, round: RoundId) -> Result<(), AppError> {
    caller.require_bureau(WorkArea::Admissions)?;
    runs::of_round(db, round)
        .await?
        .ok_or_else(|| AppError::Conflict("本轮尚未分配，不能公布".into()))?;
    let mut tx = db.begin().await?;
    rounds::set_published(&mut tx, round, Utc::now()).await?;
    crate::service::round_changed(tx, caller, round, "公布录取结果").await?;
    Ok(())
}
