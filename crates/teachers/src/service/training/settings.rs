//! 继续教育设置: the first year of the current cycle and the hours required
//! per cycle, changed by leadership or 人事科, each change audited.

use platform::audit::{self, Entry};
use platform::auth::{Caller, Role, Section, WorkArea};
use platform::db::{Db, Ex};
use platform::{settings, AppError, FieldError};
use serde::{Deserialize, Serialize};

use crate::domain::training::{parse_first_year, parse_required_hours, Requirement};
use crate::settings::{CE_CYCLE_FIRST_YEAR, CE_REQUIRED_HOURS};

/// The continuing-education settings as the form shows and sends them.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct CeSettings {
    pub cycle_first_year: i32,
    pub required_hours: i64,
}

async fn stored<'a>(ex: impl Into<Ex<'a>>) -> Result<CeSettings, AppError> {
    let mut ex = ex.into();
    let year = settings::get(&mut ex, &CE_CYCLE_FIRST_YEAR).await?;
    let hours = settings::get(&mut ex, &CE_REQUIRED_HOURS).await?;
    Ok(CeSettings {
        cycle_first_year: parse_first_year(&year).unwrap_or(2022),
        required_hours: parse_required_hours(&hours).unwrap_or(360),
    })
}

/// What is required today.
pub async fn requirement(db: &Db) -> Result<Requirement, AppError> {
    requirement_on(db, platform::time::today()).await
}

pub async fn requirement_on(db: &Db, day: chrono::NaiveDate) -> Result<Requirement, AppError> {
    let s = stored(db).await?;
    Ok(Requirement::on(s.cycle_first_year, s.required_hours, day))
}

pub async fn get(db: &Db, caller: &Caller) -> Result<CeSettings, AppError> {
    caller.reader(db, WorkArea::Teachers)?;
    stored(db).await
}

/// Who may change them: leadership and 人事科.
pub fn may_change(caller: &Caller) -> bool {
    matches!(
        caller.role,
        Role::Leadership | Role::Section(Section::Personnel)
    )
}

pub async fn set(db: &Db, caller: &Caller, new: &CeSettings) -> Result<CeSettings, AppError> {
    caller.require_bureau(WorkArea::Teachers)?;
    if !may_change(caller) {
        return Err(AppError::Forbidden);
    }
    let mut errors = Vec::new();
    if let Err(m) = parse_first_year(&new.cycle_first_year.to_string()) {
        errors.push(FieldError::new("cycle_first_year", m));
    }
    if let Err(m) = parse_required_hours(&new.required_hours.to_string()) {
        errors.push(FieldError::new("required_hours", m));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = db.begin().await?;
    let before = stored(&mut tx).await?;
    let by = caller.who.user_id;
    settings::set(
        &mut tx,
        &CE_CYCLE_FIRST_YEAR,
        &new.cycle_first_year.to_string(),
        by,
    )
    .await?;
    settings::set(
        &mut tx,
        &CE_REQUIRED_HOURS,
        &new.required_hours.to_string(),
        by,
    )
    .await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "teachers_ce_settings",
            format!(
                "继续教育设置：本周期起始年份 {}，每周期 {} 学时",
                new.cycle_first_year, new.required_hours
            ),
        )
        .before(&before)
        .after(new),
    )
    .await?;
    Ok(new.clone())
}
