//! 职称评审: rounds with their parameters and places, applications checked
//! against the records, review by 人事科 within the places, and closing a
//! round, which writes the promotions back to the staff records.

mod applications;
mod demo;

pub use demo::fill_demo;

pub use applications::{eligibility, review, submit, ApplicationInput, ReviewInput};

use chrono::{Datelike, NaiveDate};
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, DbError};
use platform::{AppError, FieldError};
use serde::{Deserialize, Serialize};

use crate::domain::title_label;
use crate::domain::titles::{ApplicationStatus, RoundId, RoundRules, RoundStatus};
use crate::store::titles::{self as store, Application, Quota, ReportLine, Round};

pub async fn rounds(db: &Db, caller: &Caller) -> Result<Vec<Round>, AppError> {
    caller.require(WorkArea::Teachers, Access::Read)?;
    Ok(store::rounds(db).await?)
}

/// A new round: its name, year and parameters (national defaults when left
/// out).
#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
pub struct NewRound {
    pub name: String,
    pub year: i64,
    #[serde(default)]
    pub rules: Option<RoundRules>,
}

pub async fn create(db: &Db, caller: &Caller, input: &NewRound) -> Result<Round, AppError> {
    caller.require_bureau(WorkArea::Teachers)?;
    let rules = input.rules.unwrap_or_default();
    let mut errors = rules.validate().err().unwrap_or_default();
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > 60 {
        errors.push(FieldError::new("name", "名称不能为空，且不超过 60 个字"));
    }
    let next = i64::from(platform::time::today().year()) + 1;
    if !(2000..=next).contains(&input.year) {
        errors.push(FieldError::new(
            "year",
            format!("评审年度应在 2000 至 {next} 年之间"),
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = db.begin().await?;
    let id = store::insert_round(&mut tx, name, input.year, &rules)
        .await
        .map_err(|e| match e {
            DbError::Unique(_) => {
                AppError::invalid("year", format!("{}年度已有评审轮次", input.year))
            }
            other => other.into(),
        })?;
    let round = store::round(&mut tx, id).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "teachers_title_round",
            format!("新建职称评审 {name}"),
        )
        .id(id.0)
        .after(&round),
    )
    .await?;
    Ok(round)
}

/// A round with what the caller may see of it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RoundDetail {
    pub round: Round,
    pub quotas: Vec<Quota>,
    pub applications: Vec<Application>,
    pub report: Vec<ReportLine>,
}

pub async fn detail(db: &Db, caller: &Caller, id: RoundId) -> Result<RoundDetail, AppError> {
    caller.require(WorkArea::Teachers, Access::Read)?;
    let round = store::round(db, id).await?;
    Ok(RoundDetail {
        quotas: store::quotas(db, &caller.scope, id).await?,
        applications: store::applications(db, &caller.scope, id, None).await?,
        report: store::report(db, &caller.scope, id).await?,
        round,
    })
}

/// An open round, or why it cannot be changed.
pub(crate) fn open(round: &Round) -> Result<(), AppError> {
    if round.status == RoundStatus::Open {
        Ok(())
    } else {
        Err(AppError::Conflict(format!(
            "{}已结束，不能再修改",
            round.name
        )))
    }
}

/// Sets the places of institutions for titles (人事科).
pub async fn set_quotas(
    db: &Db,
    caller: &Caller,
    id: RoundId,
    quotas: &[Quota],
) -> Result<Vec<Quota>, AppError> {
    caller.require_bureau(WorkArea::Teachers)?;
    let errors: Vec<FieldError> = quotas
        .iter()
        .enumerate()
        .filter(|(_, q)| !(0..=1000).contains(&q.places))
        .map(|(i, _)| FieldError::new(format!("quotas[{i}].places"), "名额应为 0 至 1000"))
        .collect();
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = db.begin().await?;
    let round = store::round(&mut tx, id).await?;
    open(&round)?;
    for q in quotas {
        if !store::institution_exists(&mut tx, q.institution_id).await? {
            return Err(AppError::invalid(
                "institution_id",
                format!("单位编号 {} 不存在", q.institution_id),
            ));
        }
        store::put_quota(&mut tx, id, q).await?;
    }
    audit::commit(
        tx,
        &caller.who,
        round_entry(id, format!("设置{}名额 {} 项", round.name, quotas.len())).after(&quotas),
    )
    .await?;
    Ok(store::quotas(db, &caller.scope, id).await?)
}

/// The audit entry of a change to a round.
fn round_entry(id: RoundId, summary: String) -> Entry {
    Entry::new("update", "teachers_title_round", summary).id(id.0)
}

/// What closing a round did.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Closed {
    pub round: Round,
    pub promoted: usize,
}

/// Closes an open round (人事科): every application that passed becomes a
/// promotion in the staff record, dated `on`, all in one transaction with
/// an audit entry per person.
pub async fn close(db: &Db, caller: &Caller, id: RoundId) -> Result<Closed, AppError> {
    close_on(db, caller, id, platform::time::today()).await
}

pub(crate) async fn close_on(
    db: &Db,
    caller: &Caller,
    id: RoundId,
    on: NaiveDate,
) -> Result<Closed, AppError> {
    caller.require_bureau(WorkArea::Teachers)?;
    let mut tx = db.begin().await?;
    let before = store::round(&mut tx, id).await?;
    open(&before)?;
    let pending = store::applications(
        &mut tx,
        &caller.scope,
        id,
        Some(ApplicationStatus::Submitted),
    )
    .await?;
    if !pending.is_empty() {
        return Err(AppError::Conflict(format!(
            "还有 {} 份申报未评审，请评审后再结束本轮",
            pending.len()
        )));
    }
    store::close_round(&mut tx, id).await?;
    let passed =
        store::applications(&mut tx, &caller.scope, id, Some(ApplicationStatus::Passed)).await?;
    for a in &passed {
        store::promote(&mut tx, a.staff_id, a.series, a.level, on).await?;
        let was = title_label(a.from_series, a.from_level);
        let now = title_label(Some(a.series), a.level);
        audit::record(
            &mut tx,
            &caller.who,
            Entry::new(
                "update",
                "teachers_staff",
                format!("{}：职称由{was}晋升为{now}", a.staff_name),
            )
            .id(a.staff_id)
            .institution(Some(a.institution_id))
            .before(&serde_json::json!({ "title": was }))
            .after(&serde_json::json!({ "title": now, "title_obtained_on": on })),
        )
        .await?;
    }
    let round = store::round(&mut tx, id).await?;
    audit::commit(
        tx,
        &caller.who,
        round_entry(id, format!("结束{}，{} 人晋升", round.name, passed.len()))
            .before(&before.status)
            .after(&round.status),
    )
    .await?;
    Ok(Closed {
        round,
        promoted: passed.len(),
    })
}

/// The round's counts by title.
pub async fn report(
    db: &Db,
    caller: &Caller,
    id: RoundId,
) -> Result<(Round, Vec<ReportLine>), AppError> {
    caller.require(WorkArea::Teachers, Access::Read)?;
    let round = store::round(db, id).await?;
    Ok((round, store::report(db, &caller.scope, id).await?))
}

/// Applications waiting for 人事科's review in open rounds.
pub async fn awaiting_review(db: &Db, caller: &Caller) -> Result<i64, AppError> {
    Ok(store::awaiting_review(db, &caller.scope).await?)
}
