//! Dropout control (控辍保学): case states, visits, and the enrolment and
//! retention rates by township, computed exactly in integers.

use chrono::{Datelike, NaiveDate};
use platform::vocab::{Checker, Field};
use platform::FieldError;
use serde::{Deserialize, Serialize};

use super::dates::parse_date;
use super::Stage;

platform::text_enum! {
    /// The state of a dropout-control case.
    pub enum CaseStatus {
        /// 劝返中
        Open = "open" "劝返中",
        /// 已复学
        Returned = "returned" "已复学",
        /// 转入职业学校
        Vocational = "vocational" "转入职业学校",
        /// 其他结案（如随迁离开本区、因病缓学经批准）
        Closed = "closed" "其他结案",
    }
}

/// A home visit (家访) as entered.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct VisitInput {
    pub date: String,
    pub visitor: String,
    pub outcome: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Visit {
    pub date: NaiveDate,
    pub visitor: String,
    pub outcome: String,
}

impl VisitInput {
    pub fn check(&self, opened_on: NaiveDate, today: NaiveDate) -> Result<Visit, Vec<FieldError>> {
        let mut e = Vec::new();
        let date = parse_date(&self.date);
        match date {
            None => e.push(FieldError::new("date", "请填写家访日期，如 2026-03-14")),
            Some(d) if d > today => e.push(FieldError::new("date", "家访日期不能晚于今天")),
            Some(d) if d < opened_on => e.push(FieldError::new(
                "date",
                format!("家访日期不能早于立案日期 {opened_on}"),
            )),
            _ => {}
        }
        let mut c = Checker::new();
        c.extend(e);
        let visitor = c.required(Field::new("visitor", "家访人"), &self.visitor);
        let outcome = c.required(Field::new("outcome", "家访情况"), &self.outcome);
        c.finish(Visit {
            date: date.unwrap_or(today),
            visitor: visitor.into(),
            outcome: outcome.into(),
        })
    }
}

/// Closing a case: returned to school, moved to a vocational school, or
/// closed otherwise.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CloseInput {
    pub status: String,
    pub date: String,
    pub outcome: String,
}

pub fn check_close(
    input: &CloseInput,
    current: CaseStatus,
    opened_on: NaiveDate,
    today: NaiveDate,
) -> Result<(CaseStatus, NaiveDate, String), Vec<FieldError>> {
    let mut e = Vec::new();
    if current != CaseStatus::Open {
        e.push(FieldError::new(
            "status",
            format!("该案件已结案（{}）", current.label()),
        ));
    }
    let status = CaseStatus::parse(&input.status).filter(|s| *s != CaseStatus::Open);
    if status.is_none() {
        e.push(FieldError::new(
            "status",
            "请选择结案方式：已复学、转入职业学校 或 其他结案",
        ));
    }
    let date = parse_date(&input.date).filter(|d| *d <= today && *d >= opened_on);
    if date.is_none() {
        e.push(FieldError::new(
            "date",
            format!("结案日期应在立案日期 {opened_on} 与今天之间"),
        ));
    }
    let mut c = Checker::new();
    c.extend(e);
    let outcome = c.required(Field::new("outcome", "结案情况"), &input.outcome);
    c.finish((
        status.unwrap_or(CaseStatus::Closed),
        date.unwrap_or(today),
        outcome.into(),
    ))
}

/// Age in whole years on 31 August of the school year starting in `year`
/// (the cut-off for school entry).
pub fn age_at_school_year(birth: NaiveDate, year: i32) -> i64 {
    let cutoff = NaiveDate::from_ymd_opt(year, 8, 31).unwrap_or(birth);
    let mut age = (cutoff.year() - birth.year()) as i64;
    if (birth.month(), birth.day()) > (cutoff.month(), cutoff.day()) {
        age -= 1;
    }
    age
}

/// Whether a child of this birth date is of compulsory-school age for
/// `stage` in the school year starting in `year`.
pub fn of_school_age(birth: NaiveDate, year: i32, stage: Stage) -> bool {
    stage
        .school_ages()
        .contains(&age_at_school_year(birth, year))
}

/// A rate in hundredths of a percent (9882 = 98.82%), rounded half up,
/// computed in integers so 1680/1700 is exactly 98.82%.
pub fn rate_hundredths(numerator: i64, denominator: i64) -> Option<i64> {
    if denominator <= 0 || numerator < 0 {
        return None;
    }
    Some((numerator * 20_000 + denominator) / (2 * denominator))
}

/// "98.82%"; "—" when there is nothing to divide by.
pub fn format_rate(hundredths: Option<i64>) -> String {
    match hundredths {
        Some(h) => format!("{}.{:02}%", h / 100, h % 100),
        None => "—".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn case_statuses_round_trip_with_their_labels() {
        platform::text_enum::assert_keys_and_labels_parse_back::<CaseStatus>();
        assert_eq!(CaseStatus::Vocational.as_str(), "vocational");
        assert_eq!(CaseStatus::Open.label(), "劝返中");
        assert_eq!(CaseStatus::parse(" 已复学 "), Some(CaseStatus::Returned));
        assert_eq!(
            serde_json::to_string(&CaseStatus::Closed).unwrap(),
            "\"closed\""
        );
    }

    #[test]
    fn the_seed_figures() {
        // 001: 初中入学率达98.82%, 小学入学率达99.98%
        assert_eq!(format_rate(rate_hundredths(1680, 1700)), "98.82%");
        assert_eq!(format_rate(rate_hundredths(4891, 4892)), "99.98%");
        assert_eq!(format_rate(rate_hundredths(0, 0)), "—");
        assert_eq!(format_rate(rate_hundredths(5, 5)), "100.00%");
    }

    #[test]
    fn school_age_uses_the_31_august_cutoff() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(age_at_school_year(d(2020, 8, 31), 2026), 6);
        assert_eq!(age_at_school_year(d(2020, 9, 1), 2026), 5);
        assert!(of_school_age(d(2020, 8, 31), 2026, Stage::Primary));
        assert!(!of_school_age(d(2020, 9, 1), 2026, Stage::Primary));
        assert!(of_school_age(d(2013, 5, 1), 2026, Stage::Junior));
    }

    #[test]
    fn closing_needs_a_final_status_and_a_date_in_range() {
        let opened = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let ok = CloseInput {
            status: "已复学".into(),
            date: "2026-04-01".into(),
            outcome: "经三次家访已返校".into(),
        };
        assert_eq!(
            check_close(&ok, CaseStatus::Open, opened, today).unwrap().0,
            CaseStatus::Returned
        );
        assert!(check_close(&ok, CaseStatus::Returned, opened, today).is_err());
        let early = CloseInput {
            date: "2026-02-01".into(),
            ..ok.clone()
        };
        assert!(check_close(&early, CaseStatus::Open, opened, today).is_err());
    }

    proptest! {
        #[test]
        fn rates_stay_within_bounds(den in 1i64..10_000_000, frac in 0.0f64..=1.0) {
            let num = ((den as f64) * frac) as i64;
            let r = rate_hundredths(num, den).unwrap();
            prop_assert!((0..=10_000).contains(&r));
        }
    }
}
