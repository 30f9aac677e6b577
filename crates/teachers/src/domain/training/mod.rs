//! 继续教育 (continuing education): five-year cycles (周期), the hours a
//! teacher must earn in one, how many of them are due so far, and the
//! status of a teacher's progress. Pure rules; the compliance query in the
//! store applies the same thresholds in SQL.

use chrono::{Datelike, NaiveDate};

#[cfg(test)]
mod tests;

platform::typed_id!(
    /// A training project (培训项目).
    ProjectId
);
platform::typed_id!(
    /// A session (培训场次) of a training project.
    SessionId
);

/// A cycle lasts five calendar years.
pub const CYCLE_YEARS: i32 = 5;

/// The national minimum of hours per cycle (国家规定不少于360学时).
pub const NATIONAL_MINIMUM_HOURS: i64 = 360;

/// The most hours a bureau may require per cycle: a guard against typing
/// an extra digit.
pub const MAX_REQUIRED_HOURS: i64 = 2000;

/// One five-year cycle, from 1 January of `first_year` to 31 December of
/// the fifth year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Cycle {
    pub first_year: i32,
}

impl Cycle {
    /// The cycle `date` falls in, cycles following each other every five
    /// years before and after the one that starts in `anchor_year` (the
    /// bureau setting CE_CYCLE_FIRST_YEAR).
    pub fn containing(anchor_year: i32, date: NaiveDate) -> Cycle {
        let offset = (date.year() - anchor_year).div_euclid(CYCLE_YEARS);
        Cycle {
            first_year: anchor_year + offset * CYCLE_YEARS,
        }
    }

    pub fn last_year(self) -> i32 {
        self.first_year + CYCLE_YEARS - 1
    }

    /// 1 January of the first year.
    pub fn starts_on(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.first_year, 1, 1).unwrap_or(NaiveDate::MIN)
    }

    /// 31 December of the last year.
    pub fn ends_on(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.last_year(), 12, 31).unwrap_or(NaiveDate::MAX)
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        (self.first_year..=self.last_year()).contains(&date.year())
    }

    /// "2022—2026年周期".
    pub fn label(self) -> String {
        format!("{}—{}年周期", self.first_year, self.last_year())
    }

    /// Whole years of the cycle that have ended before `on`: 0 during the
    /// first year, 4 during the last, 5 once the cycle is over.
    pub fn years_ended(self, on: NaiveDate) -> i32 {
        (on.year() - self.first_year).clamp(0, CYCLE_YEARS)
    }
}

/// Hours due by now: the required hours pro rata over the years of the
/// cycle that have ended (rounded up). A teacher is not behind during the
/// first year; in the last year four fifths are due; the full amount once
/// the cycle is over. Years still running do not count, so a teacher whose
/// school holds its training late in the year is not reported in spring.
pub fn hours_due(required: i64, years_ended: i32) -> i64 {
    let years = i64::from(years_ended.clamp(0, CYCLE_YEARS));
    (required * years + i64::from(CYCLE_YEARS) - 1) / i64::from(CYCLE_YEARS)
}

platform::text_enum! {
    /// A teacher's progress in the cycle.
    pub enum Progress {
        /// The whole cycle's hours are earned.
        Met = "met" "达标",
        /// At least the hours due so far.
        OnTrack = "on_track" "进度正常",
        /// Fewer than the hours due so far.
        Behind = "behind" "进度落后",
    }
}

/// The status of `hours` earned against the cycle's `required` hours and
/// the hours `due` so far.
pub fn progress(hours: i64, required: i64, due: i64) -> Progress {
    if hours >= required {
        Progress::Met
    } else if hours >= due {
        Progress::OnTrack
    } else {
        Progress::Behind
    }
}

/// What the bureau requires on a given day: the cycle, its hours and the
/// hours due so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Requirement {
    pub cycle: Cycle,
    /// Hours required over the whole cycle.
    pub required: i64,
    /// Hours due by the day asked about.
    pub due: i64,
}

impl Requirement {
    pub fn on(anchor_year: i32, required: i64, date: NaiveDate) -> Requirement {
        let cycle = Cycle::containing(anchor_year, date);
        Requirement {
            cycle,
            required,
            due: hours_due(required, cycle.years_ended(date)),
        }
    }

    pub fn progress(&self, hours: i64) -> Progress {
        progress(hours, self.required, self.due)
    }
}

/// The first year of the current cycle as the settings page takes it.
pub fn parse_first_year(text: &str) -> Result<i32, String> {
    match text.trim().parse::<i32>() {
        Ok(y) if (2000..=2100).contains(&y) => Ok(y),
        _ => Err(format!(
            "周期起始年份“{}”无效：请填写 2000 至 2100 之间的四位年份",
            text.trim()
        )),
    }
}

/// The hours required per cycle as the settings page takes them.
pub fn parse_required_hours(text: &str) -> Result<i64, String> {
    match text.trim().parse::<i64>() {
        Ok(h) if (NATIONAL_MINIMUM_HOURS..=MAX_REQUIRED_HOURS).contains(&h) => Ok(h),
        _ => Err(format!(
            "每周期学时要求“{}”无效：请填写 {NATIONAL_MINIMUM_HOURS} 至 {MAX_REQUIRED_HOURS} 之间的整数（国家规定不少于 {NATIONAL_MINIMUM_HOURS} 学时）",
            text.trim()
        )),
    }
}

/// A training session as attendance is checked against it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionSpan {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub hours: i64,
}

/// Why an attendance cannot be credited as given: each field with its
/// message, in Chinese (none when it can).
pub fn check_attendance(
    session: SessionSpan,
    attended_on: NaiveDate,
    hours: i64,
) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    if attended_on < session.starts_on || attended_on > session.ends_on {
        problems.push((
            "attended_on",
            format!(
                "参训日期须在本场培训的日期之内（{} 至 {}）",
                session.starts_on, session.ends_on
            ),
        ));
    }
    if hours <= 0 || hours > session.hours {
        problems.push((
            "hours",
            format!(
                "学时须为 1 至 {} 之间的整数（本场培训共 {} 学时）",
                session.hours, session.hours
            ),
        ));
    }
    problems
}
