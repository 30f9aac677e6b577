//! Setting up a round: dates and policy, schools with seats (`schools`),
//! catchments (`catchments`), the seed.

mod catchments;
mod schools;

pub use catchments::{import_catchments, set_catchment_entries, set_catchments, CatchmentEntry};
pub use schools::{candidates, set_school_entries, set_schools, Candidate, SchoolEntry};

use chrono::{DateTime, Utc};
use platform::audit::{self, Entry};
use platform::auth::{Caller, WorkArea};
use platform::db::Db;
use platform::excel::RowError;
use platform::vocab::{Checker, Field};
use platform::{AppError, FieldError};
use serde::Deserialize;

use crate::domain::application::RoundStage;
use crate::domain::RoundId;
use crate::store::rounds::{self, NewRound};

/// A time the bureau typed, in Beijing time.
fn cst(s: &str) -> Option<DateTime<Utc>> {
    platform::time::parse_local(s)
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RoundInput {
    pub name: String,
    /// primary1 or junior1
    pub stage: String,
    pub school_year: i64,
    /// 2026-05-01 08:00 (China Standard Time)
    pub apply_from: String,
    pub apply_until: String,
    pub max_choices: i64,
    /// When the lottery seed becomes public.
    pub seed_publish_at: String,
    /// The year's admission policy (招生政策) shown to parents.
    pub policy: String,
}

/// The longest policy text a round takes.
const MAX_POLICY_CHARS: usize = 10_000;

fn check_policy(c: &mut Checker, policy: &str) {
    if policy.chars().count() > MAX_POLICY_CHARS {
        c.custom("policy", format!("招生政策不能超过 {MAX_POLICY_CHARS} 字"));
    }
}

pub async fn create_round(db: &Db, caller: &Caller, r: &RoundInput) -> Result<RoundId, AppError> {
    caller.require_bureau(WorkArea::Admissions)?;
    let mut c = Checker::new();
    let name = c.required(Field::new("name", "招生名称"), &r.name);
    let stage = RoundStage::parse(r.stage.trim());
    if stage.is_none() {
        c.custom("stage", "学段应为 小学一年级 或 初中一年级");
    }
    let (from, until, seed_at) = (
        cst(&r.apply_from),
        cst(&r.apply_until),
        cst(&r.seed_publish_at),
    );
    for (v, f) in [
        (from, "apply_from"),
        (until, "apply_until"),
        (seed_at, "seed_publish_at"),
    ] {
        if v.is_none() {
            c.custom(f, "时间应写作 2026-05-01 08:00");
        }
    }
    if let (Some(a), Some(b)) = (from, until) {
        if b <= a {
            c.custom("apply_until", "报名截止时间应晚于开始时间");
        }
    }
    if let (Some(b), Some(s)) = (until, seed_at) {
        if s < b {
            c.custom("seed_publish_at", "摇号种子应在报名截止后公布");
        }
    }
    if !(1..=10).contains(&r.max_choices) {
        c.custom("max_choices", "可填志愿数应为 1 到 10");
    }
    if !(2000..=2100).contains(&r.school_year) {
        c.custom("school_year", "学年应为四位年份");
    }
    check_policy(&mut c, &r.policy);
    c.finish(()).map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let id = rounds::create(
        &mut tx,
        &NewRound {
            name,
            stage: stage.map(|s| s.key()).unwrap_or("primary1"),
            school_year: r.school_year,
            apply_from: from.unwrap_or_default(),
            apply_until: until.unwrap_or_default(),
            max_choices: r.max_choices,
            seed_publish_at: seed_at.unwrap_or_default(),
            policy: r.policy.trim(),
        },
    )
    .await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new("create", "admission_round", format!("新建招生 {name}")).id(id.0),
    )
    .await?;
    Ok(id)
}

/// Changes the round's admission policy (招生政策), also after allocation:
/// it is what parents read, not an input of the allocation.
pub async fn set_policy(
    db: &Db,
    caller: &Caller,
    round: RoundId,
    policy: &str,
) -> Result<(), AppError> {
    caller.require_bureau(WorkArea::Admissions)?;
    rounds::get(db, round).await?;
    let mut c = Checker::new();
    check_policy(&mut c, policy);
    c.finish(()).map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    rounds::set_policy(&mut tx, round, policy.trim()).await?;
    super::round_changed(tx, caller, round, "修改招生政策").await?;
    Ok(())
}

/// Problems of set-up rows as form errors on `field`, each naming its row
/// and column.
fn row_errors(field: &str, errors: Vec<RowError>) -> AppError {
    AppError::Invalid(
        errors
            .into_iter()
            .map(|e| FieldError::new(field, format!("第 {} 行 {}：{}", e.row, e.column, e.reason)))
            .collect(),
    )
}

/// The round, if the caller may change its set-up and it has not been
/// allocated yet.
async fn writable(db: &Db, caller: &Caller, round: RoundId) -> Result<rounds::Round, AppError> {
    caller.require_bureau(WorkArea::Admissions)?;
    let r = rounds::get(db, round).await?;
    not_yet_allocated(db, round).await?;
    Ok(r)
}

/// Refuses changes to a round that has been allocated.
async fn not_yet_allocated(db: &Db, round: RoundId) -> Result<(), AppError> {
    if crate::store::runs::of_round(db, round).await?.is_some() {
        return Err(AppError::Conflict("本轮已完成分配，不能再修改".into()));
    }
    Ok(())
}

/// Records the lottery seed (e.g. drawn in public). Once its publication
/// time has passed, the seed can no longer change.
pub async fn set_seed(
    db: &Db,
    caller: &Caller,
    round: RoundId,
    seed: &str,
) -> Result<(), AppError> {
    caller.require_bureau(WorkArea::Admissions)?;
    let r = rounds::get(db, round).await?;
    let seed = seed.trim();
    if seed.len() < 8 || seed.len() > 200 || seed.contains(['\n', '\r']) {
        return Err(AppError::invalid(
            "seed",
            "摇号种子应为一行 8 到 200 个字符",
        ));
    }
    if r.seed.is_some() && Utc::now() >= r.seed_publish_at {
        return Err(AppError::Conflict(
            "摇号种子已于公布时间公开，不能再更改".into(),
        ));
    }
    let mut tx = db.begin().await?;
    rounds::set_seed(&mut tx, round, seed).await?;
    super::round_changed(tx, caller, round, "登记摇号种子").await?;
    Ok(())
}
