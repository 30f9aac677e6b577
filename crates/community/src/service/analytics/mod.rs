//! Services of the analytics: participation by street, age band and course
//! type; the monthly report (新市民教育培训月报); the start page's key
//! figures; the area's indicators.

pub mod indicators;

use chrono::{Datelike, NaiveDate};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;
use serde::Serialize;

pub use indicators::INDICATORS;

use crate::domain::activities::TrainingKind;
use crate::domain::analytics::{age, band, hours, year_span, AgeBand, Month};
use crate::store::analytics::{self as store, ByBirth, KeyFigures, Participation, ReportRow};

/// The course types of the shared courses table, with their labels.
pub const COURSE_KINDS: &[(&str, &str)] = &[
    ("culture", "文化素养"),
    ("health", "健康养生"),
    ("arts", "艺术修养"),
    ("skills", "技能培训"),
    ("digital", "数字素养"),
    ("parenting", "家庭教育"),
    ("citizenship", "公民素养"),
    ("other", "其他"),
];

/// The label of a course or training kind as reports show it.
pub fn kind_label(key: &str) -> String {
    COURSE_KINDS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, l)| (*l).to_string())
        .or_else(|| TrainingKind::parse(key).map(|k| k.label().to_string()))
        .unwrap_or_else(|| key.to_string())
}

/// Participation in a month by street, age band and course type.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ParticipationReport {
    pub month: Month,
    pub by_street: Vec<Participation>,
    pub by_age: Vec<Participation>,
    pub by_course_kind: Vec<Participation>,
}

pub async fn participation(
    db: &Db,
    caller: &Caller,
    month: Month,
) -> Result<ParticipationReport, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    let span = month.span();
    let by_street = store::by_street(db, &caller.scope, span).await?;
    let births = store::by_birth(db, &caller.scope, span).await?;
    let mut by_course_kind = store::by_course_kind(db, &caller.scope, span).await?;
    for p in &mut by_course_kind {
        p.label = kind_label(&p.key);
    }
    Ok(ParticipationReport {
        month,
        by_street,
        by_age: age_bands(&births, span.1),
        by_course_kind,
    })
}

/// The learners born on each day put in their age band on `on` (every
/// band listed, in order).
pub fn age_bands(births: &[ByBirth], on: NaiveDate) -> Vec<Participation> {
    AgeBand::ALL
        .iter()
        .map(|b| {
            let mut p = Participation {
                key: b.as_str().into(),
                label: b.label().into(),
                learners: 0,
                attendances: 0,
                minutes: 0,
            };
            for r in births.iter().filter(|r| band(age(r.birth_date, on)) == *b) {
                p.learners += r.learners;
                p.attendances += r.attendances;
                p.minutes += r.minutes;
            }
            p
        })
        .collect()
}

/// One row of the monthly report.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct MonthlyRow {
    pub township: String,
    pub kind: String,
    /// 人次
    pub attendances: i64,
    /// Hours of learning (learner-hours), to one decimal.
    pub hours: f64,
}

/// 新市民教育培训月报: a row per street and kind, then the total.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MonthlyReport {
    pub month: Month,
    pub rows: Vec<MonthlyRow>,
    pub total_attendances: i64,
    pub total_hours: f64,
}

pub async fn monthly(db: &Db, caller: &Caller, month: Month) -> Result<MonthlyReport, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    let rows = store::report_rows(db, &caller.scope, month.span()).await?;
    Ok(monthly_report(month, &rows))
}

fn monthly_report(month: Month, rows: &[ReportRow]) -> MonthlyReport {
    let minutes: i64 = rows.iter().map(|r| r.minutes).sum();
    MonthlyReport {
        month,
        rows: rows
            .iter()
            .map(|r| MonthlyRow {
                township: r.township_name.clone(),
                kind: kind_label(&r.kind),
                attendances: r.attendances,
                hours: hours(r.minutes),
            })
            .collect(),
        total_attendances: rows.iter().map(|r| r.attendances).sum(),
        total_hours: hours(minutes),
    }
}

/// The start page's figures on `today`: this month's learning, this year's
/// training.
pub async fn key_figures(
    db: &Db,
    caller: &Caller,
    today: NaiveDate,
) -> Result<KeyFigures, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    let year = year_span(i64::from(today.year())).ok_or(AppError::NotFound)?;
    Ok(store::key_figures(db, &caller.scope, Month::of(today).span(), year).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn birth(y: i32, learners: i64) -> ByBirth {
        ByBirth {
            birth_date: NaiveDate::from_ymd_opt(y, 6, 1).unwrap(),
            learners,
            attendances: learners * 3,
            minutes: learners * 90,
        }
    }

    #[test]
    fn learners_fall_in_their_bands_and_every_band_is_listed() {
        let on = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        let bands = age_bands(
            &[
                birth(1950, 2),
                birth(1960, 1),
                birth(1961, 4),
                birth(2010, 5),
            ],
            on,
        );
        let got: Vec<_> = bands
            .iter()
            .map(|b| (b.key.as_str(), b.learners, b.attendances))
            .collect();
        assert_eq!(
            got,
            [
                ("under18", 5, 15),
                ("18_34", 0, 0),
                ("35_59", 0, 0),
                ("60_69", 5, 15),
                ("70plus", 2, 6)
            ]
        );
        assert_eq!(bands[4].minutes, 180);
    }

    #[test]
    fn the_monthly_report_labels_kinds_and_adds_up() {
        let row = |t: &str, kind: &str, a: i64, m: i64| ReportRow {
            township_code: t.into(),
            township_name: format!("镇{t}"),
            kind: kind.into(),
            attendances: a,
            minutes: m,
        };
        let r = monthly_report(
            Month {
                year: 2026,
                month: 3,
            },
            &[
                row("1", "digital", 10, 900),
                row("1", "vocational", 40, 9600),
                row("2", "x", 1, 30),
            ],
        );
        let kinds: Vec<_> = r.rows.iter().map(|r| (r.kind.as_str(), r.hours)).collect();
        assert_eq!(
            kinds,
            [("数字素养", 15.0), ("职业技能培训", 160.0), ("x", 0.5)]
        );
        assert_eq!((r.total_attendances, r.total_hours), (51, 175.5));
        assert_eq!(kind_label("early"), "0–3岁早教指导");
    }
}
