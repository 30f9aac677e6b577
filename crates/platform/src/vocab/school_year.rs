//! 学年 and 学期: the school year runs from 1 September to 31 August (the
//! span of the 教育事业统计 and of 学籍); its first term (第一学期, autumn)
//! runs from September to January, its second (第二学期, spring) from
//! February to August. One definition for every area, one way to write it:
//! "2026—2027学年第一学期".

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A school year, named by the calendar year it starts in (2026 =
/// 2026—2027学年).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
#[derive(utoipa::ToSchema)]
pub struct SchoolYear(pub i64);

/// The half of a school year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Half {
    /// 第一学期 (秋季)
    First,
    /// 第二学期 (春季)
    Second,
}

/// A term: a school year and its half.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Term {
    pub year: SchoolYear,
    pub half: Half,
}

/// The month the school year begins.
const FIRST_MONTH: u32 = 9;

impl SchoolYear {
    /// The school year under way on `day`.
    pub fn of(day: NaiveDate) -> SchoolYear {
        let y = i64::from(day.year());
        SchoolYear(if day.month() >= FIRST_MONTH { y } else { y - 1 })
    }

    /// The school year under way today in China.
    pub fn current() -> SchoolYear {
        SchoolYear::of(crate::time::today())
    }

    /// "2026—2027学年".
    pub fn label(self) -> String {
        format!("{}—{}学年", self.0, self.0 + 1)
    }

    /// 1 September, its first day.
    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(i32::try_from(self.0).ok()?, FIRST_MONTH, 1)
    }

    /// 31 August, its last day.
    pub fn last_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(i32::try_from(self.0 + 1).ok()?, FIRST_MONTH - 1, 31)
    }

    pub fn next(self) -> SchoolYear {
        SchoolYear(self.0 + 1)
    }

    /// Reads "2026", "2026—2027", "2026-2027学年" or "2026—2027学年"; the two
    /// years must follow each other.
    pub fn parse(text: &str) -> Option<SchoolYear> {
        let t = text.trim().trim_end_matches("学年").trim();
        let mut parts = t.split(['—', '-', '–', '/']).map(str::trim);
        let first: i64 = parts.next()?.parse().ok()?;
        let second = parts.next().map(|s| s.parse::<i64>().ok());
        if parts.next().is_some() || !(1949..=2200).contains(&first) {
            return None;
        }
        match second {
            None => Some(SchoolYear(first)),
            Some(Some(s)) if s == first + 1 => Some(SchoolYear(first)),
            Some(_) => None,
        }
    }
}

impl std::fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}

impl Half {
    /// 1 or 2, as stored.
    pub fn number(self) -> i64 {
        match self {
            Half::First => 1,
            Half::Second => 2,
        }
    }

    pub fn from_number(n: i64) -> Option<Half> {
        match n {
            1 => Some(Half::First),
            2 => Some(Half::Second),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Half::First => "第一学期",
            Half::Second => "第二学期",
        }
    }
}

impl Term {
    /// The term under way on `day`: September–January is the first,
    /// February–August the second.
    pub fn of(day: NaiveDate) -> Term {
        let half = if day.month() >= FIRST_MONTH || day.month() == 1 {
            Half::First
        } else {
            Half::Second
        };
        Term {
            year: SchoolYear::of(day),
            half,
        }
    }

    /// The term under way today in China.
    pub fn current() -> Term {
        Term::of(crate::time::today())
    }

    /// The stored key: year × 10 + half (20261 = 2026—2027学年第一学期).
    pub fn key(self) -> i64 {
        self.year.0 * 10 + self.half.number()
    }

    pub fn from_key(key: i64) -> Option<Term> {
        Some(Term {
            year: SchoolYear(key.div_euclid(10)),
            half: Half::from_number(key.rem_euclid(10))?,
        })
    }

    /// "2026—2027学年第一学期".
    pub fn label(self) -> String {
        format!("{}{}", self.year.label(), self.half.label())
    }
}

impl std::fmt::Display for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn the_year_turns_on_the_first_of_september() {
        assert_eq!(SchoolYear::of(day(2026, 8, 31)), SchoolYear(2025));
        assert_eq!(SchoolYear::of(day(2026, 9, 1)), SchoolYear(2026));
        assert_eq!(SchoolYear(2026).label(), "2026—2027学年");
        assert_eq!(SchoolYear(2026).to_string(), "2026—2027学年");
        assert_eq!(SchoolYear(2026).first_day(), Some(day(2026, 9, 1)));
        assert_eq!(SchoolYear(2026).last_day(), Some(day(2027, 8, 31)));
        assert_eq!(SchoolYear(2026).next(), SchoolYear(2027));
    }

    #[test]
    fn terms_and_their_labels() {
        let first = Term::of(day(2027, 1, 20));
        assert_eq!(first.label(), "2026—2027学年第一学期");
        assert_eq!(first.to_string(), "2026—2027学年第一学期");
        assert_eq!(Term::of(day(2026, 9, 1)), first);
        let second = Term::of(day(2027, 2, 1));
        assert_eq!(second.label(), "2026—2027学年第二学期");
        assert_eq!(Term::of(day(2027, 8, 31)), second);
        assert_eq!(first.key(), 20261);
        assert_eq!(second.key(), 20262);
        assert_eq!(Term::from_key(20262), Some(second));
        assert_eq!(Term::from_key(20263), None);
        assert_eq!(Half::from_number(0), None);
        assert!(first < second);
    }

    #[test]
    fn typed_school_years() {
        for t in [
            "2026",
            "2026—2027",
            "2026-2027学年",
            " 2026—2027学年 ",
            "2026/2027",
        ] {
            assert_eq!(SchoolYear::parse(t), Some(SchoolYear(2026)), "{t}");
        }
        for t in ["2026—2028", "二〇二六", "", "2026-2027-2028", "12", "2026—"] {
            assert_eq!(SchoolYear::parse(t), None, "{t}");
        }
    }

    proptest! {
        #[test]
        fn every_day_lies_in_its_year_and_term(y in 1990i32..2100, ordinal in 1u32..366) {
            let d = NaiveDate::from_yo_opt(y, ordinal).unwrap_or(day(y, 1, 1));
            let year = SchoolYear::of(d);
            prop_assert!(year.first_day().is_some_and(|f| f <= d));
            prop_assert!(year.last_day().is_some_and(|l| d <= l));
            let term = Term::of(d);
            prop_assert_eq!(term.year, year);
            prop_assert_eq!(Term::from_key(term.key()), Some(term));
            prop_assert_eq!(SchoolYear::parse(&year.label()), Some(year));
        }
    }
}
