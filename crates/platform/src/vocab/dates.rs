//! Dates as people and spreadsheets write them.

use chrono::{Days, NaiveDate};

/// Accepts 20140901, 2014-09-01, 2014/9/1, 2014.09.01, 2014年9月1日, and an
/// Excel serial day number (41883) such as a date cell saved as text.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() || s.len() > 20 {
        return None;
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return ymd(s);
    }
    if (1..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        // Excel's day 1 is 1900-01-01 and it counts a 29 Feb 1900 that never
        // was; from 1 March 1900 on, day n is 1899-12-30 + n.
        let n: u64 = s.parse().ok()?;
        return (61..=2_958_465)
            .contains(&n)
            .then(|| {
                NaiveDate::from_ymd_opt(1899, 12, 30).and_then(|d| d.checked_add_days(Days::new(n)))
            })
            .flatten();
    }
    let unified: String = s
        .replace(['年', '月', '/', '.'], "-")
        .trim_end_matches('日')
        .to_string();
    NaiveDate::parse_from_str(&unified, "%Y-%m-%d").ok()
}

/// `YYYYMMDD` or `YYYYMM` (the first of the month) as a calendar date;
/// `None` unless `s` is a real date written with exactly those digits.
pub fn ymd(s: &str) -> Option<NaiveDate> {
    if !matches!(s.len(), 6 | 8) || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    let day = if s.len() == 8 { n(6..8)? } else { 1 };
    NaiveDate::from_ymd_opt(i32::try_from(n(0..4)?).ok()?, n(4..6)?, day)
}

/// 入学年月: 201409 or 2014-09 → the first of that month.
pub fn parse_month(s: &str) -> Option<NaiveDate> {
    let s = s
        .trim()
        .replace(['年', '/', '.'], "-")
        .trim_end_matches('月')
        .to_string();
    // Six digits are a month or nothing (never an Excel serial day).
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        return ymd(&s);
    }
    parse_date(&format!("{s}-01")).or_else(|| parse_date(&s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn the_usual_forms() {
        assert_eq!(parse_date("20140901"), d(2014, 9, 1));
        assert_eq!(parse_date("2014-09-01"), d(2014, 9, 1));
        assert_eq!(parse_date("2014/9/1"), d(2014, 9, 1));
        assert_eq!(parse_date("2014年9月1日"), d(2014, 9, 1));
        assert_eq!(parse_date("41883"), d(2014, 9, 1), "Excel serial");
        assert_eq!(parse_date("20140231"), None);
        assert_eq!(parse_date("去年"), None);
        assert_eq!(parse_month("201409"), d(2014, 9, 1));
        assert_eq!(parse_month("2014-09"), d(2014, 9, 1));
        assert_eq!(parse_month("2014年9月"), d(2014, 9, 1));
        assert_eq!(parse_month("201409月"), d(2014, 9, 1));
        assert_eq!(parse_month("201413月"), None, "no 13th month");
        assert_eq!(parse_month("201400月"), None);
        assert_eq!(parse_month("201413"), None);
    }

    proptest! {
        #[test]
        fn never_panics(s in ".{0,30}") {
            let _ = parse_date(&s);
            let _ = parse_month(&s);
        }
    }
}
