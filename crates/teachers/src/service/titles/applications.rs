//! 申报 and 评审: a school applies for its teacher (checked against the
//! records), 人事科 records the result within the institution's places.

use chrono::NaiveDate;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, DbError};
use platform::{AppError, FieldError};
use serde::{Deserialize, Serialize};

use super::open;
use crate::domain::titles::{
    self as rules, ApplicationId, ApplicationStatus, Candidate, Requirements, RoundId,
};
use crate::domain::{title_label, StaffStatus, TitleLevel, TitleSeries};
use crate::service::assessment::number_setting;
use crate::settings::{CE_CYCLE_FIRST_YEAR, CE_REQUIRED_HOURS};
use crate::store::titles::{self as store, Application, NewApplication, Round, TitleHolder};

/// An application: the teacher and the title applied for.
#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
pub struct ApplicationInput {
    pub staff_id: i64,
    pub series: TitleSeries,
    pub level: TitleLevel,
}

/// The facts of the records and what the round asks, for one person.
async fn candidate(
    tx: &mut platform::db::Tx,
    round: &Round,
    who: &TitleHolder,
) -> Result<(Candidate, Requirements), AppError> {
    let year = i32::try_from(round.year).unwrap_or(2000);
    let first =
        i32::try_from(number_setting(&mut *tx, &CE_CYCLE_FIRST_YEAR).await?).unwrap_or(year);
    let hours = number_setting(&mut *tx, &CE_REQUIRED_HOURS).await?;
    let (start, _) = rules::ce_cycle(year, first);
    let from = NaiveDate::from_ymd_opt(start, 1, 1).unwrap_or(NaiveDate::MIN);
    let req = Requirements {
        year,
        rules: round.rules(),
        ce_hours: rules::ce_required_by(year, first, hours),
    };
    let c = Candidate {
        series: who.title_series,
        level: who.title_level,
        obtained_on: who.title_obtained_on,
        ce_hours: store::training_hours(&mut *tx, who.id, from, req.reference_date()).await?,
        assessments: store::assessments(&mut *tx, who.id).await?,
        veto_years: store::veto_years(&mut *tx, who.id).await?,
    };
    Ok((c, req))
}

/// The conditions a teacher fails for a title in a round (empty: eligible).
pub async fn eligibility(
    db: &Db,
    caller: &Caller,
    round: RoundId,
    input: &ApplicationInput,
) -> Result<Vec<String>, AppError> {
    caller.require(WorkArea::Teachers, Access::Read)?;
    let mut tx = db.begin().await?;
    let round = store::round(&mut tx, round).await?;
    let who = store::holder(&mut tx, &caller.scope, input.staff_id).await?;
    let (c, req) = candidate(&mut tx, &round, &who).await?;
    Ok(rules::check(&c, (input.series, input.level), &req))
}

/// Submits an application; refused with every failed condition listed.
pub async fn submit(
    db: &Db,
    caller: &Caller,
    round_id: RoundId,
    input: &ApplicationInput,
) -> Result<Application, AppError> {
    caller.require(WorkArea::Teachers, Access::Write)?;
    let mut tx = db.begin().await?;
    let round = store::round(&mut tx, round_id).await?;
    open(&round)?;
    let who = store::holder(&mut tx, &caller.scope, input.staff_id).await?;
    if who.status != StaffStatus::Active {
        return Err(AppError::invalid(
            "staff_id",
            format!("{}不是在职教职工，不能申报", who.name),
        ));
    }
    let (c, req) = candidate(&mut tx, &round, &who).await?;
    let failed = rules::check(&c, (input.series, input.level), &req);
    if !failed.is_empty() {
        return Err(AppError::Invalid(
            failed
                .into_iter()
                .map(|m| FieldError::new("eligibility", m))
                .collect(),
        ));
    }
    let new = NewApplication {
        round: round_id,
        staff: who.id,
        institution: who.institution_id,
        from: (who.title_series, who.title_level),
        to: (input.series, input.level),
        by: &caller.who.username,
    };
    let id = store::insert_application(&mut tx, &new)
        .await
        .map_err(|e| match e {
            DbError::Unique(_) => AppError::Conflict(format!(
                "{}已在{}中申报，不能重复申报",
                who.name, round.name
            )),
            other => other.into(),
        })?;
    let saved = store::application(&mut tx, &caller.scope, id).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "teachers_title_application",
            format!(
                "{}申报{}（{}）",
                who.name,
                title_label(Some(input.series), input.level),
                round.name
            ),
        )
        .id(id.0)
        .institution(Some(who.institution_id))
        .after(&saved),
    )
    .await?;
    Ok(saved)
}

/// 评审结果: passed or not, with a comment (required when not).
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ReviewInput {
    pub passed: bool,
    #[serde(default)]
    pub comment: String,
}

/// Records the result of an application (人事科), a pass only within the
/// institution's places for the title.
pub async fn review(
    db: &Db,
    caller: &Caller,
    id: ApplicationId,
    input: &ReviewInput,
) -> Result<Application, AppError> {
    caller.require_bureau(WorkArea::Teachers)?;
    let comment = input.comment.trim();
    if !input.passed && comment.is_empty() {
        return Err(AppError::invalid("comment", "未通过时请填写评审意见"));
    }
    if comment.chars().count() > 200 {
        return Err(AppError::invalid("comment", "评审意见不超过 200 个字"));
    }
    let mut tx = db.begin().await?;
    let before = store::application(&mut tx, &caller.scope, id).await?;
    let round = store::round(&mut tx, before.round_id).await?;
    open(&round)?;
    let status = if input.passed {
        ApplicationStatus::Passed
    } else {
        ApplicationStatus::Failed
    };
    if input.passed && before.status != ApplicationStatus::Passed {
        let (inst, series, level) = (before.institution_id, before.series, before.level);
        let places = store::places(&mut tx, round.id, inst, series, level).await?;
        let passed = store::passed(&mut tx, round.id, inst, series, level).await?;
        rules::check_quota(&title_label(Some(series), level), places, passed)
            .map_err(AppError::Conflict)?;
    }
    store::review(&mut tx, id, status, comment, &caller.who.username).await?;
    let after = store::application(&mut tx, &caller.scope, id).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "teachers_title_application",
            format!(
                "{}申报{}：评审{}",
                after.staff_name,
                title_label(Some(after.series), after.level),
                status.label()
            ),
        )
        .id(id.0)
        .institution(Some(after.institution_id))
        .before(&before.status)
        .after(&after.status),
    )
    .await?;
    Ok(after)
}
