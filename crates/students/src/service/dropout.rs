//! Dropout control (控辍保学): the comparison of the household register with
//! the enrolments, the cases it opens, their cause, responsible person, home
//! visits and closure. Every change is one transaction with its audit entry.

mod assign;
mod cases;
mod export;
mod import;
mod rates;
mod register_row;

pub use assign::{assign, Assignment};
pub use cases::{add_visit, close, update, CaseDetail, CaseUpdate, CloseRequest};
pub use export::cases_workbook;
pub use import::{import_children, RegisterImportOutcome};
pub use rates::{rates, rates_workbook, CohortRow, RateRow, Rates, StageRates, DEFINITIONS};
pub use register_row::CHILD_COLUMNS;

use chrono::{Datelike, NaiveDate};
use platform::audit::{self, Entry};
use platform::auth::{Caller, WorkArea};
use platform::db::{Db, DbError};
use platform::AppError;
use serde::Serialize;

use super::{school_year_of, today};
use crate::domain::Stage;
use crate::store::dropout::{self as store, BirthRange};

/// The audit log's name for dropout cases.
pub const ENTITY: &str = "dropout_case";

/// An audit entry on dropout cases.
fn case_entry(action: &'static str, summary: String) -> Entry {
    Entry::new(action, ENTITY, summary)
}

/// The cause written on cases the scan opens.
pub const SCAN_CAUSE: &str = "未入学（户籍比对发现）";
/// The stages of compulsory education that the scan and the rates cover.
pub const COMPULSORY: [Stage; 2] = [Stage::Primary, Stage::Junior];

/// Birth dates (inclusive) of the children of school age for `stage` in
/// the school year starting in `year`: the same test as
/// [`crate::domain::dropout::of_school_age`], as a range SQL can use.
pub fn birth_range(year: i64, stage: Stage) -> BirthRange {
    let ages = stage.school_ages();
    let y = |n: i64| i32::try_from(year - n).unwrap_or(1900);
    // Age a on 31 August of `year` means born from 1 September of
    // year - a - 1 to 31 August of year - a.
    BirthRange {
        from: NaiveDate::from_ymd_opt(y(*ages.end() + 1), 9, 1).unwrap_or(NaiveDate::MIN),
        to: NaiveDate::from_ymd_opt(y(*ages.start()), 8, 31).unwrap_or(NaiveDate::MIN),
    }
}

/// The school year asked for, or the current one; refused when absurd.
pub fn school_year_or_current(y: Option<i64>) -> Result<i64, AppError> {
    match y {
        None => Ok(school_year_of(today())),
        Some(y) if (2000..=today().year() as i64 + 1).contains(&y) => Ok(y),
        Some(y) => Err(AppError::invalid(
            "school_year",
            format!("学年 {y} 无效：应为 2000 年至明年之间的起始年份，如 2025 表示 2025—2026 学年"),
        )),
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ScanOutcome {
    pub school_year: i64,
    /// How many cases the scan opened.
    pub opened: u64,
    /// How many open cases without a school it assigned to their
    /// catchment school (学区); the rest stay 未分派.
    pub assigned: u64,
}

/// 户籍比对: opens a case for every registered child of primary or junior
/// school age in `school_year` who is not enrolled and has no open case (nor
/// one settled this school year as vocational or otherwise closed).
pub async fn scan(
    db: &Db,
    caller: &Caller,
    school_year: Option<i64>,
) -> Result<ScanOutcome, AppError> {
    caller.require_bureau(WorkArea::Dropout)?;
    let year = school_year_or_current(school_year)?;
    let ranges: Vec<BirthRange> = COMPULSORY.iter().map(|s| birth_range(year, *s)).collect();
    let mut tx = db.begin().await?;
    let year_start = chrono::NaiveDate::from_ymd_opt(year as i32, 9, 1).unwrap_or_else(today);
    let opened =
        match store::open_cases_from_register(&mut tx, &ranges, SCAN_CAUSE, today(), year_start)
            .await
        {
            Ok(n) => n,
            Err(DbError::Unique(_)) => {
                return Err(AppError::Conflict(
                    "另一次户籍比对正在进行，请稍后再试".into(),
                ))
            }
            Err(e) => return Err(e.into()),
        };
    let assigned = assign::from_catchments(&mut tx, year).await?;
    let outcome = ScanOutcome {
        school_year: year,
        opened,
        assigned,
    };
    audit::record(
        &mut tx,
        &caller.who,
        case_entry(
            "create",
            format!(
                "{year}—{} 学年户籍比对：新立案 {opened} 件，按学区分派 {assigned} 件",
                year + 1
            ),
        )
        .after(&outcome),
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dropout::of_school_age;

    #[test]
    fn birth_ranges_agree_with_the_age_rule() {
        let start = NaiveDate::from_ymd_opt(2008, 1, 1).unwrap();
        for year in [2024i64, 2025, 2026] {
            for stage in COMPULSORY {
                let r = birth_range(year, stage);
                let mut d = start;
                while d.year() < 2023 {
                    let inside = d >= r.from && d <= r.to;
                    assert_eq!(
                        inside,
                        of_school_age(d, year as i32, stage),
                        "{d} {year} {stage:?}"
                    );
                    d = d.succ_opt().unwrap();
                }
            }
        }
        let p = birth_range(2026, Stage::Primary);
        assert_eq!(p.to, NaiveDate::from_ymd_opt(2020, 8, 31).unwrap());
        assert_eq!(p.from, NaiveDate::from_ymd_opt(2014, 9, 1).unwrap());
    }
}
