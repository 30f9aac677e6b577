//! 学期: the term a run pays for, its census date and how many periods of
//! each kind it holds.

use chrono::{Duration, NaiveDate};
use platform::FieldError;
use serde::{Deserialize, Serialize};

use super::kinds::Period;

/// A term as the run request gives it.
#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TermInput {
    /// 学年 (the year it starts in September): 2025 = 2025—2026学年.
    pub school_year: i64,
    /// 1 = 第一学期（秋季）, 2 = 第二学期（春季）.
    pub half: i64,
    /// 开学日期.
    pub starts_on: NaiveDate,
    /// 学期周数 (for programs paid per week).
    pub weeks: i64,
    /// 在校天数 (for programs paid per school day).
    pub school_days: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub school_year: i64,
    pub half: i64,
    pub starts_on: NaiveDate,
    pub weeks: i64,
    pub school_days: i64,
}

/// Which day of term decides where a student belongs.
pub const CENSUS_DAY: i64 = 30;

impl TermInput {
    /// The school year under way on `day` and the half it is in (the
    /// autumn term runs into January).
    pub fn current(day: NaiveDate) -> (i64, i64) {
        let t = platform::vocab::Term::of(day);
        (t.year.0, t.half.number())
    }

    pub fn validate(&self) -> Result<Term, Vec<FieldError>> {
        let mut e = Vec::new();
        if !(2000..=2100).contains(&self.school_year) {
            e.push(FieldError::new("school_year", "学年无效"));
        }
        if !(1..=2).contains(&self.half) {
            e.push(FieldError::new(
                "half",
                "学期应为 1（第一学期）或 2（第二学期）",
            ));
        }
        // 第一学期 starts from August to December, 第二学期 from January
        // to July of the next calendar year.
        let y = self.school_year as i32;
        let (from, to) = if self.half == 2 {
            (
                NaiveDate::from_ymd_opt(y + 1, 1, 1),
                NaiveDate::from_ymd_opt(y + 1, 7, 31),
            )
        } else {
            (
                NaiveDate::from_ymd_opt(y, 8, 1),
                NaiveDate::from_ymd_opt(y, 12, 31),
            )
        };
        if let (Some(from), Some(to)) = (from, to) {
            if self.starts_on < from || self.starts_on > to {
                e.push(FieldError::new(
                    "starts_on",
                    format!(
                        "{}的开学日期应在 {from} 至 {to} 之间",
                        label(key(self.school_year, self.half))
                    ),
                ));
            }
        }
        if !(1..=30).contains(&self.weeks) {
            e.push(FieldError::new("weeks", "学期周数应在 1 至 30 之间"));
        }
        if !(1..=150).contains(&self.school_days) {
            e.push(FieldError::new("school_days", "在校天数应在 1 至 150 之间"));
        }
        if e.is_empty() {
            Ok(Term {
                school_year: self.school_year,
                half: self.half,
                starts_on: self.starts_on,
                weeks: self.weeks,
                school_days: self.school_days,
            })
        } else {
            Err(e)
        }
    }
}

impl Term {
    /// The key stored in the ledger: 20251 = 2025—2026学年第一学期.
    pub fn key(&self) -> i64 {
        key(self.school_year, self.half)
    }

    pub fn label(&self) -> String {
        label(self.key())
    }

    /// 统计基准日: the 30th day of term. A student is assigned to the school
    /// of the enrolment active on this day (entered on or before it, not
    /// left before or on it); a student who moved school later in the term
    /// is paid once, by the school they were in on that day.
    pub fn census_date(&self) -> NaiveDate {
        self.starts_on + Duration::days(CENSUS_DAY - 1)
    }

    /// How many periods of `p` this term pays. Per-year amounts are paid in
    /// full in the first term of the school year and not in the second.
    pub fn units(&self, p: Period) -> i64 {
        match p {
            Period::Year => i64::from(self.half == 1),
            Period::Term => 1,
            Period::Week => self.weeks,
            Period::Day => self.school_days,
        }
    }
}

pub fn key(school_year: i64, half: i64) -> i64 {
    school_year * 10 + half
}

/// "2025—2026学年第一学期".
pub fn label(key: i64) -> String {
    platform::vocab::Term::from_key(key)
        .map(|t| t.label())
        .unwrap_or_else(|| format!("学期 {key}"))
}

/// "2025年秋季学期（2025—2026学年第一学期）": the name people use first.
pub fn name(key: i64) -> String {
    let (year, half) = (key / 10, key % 10);
    let season = match half {
        1 => format!("{year}年秋季学期"),
        2 => format!("{}年春季学期", year + 1),
        _ => return label(key),
    };
    format!("{season}（{}）", label(key))
}

/// The terms offered in a drop-down as (key, name), newest first: from the
/// school year after `current` back `years_back` school years.
pub fn choices(current: i64, years_back: i64) -> Vec<(String, String)> {
    (current - years_back..=current + 1)
        .rev()
        .flat_map(|y| [key(y, 2), key(y, 1)])
        .map(|k| (k.to_string(), name(k)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_offered_by_name() {
        assert_eq!(name(20251), "2025年秋季学期（2025—2026学年第一学期）");
        assert_eq!(name(20252), "2026年春季学期（2025—2026学年第二学期）");
        let c = choices(2025, 1);
        assert_eq!(c.len(), 6);
        assert_eq!(c[0].0, "20262");
        assert_eq!(c[3].0, "20251");
        assert_eq!(c[5].0, "20241");
    }

    fn term(half: i64) -> Term {
        let starts_on = if half == 1 {
            NaiveDate::from_ymd_opt(2025, 9, 1)
        } else {
            NaiveDate::from_ymd_opt(2026, 2, 20)
        };
        TermInput {
            school_year: 2025,
            half,
            starts_on: starts_on.unwrap(),
            weeks: 20,
            school_days: 100,
        }
        .validate()
        .unwrap()
    }

    #[test]
    fn census_is_the_thirtieth_day() {
        assert_eq!(
            term(1).census_date(),
            NaiveDate::from_ymd_opt(2025, 9, 30).unwrap()
        );
        assert_eq!(term(1).label(), "2025—2026学年第一学期");
    }

    #[test]
    fn units_by_period() {
        assert_eq!(term(1).units(Period::Year), 1);
        assert_eq!(term(2).units(Period::Year), 0);
        assert_eq!(term(1).units(Period::Week), 20);
        assert_eq!(term(1).units(Period::Day), 100);
    }

    #[test]
    fn the_current_term_and_each_half_s_dates() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(TermInput::current(d(1, 10)), (2025, 1));
        assert_eq!(TermInput::current(d(3, 1)), (2025, 2));
        assert_eq!(TermInput::current(d(9, 1)), (2026, 1));
        let spring_in_autumn = TermInput {
            school_year: 2025,
            half: 2,
            starts_on: NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
            weeks: 20,
            school_days: 100,
        };
        let e = spring_in_autumn.validate().unwrap_err();
        assert!(
            e[0].message.contains("第二学期的开学日期应在 2026-01-01"),
            "{e:?}"
        );
    }

    #[test]
    fn bad_terms_are_refused() {
        let mut t = TermInput {
            school_year: 2025,
            half: 3,
            starts_on: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
            weeks: 0,
            school_days: 0,
        };
        assert_eq!(t.validate().unwrap_err().len(), 4);
        t.half = 1;
        t.starts_on = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
        t.weeks = 20;
        t.school_days = 100;
        assert!(t.validate().is_ok());
    }
}
