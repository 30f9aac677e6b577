//! Setting up a round: dates, schools with seats, catchments, the seed.

use chrono::{DateTime, Utc};
use platform::audit::{self, Entry};
use platform::auth::{Caller, WorkArea};
use platform::db::{Db, Sql};
use platform::excel::RowError;
use platform::vocab::{Checker, Field};
use platform::{AppError, FieldError, InstitutionId};
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

/// Refuses changes to a round that has been allocated.
async fn not_yet_allocated(db: &Db, round: RoundId) -> Result<(), AppError> {
    if crate::store::runs::of_round(db, round).await?.is_some() {
        return Err(AppError::Conflict("本轮已完成分配，不能再修改".into()));
    }
    Ok(())
}

/// Schools and seats, one line each: 学校标识码,学位数[,提前招生数][,民办摇号].
/// Any bad line: nothing changes.
pub async fn set_schools(
    db: &Db,
    caller: &Caller,
    round: RoundId,
    text: &str,
) -> Result<usize, AppError> {
    caller.require_bureau(WorkArea::Admissions)?;
    rounds::get(db, round).await?;
    not_yet_allocated(db, round).await?;
    let mut rows: Vec<(InstitutionId, i64, i64, bool)> = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let cells: Vec<&str> = line.split([',', '，', '\t']).map(str::trim).collect();
        let row = n + 1;
        let id = db
            .fetch_optional::<(InstitutionId,)>(
                Sql::new("SELECT id FROM institutions WHERE code = ").bind(cells[0]),
            )
            .await?
            .map(|r| r.0);
        let Some(id) = id else {
            errors.push(RowError::new(
                row,
                "学校标识码",
                format!("没有学校标识码为“{}”的机构", cells[0]),
            ));
            continue;
        };
        let seats = cells.get(1).and_then(|v| v.parse::<i64>().ok());
        match seats {
            Some(s) if s > 0 && s <= 5000 => {}
            _ => {
                errors.push(RowError::new(
                    row,
                    "学位数",
                    "学位数应为 1 到 5000 的整数（学位为 0 的学校不参加本轮招生）",
                ));
                continue;
            }
        }
        let early = cells
            .get(2)
            .filter(|v| !v.is_empty())
            .map(|v| v.parse::<i64>())
            .transpose()
            .ok()
            .flatten()
            .unwrap_or(0);
        let private = cells
            .get(3)
            .is_some_and(|v| matches!(*v, "是" | "民办" | "民办摇号" | "1"));
        if rows.iter().any(|(i, ..)| *i == id) {
            errors.push(RowError::new(row, "学校标识码", "该学校已在前面列出"));
            continue;
        }
        rows.push((id, seats.unwrap_or(0), early, private));
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(RowError::new(1, "学校标识码", "请至少列出一所学校"));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(
            errors
                .into_iter()
                .map(|e| {
                    FieldError::new(
                        "schools",
                        format!("第 {} 行 {}：{}", e.row, e.column, e.reason),
                    )
                })
                .collect(),
        ));
    }
    let mut tx = db.begin().await?;
    rounds::replace_schools(&mut tx, round, &rows).await?;
    super::round_changed(tx, caller, round, format!("设置招生学校 {} 所", rows.len())).await?;
    Ok(rows.len())
}

/// Catchments, one line each: 学校标识码,社区[,社区…].
pub async fn set_catchments(
    db: &Db,
    caller: &Caller,
    round: RoundId,
    text: &str,
) -> Result<usize, AppError> {
    caller.require_bureau(WorkArea::Admissions)?;
    not_yet_allocated(db, round).await?;
    let schools = rounds::schools(db, round).await?;
    let mut pairs = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let cells: Vec<&str> = line
            .split([',', '，', '\t', '、'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        match schools.iter().find(|s| s.code == cells[0]) {
            None => errors.push(FieldError::new(
                "catchments",
                format!("第 {} 行：学校“{}”不在本轮招生学校中", n + 1, cells[0]),
            )),
            Some(s) if cells.len() < 2 => errors.push(FieldError::new(
                "catchments",
                format!(
                    "第 {} 行：请在学校标识码后列出{}学区内的社区",
                    n + 1,
                    s.name
                ),
            )),
            Some(s) => pairs.extend(cells[1..].iter().map(|c| (s.institution_id, c.to_string()))),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = db.begin().await?;
    tx.execute(Sql::new("DELETE FROM admissions_catchments WHERE round_id = ").bind(round))
        .await?;
    for (id, c) in &pairs {
        rounds::add_catchment(&mut tx, round, *id, c).await?;
    }
    super::round_changed(tx, caller, round, format!("设置学区 {} 条", pairs.len())).await?;
    Ok(pairs.len())
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
