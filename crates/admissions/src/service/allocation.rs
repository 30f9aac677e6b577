//! Running a round: early admission by exam score (提前招生), then deferred
//! acceptance over the priority tiers with the published lottery, then
//! administrative placement (统筹安排) of children left without a seat.
//! `verify` recomputes everything from the stored inputs and checks it.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::{AppError, InstitutionId};
use serde::Serialize;

use crate::domain::priority::{tier, Facts};
use crate::domain::{self as engine, ChildSpec, Choice, Instance, SchoolSpec};
use crate::store::applications::{self, ApplicationRow};
use crate::store::rounds::{self, Round, RoundSchool};
use crate::store::runs::{self, ResultRow};

/// Everything a run is computed from, read from the database.
struct Inputs {
    round: Round,
    seed: String,
    schools: Vec<RoundSchool>,
    catchment: HashSet<(InstitutionId, String)>,
    applications: Vec<ApplicationRow>,
    choices: HashMap<i64, Vec<InstitutionId>>,
}

async fn load(db: &Db, round: i64) -> Result<Inputs, AppError> {
    let round = rounds::get(db, round).await?;
    let now = Utc::now();
    if now <= round.apply_until {
        return Err(AppError::Conflict("报名尚未截止，不能分配".into()));
    }
    let seed = round
        .published_seed(now)
        .map(str::to_string)
        .ok_or_else(|| AppError::Conflict("摇号种子尚未登记或尚未到公布时间".into()))?;
    let schools = rounds::schools(db, round.id).await?;
    if schools.is_empty() {
        return Err(AppError::Conflict("本轮没有设置招生学校".into()));
    }
    let catchment = rounds::catchments(db, round.id)
        .await?
        .into_iter()
        .collect();
    let n = applications::count(db, round.id).await?;
    if n == 0 {
        return Err(AppError::Conflict("本轮没有任何报名".into()));
    }
    let applications = applications::list(db, round.id, n, 0).await?;
    let mut choices: HashMap<i64, Vec<InstitutionId>> = HashMap::new();
    for (app, _, school) in applications::all_choices(db, round.id).await? {
        choices.entry(app).or_default().push(school);
    }
    Ok(Inputs {
        round,
        seed,
        schools,
        catchment,
        applications,
        choices,
    })
}

/// The outcome computed from the inputs.
struct Plan {
    input_hash: String,
    rows: Vec<ResultRow>,
}

fn compute(inp: &Inputs) -> Result<(Plan, Instance, engine::Allocation), AppError> {
    let index: HashMap<InstitutionId, u32> = inp
        .schools
        .iter()
        .enumerate()
        .map(|(i, s)| (s.institution_id, i as u32))
        .collect();
    let mut seats: Vec<i64> = inp.schools.iter().map(|s| s.seats).collect();
    // 提前招生: by exam score, among those who put the school first.
    let mut early: HashMap<i64, InstitutionId> = HashMap::new();
    for (i, s) in inp
        .schools
        .iter()
        .enumerate()
        .filter(|(_, s)| s.early_seats > 0)
    {
        let cands: Vec<(String, u32)> = inp
            .applications
            .iter()
            .filter(|a| {
                a.exam_score.is_some()
                    && inp.choices.get(&a.id).and_then(|c| c.first()) == Some(&s.institution_id)
            })
            .map(|a| (a.ref_no.clone(), a.exam_score.unwrap_or(0).max(0) as u32))
            .collect();
        let places = s.early_seats.min(s.seats).max(0) as u32;
        for key in engine::early_admission(&cands, places, &inp.seed) {
            if let Some(a) = inp.applications.iter().find(|a| a.ref_no == key) {
                early.insert(a.id, s.institution_id);
                seats[i] -= 1;
            }
        }
    }
    let main: Vec<&ApplicationRow> = inp
        .applications
        .iter()
        .filter(|a| !early.contains_key(&a.id))
        .collect();
    let instance = Instance {
        schools: seats
            .iter()
            .map(|s| SchoolSpec {
                seats: (*s).max(0) as u32,
            })
            .collect(),
        children: main
            .iter()
            .map(|a| {
                let facts = Facts {
                    hukou_local: a.hukou_local,
                    owns_home: a.owns_home,
                    residence_permit: a.residence_permit,
                };
                let choices = inp.choices.get(&a.id).map(Vec::as_slice).unwrap_or(&[]);
                ChildSpec {
                    key: a.ref_no.clone(),
                    choices: choices
                        .iter()
                        .filter_map(|school| {
                            let idx = *index.get(school)?;
                            let s = &inp.schools[idx as usize];
                            Some(Choice {
                                school: idx,
                                tier: tier(
                                    facts,
                                    inp.catchment.contains(&(*school, a.community.clone())),
                                    s.private_lottery,
                                ),
                            })
                        })
                        .collect(),
                }
            })
            .collect(),
    };
    let alloc = engine::allocate(&instance, &inp.seed);
    let unassigned: Vec<usize> = alloc
        .assigned
        .iter()
        .enumerate()
        .filter(|(_, a)| a.is_none())
        .map(|(i, _)| i)
        .collect();
    // Nearest school: one whose catchment holds the child's community, else any.
    let placed: HashMap<usize, u32> = engine::place_unassigned(
        &unassigned,
        &instance,
        &alloc,
        |child, school| {
            if inp.catchment.contains(&(
                inp.schools[school as usize].institution_id,
                main[child].community.clone(),
            )) {
                0.0
            } else {
                1.0
            }
        },
        &inp.seed,
    )
    .into_iter()
    .collect();
    let lottery = |key: &str| format!("{:016x}", engine::lottery_number(&inp.seed, key));
    let mut rows = Vec::with_capacity(inp.applications.len());
    for a in &inp.applications {
        if let Some(school) = early.get(&a.id) {
            rows.push(ResultRow {
                application_id: a.id,
                institution_id: Some(*school),
                how: "early".into(),
                choice_rank: Some(1),
                tier: None,
                lottery: lottery(&a.ref_no),
            });
        }
    }
    for (i, a) in main.iter().enumerate() {
        let child = &instance.children[i];
        let row = match (alloc.assigned[i], placed.get(&i)) {
            (Some(s), _) => {
                let rank = child.choices.iter().position(|c| c.school == s);
                ResultRow {
                    application_id: a.id,
                    institution_id: Some(inp.schools[s as usize].institution_id),
                    how: "choice".into(),
                    choice_rank: rank.map(|r| r as i64 + 1),
                    tier: rank.map(|r| child.choices[r].tier as i64),
                    lottery: lottery(&a.ref_no),
                }
            }
            (None, Some(s)) => ResultRow {
                application_id: a.id,
                institution_id: Some(inp.schools[*s as usize].institution_id),
                how: "placed".into(),
                choice_rank: None,
                tier: None,
                lottery: lottery(&a.ref_no),
            },
            (None, None) => ResultRow {
                application_id: a.id,
                institution_id: None,
                how: "none".into(),
                choice_rank: None,
                tier: None,
                lottery: lottery(&a.ref_no),
            },
        };
        rows.push(row);
    }
    rows.sort_by_key(|r| r.application_id);
    let early_keys: Vec<String> = {
        let mut v: Vec<String> = early.iter().map(|(a, s)| format!("{a}:{s}")).collect();
        v.sort();
        v
    };
    let input_hash = engine::hash_parts(&[alloc.input_hash.as_str(), &early_keys.join(",")]);
    Ok((Plan { input_hash, rows }, instance, alloc))
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RunReport {
    pub run_id: i64,
    pub input_hash: String,
    pub engine_version: String,
    pub applications: usize,
    pub early: usize,
    pub by_choice: usize,
    pub placed: usize,
    pub unassigned: usize,
}

fn report(run_id: i64, plan: &Plan) -> RunReport {
    let count = |h: &str| plan.rows.iter().filter(|r| r.how == h).count();
    RunReport {
        run_id,
        input_hash: plan.input_hash.clone(),
        engine_version: engine::ENGINE_VERSION.into(),
        applications: plan.rows.len(),
        early: count("early"),
        by_choice: count("choice"),
        placed: count("placed"),
        unassigned: count("none"),
    }
}

/// Runs the round once and stores the result with its inputs' hash, the
/// seed and the engine version. A round runs only once.
pub async fn run(db: &Db, caller: &Caller, round: i64) -> Result<RunReport, AppError> {
    caller.require_bureau(WorkArea::Admissions)?;
    if runs::of_round(db, round).await?.is_some() {
        return Err(AppError::Conflict(
            "本轮已经分配过；如需核对，请使用“核验”".into(),
        ));
    }
    let inputs = load(db, round).await?;
    let (plan, _, _) = compute(&inputs)?;
    let rep_counts = report(0, &plan);
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
    audit::record(
        &mut tx,
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
        .id(run_id)
        .after(&rep),
    )
    .await?;
    tx.commit().await?;
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
pub async fn verify(db: &Db, caller: &Caller, round: i64) -> Result<VerifyReport, AppError> {
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
pub async fn publish(db: &Db, caller: &Caller, round: i64) -> Result<(), AppError> {
    caller.require_bureau(WorkArea::Admissions)?;
    runs::of_round(db, round)
        .await?
        .ok_or_else(|| AppError::Conflict("本轮尚未分配，不能公布".into()))?;
    let mut tx = db.begin().await?;
    rounds::set_published(&mut tx, round, Utc::now()).await?;
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new("update", "admission_round", "公布录取结果").id(round),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An appeal as the bureau sees it.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct AppealRow {
    pub id: i64,
    pub ref_no: String,
    pub child_name: String,
    pub filed_at: chrono::DateTime<Utc>,
    pub reason: String,
    pub status: String,
    pub response: String,
    pub decided_by: Option<String>,
}

pub async fn appeals(db: &Db, caller: &Caller, round: i64) -> Result<Vec<AppealRow>, AppError> {
    caller.require(WorkArea::Admissions, Access::Read)?;
    Ok(db
        .fetch_all(
            platform::db::Sql::new("SELECT p.id, a.ref_no, a.child_name, p.filed_at, p.reason, p.status, p.response, p.decided_by FROM admissions_appeals p JOIN admissions_applications a ON a.id = p.application_id WHERE a.round_id = ")
                .bind(round)
                .push(" ORDER BY p.id"),
        )
        .await?)
}

/// Answers an appeal: upheld (the bureau will place the child by hand) or
/// rejected, with the reply the parent reads.
pub async fn decide_appeal(
    db: &Db,
    caller: &Caller,
    appeal: i64,
    upheld: bool,
    response: &str,
) -> Result<(), AppError> {
    caller.require_bureau(WorkArea::Admissions)?;
    let response = response.trim();
    if response.is_empty() {
        return Err(AppError::invalid("response", "请填写答复内容"));
    }
    let mut tx = db.begin().await?;
    let n = tx
        .execute(
            platform::db::Sql::new("UPDATE admissions_appeals SET status = $1, response = $2, decided_by = $3 WHERE id = $4 AND status = 'open'")
                .arg(if upheld { "upheld" } else { "rejected" })
                .arg(response)
                .arg(caller.who.username.as_str())
                .arg(appeal),
        )
        .await?;
    if n == 0 {
        return Err(AppError::Conflict("该申诉不存在或已答复".into()));
    }
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "update",
            "appeal",
            if upheld {
                "申诉成立"
            } else {
                "申诉不成立"
            },
        )
        .id(appeal),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
