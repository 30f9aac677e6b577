//! Pure rules of the analytics: age bands of learners, months as the
//! monthly report (新市民教育培训月报) names them, years as date spans.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

platform::text_enum! {
    /// A learner's age band (年龄段) on a day.
    pub enum AgeBand {
        Under18 = "under18" "18岁以下",
        Young = "18_34" "18–34岁",
        Middle = "35_59" "35–59岁",
        Senior = "60_69" "60–69岁",
        Elder = "70plus" "70岁及以上",
    }
}

/// Full years of age on `on` of someone born on `born` (0 before birth).
pub fn age(born: NaiveDate, on: NaiveDate) -> i64 {
    let mut years = i64::from(on.year() - born.year());
    if (on.month(), on.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    years.max(0)
}

/// The band of an age in years.
pub fn band(age: i64) -> AgeBand {
    match age {
        ..=17 => AgeBand::Under18,
        18..=34 => AgeBand::Young,
        35..=59 => AgeBand::Middle,
        60..=69 => AgeBand::Senior,
        _ => AgeBand::Elder,
    }
}

/// A calendar month (报告月份).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// The month of a day.
    pub fn of(day: NaiveDate) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    /// `2026-03` or `2026-3`; None for anything else.
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.trim().split_once('-')?;
        if y.len() != 4 || m.is_empty() || m.len() > 2 {
            return None;
        }
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        NaiveDate::from_ymd_opt(year, month, 1)?;
        Some(Month { year, month })
    }

    /// The first and last day of the month.
    pub fn span(self) -> (NaiveDate, NaiveDate) {
        let first = NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default();
        let next = self.next();
        let last = NaiveDate::from_ymd_opt(next.year, next.month, 1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(first);
        (first, last)
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                month: self.month + 1,
                ..self
            }
        }
    }

    /// `2026-03` as the query string takes it.
    pub fn key(self) -> String {
        format!("{}-{:02}", self.year, self.month)
    }

    /// `2026年3月` as the report's title says.
    pub fn label(self) -> String {
        format!("{}年{}月", self.year, self.month)
    }
}

/// The first and last day of `year`.
pub fn year_span(year: i64) -> Option<(NaiveDate, NaiveDate)> {
    let y = i32::try_from(year).ok()?;
    Some((
        NaiveDate::from_ymd_opt(y, 1, 1)?,
        NaiveDate::from_ymd_opt(y, 12, 31)?,
    ))
}

/// Hours of learning from minutes, to one decimal (for reports).
pub fn hours(minutes: i64) -> f64 {
    (minutes as f64 / 6.0).round() / 10.0
}

#[cfg(test)]
#[path = "analytics_tests.rs"]
mod tests;
