//! What a run is computed from and what it computes: the stored inputs of
//! a round, and the plan of results the engine makes of them.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use platform::db::Db;
use platform::{AppError, InstitutionId};

use crate::domain::priority::{tier, Facts};
use crate::domain::{
    self as engine, ApplicationId, ChildSpec, Choice, Instance, Placement, RoundId, SchoolSpec,
};
use crate::store::applications::{self, ApplicationRow};
use crate::store::rounds::{self, Round, RoundSchool};
use crate::store::runs::ResultRow;

/// Everything a run is computed from, read from the database.
pub(super) struct Inputs {
    pub(super) round: Round,
    pub(super) seed: String,
    schools: Vec<RoundSchool>,
    catchment: HashSet<(InstitutionId, String)>,
    applications: Vec<ApplicationRow>,
    choices: HashMap<ApplicationId, Vec<InstitutionId>>,
}

pub(super) async fn load(db: &Db, round: RoundId) -> Result<Inputs, AppError> {
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
    let mut choices: HashMap<ApplicationId, Vec<InstitutionId>> = HashMap::new();
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
pub(super) struct Plan {
    pub(super) input_hash: String,
    pub(super) rows: Vec<ResultRow>,
}

pub(super) fn compute(inp: &Inputs) -> Result<(Plan, Instance, engine::Allocation), AppError> {
    let index: HashMap<InstitutionId, u32> = inp
        .schools
        .iter()
        .enumerate()
        .map(|(i, s)| (s.institution_id, i as u32))
        .collect();
    let mut seats: Vec<i64> = inp.schools.iter().map(|s| s.seats).collect();
    // 提前招生: by exam score, among those who put the school first.
    let mut early: HashMap<ApplicationId, InstitutionId> = HashMap::new();
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
    let alloc =
        engine::allocate(&instance, &inp.seed).map_err(|e| AppError::Conflict(e.to_string()))?;
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
                how: Placement::Early,
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
                    how: Placement::Choice,
                    choice_rank: rank.map(|r| r as i64 + 1),
                    tier: rank.map(|r| child.choices[r].tier as i64),
                    lottery: lottery(&a.ref_no),
                }
            }
            (None, Some(s)) => ResultRow {
                application_id: a.id,
                institution_id: Some(inp.schools[*s as usize].institution_id),
                how: Placement::Placed,
                choice_rank: None,
                tier: None,
                lottery: lottery(&a.ref_no),
            },
            (None, None) => ResultRow {
                application_id: a.id,
                institution_id: None,
                how: Placement::Unplaced,
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
    // The round's fingerprint, computed once per run.
    let round_hash = engine::input_hash(&instance);
    let input_hash = engine::hash_parts(&[round_hash.as_str(), &early_keys.join(",")]);
    Ok((Plan { input_hash, rows }, instance, alloc))
}
