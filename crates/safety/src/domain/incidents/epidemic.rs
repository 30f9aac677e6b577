//! 疫情报告: a disease event at an institution, its daily reports, and its
//! end: an event ends once a full observation period (the disease's longest
//! incubation) has passed after the last case without a new one.

use chrono::{Duration, NaiveDate};
use platform::FieldError;
use serde::{Deserialize, Serialize};

platform::text_enum! {
    /// 病种.
    pub enum Disease {
        Influenza = "influenza" "流行性感冒",
        Norovirus = "norovirus" "诺如病毒感染",
        Hfmd = "hfmd" "手足口病",
        Varicella = "varicella" "水痘",
        Mumps = "mumps" "流行性腮腺炎",
        Other = "other" "其他传染病",
    }
}

/// The most observation days an event may be given.
pub const MAX_OBSERVATION_DAYS: i64 = 60;

impl Disease {
    /// Observation days after the last case before an event may end: the
    /// disease's longest incubation period (诺如 72 小时, 流感 a week, 手足口病
    /// 10 days, 水痘 21, 腮腺炎 25), two weeks when unknown.
    pub fn observation_days(self) -> i64 {
        match self {
            Disease::Influenza => 7,
            Disease::Norovirus => 3,
            Disease::Hfmd => 10,
            Disease::Varicella => 21,
            Disease::Mumps => 25,
            Disease::Other => 14,
        }
    }
}

/// A new event as reported.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
pub struct EpidemicInput {
    pub disease: Disease,
    /// 首例病例发病日期.
    pub first_case_on: NaiveDate,
    /// Observation days (the disease's own when left out).
    #[serde(default)]
    pub observation_days: Option<i64>,
    #[serde(default)]
    pub note: String,
}

impl EpidemicInput {
    /// The observation days the event keeps.
    pub fn observation(&self) -> i64 {
        self.observation_days
            .unwrap_or_else(|| self.disease.observation_days())
    }

    pub fn check(&self, today: NaiveDate) -> Vec<FieldError> {
        let mut e = Vec::new();
        if self.first_case_on > today {
            e.push(FieldError::new("first_case_on", "首例发病日期不能晚于今天"));
        }
        let days = self.observation();
        if !(1..=MAX_OBSERVATION_DAYS).contains(&days) {
            e.push(FieldError::new(
                "observation_days",
                format!("观察期应在 1 至 {MAX_OBSERVATION_DAYS} 天之间，而不是 {days} 天"),
            ));
        }
        e
    }
}

/// One day's report of an event.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
pub struct EpidemicReport {
    pub reported_on: NaiveDate,
    /// 新增病例.
    pub new_cases: i64,
    /// 缺课人数.
    pub absent: i64,
    /// 涉及班级 (optional).
    #[serde(default)]
    pub classes: String,
}

impl EpidemicReport {
    /// A report falls between the first case and today, with counts not
    /// below zero.
    pub fn check(&self, first_case_on: NaiveDate, today: NaiveDate) -> Vec<FieldError> {
        let mut e = Vec::new();
        if self.reported_on < first_case_on {
            e.push(FieldError::new(
                "reported_on",
                format!("报告日期不能早于首例发病日期 {first_case_on}"),
            ));
        } else if self.reported_on > today {
            e.push(FieldError::new("reported_on", "报告日期不能晚于今天"));
        }
        for (key, label, n) in [
            ("new_cases", "新增病例", self.new_cases),
            ("absent", "缺课人数", self.absent),
        ] {
            if n < 0 {
                e.push(FieldError::new(key, format!("{label}不能为负数")));
            }
        }
        e
    }
}

/// The last day with a case: the first case's, or a later report's with
/// new cases.
pub fn last_case_on(first_case_on: NaiveDate, reports: &[(NaiveDate, i64)]) -> NaiveDate {
    reports
        .iter()
        .filter(|(_, cases)| *cases > 0)
        .map(|(on, _)| *on)
        .fold(first_case_on, NaiveDate::max)
}

/// The first day an event whose last case was on `last_case_on` may end.
pub fn may_end_on(last_case_on: NaiveDate, observation_days: i64) -> NaiveDate {
    last_case_on + Duration::days(observation_days)
}

/// Whether the event may end on `on` (not after `today`).
pub fn check_end(
    last_case_on: NaiveDate,
    observation_days: i64,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<(), String> {
    let earliest = may_end_on(last_case_on, observation_days);
    if on > today {
        Err("结束日期不能晚于今天".to_string())
    } else if on < earliest {
        Err(format!(
            "末例病例（{last_case_on}）后须观察 {observation_days} 天无新发病例，最早 {earliest} 方可结束"
        ))
    } else {
        Ok(())
    }
}
