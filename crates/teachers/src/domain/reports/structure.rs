//! The groups of the structure reports and the ratios of 生师比.

use chrono::{Datelike, NaiveDate};
use platform::vocab::Stage;

/// 年龄段, as the statistics print them.
pub const AGE_BANDS: [&str; 5] = ["29岁及以下", "30—39岁", "40—49岁", "50—54岁", "55岁及以上"];

/// The age band of someone born on `birth`, on `on` (full years).
pub fn age_band(birth: NaiveDate, on: NaiveDate) -> &'static str {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    match age {
        ..=29 => AGE_BANDS[0],
        30..=39 => AGE_BANDS[1],
        40..=49 => AGE_BANDS[2],
        50..=54 => AGE_BANDS[3],
        _ => AGE_BANDS[4],
    }
}

/// 学历 levels, highest first, and the last for what is not written.
pub const EDUCATION_LEVELS: [&str; 5] = ["研究生", "本科", "专科", "高中阶段及以下", "未填"];

/// The level of a 学历 as people write it (博士研究生, 大学本科, 大专 …).
pub fn education_level(text: &str) -> usize {
    let t = text.trim();
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if t.is_empty() {
        4
    } else if has(&["研究生", "博士", "硕士"]) {
        0
    } else if has(&["本科", "学士"]) {
        1
    } else if has(&["专科", "大专"]) {
        2
    } else {
        3
    }
}

/// 高于规定学历 as the 优质均衡 assessment counts it: 专科 and above for
/// 小学 teachers, 本科 and above for 初中; other stages have no such
/// standard.
pub fn above_required_education(education: &str, stage: Stage) -> bool {
    let level = education_level(education);
    match stage {
        Stage::Primary => level <= 2,
        Stage::Junior => level <= 1,
        _ => false,
    }
}

/// 生师比: students per full-time teacher, none without teachers.
pub fn ratio(students: i64, teachers: i64) -> Option<f64> {
    (teachers > 0).then(|| students as f64 / teachers as f64)
}

/// Teachers per hundred students, none without students.
pub fn per_hundred(teachers: i64, students: i64) -> Option<f64> {
    (students > 0).then(|| teachers as f64 * 100.0 / students as f64)
}

/// 继续教育 hours due by `on` in the cycle of five years starting in
/// `first_year`: the required hours pro rata of the years begun (the first
/// year counts whole), none before the cycle starts, all from its fifth
/// year on.
pub fn ce_hours_due(required: i64, first_year: i32, on: NaiveDate) -> i64 {
    let years = i64::from(on.year() - first_year + 1).clamp(0, 5);
    required * years / 5
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn ages_fall_in_bands_on_their_birthdays() {
        let on = d(2026, 9, 1);
        assert_eq!(age_band(d(1996, 9, 2), on), "29岁及以下");
        assert_eq!(age_band(d(1996, 9, 1), on), "30—39岁");
        assert_eq!(age_band(d(1987, 9, 2), on), "30—39岁");
        assert_eq!(age_band(d(1986, 9, 1), on), "40—49岁");
        assert_eq!(age_band(d(1976, 9, 1), on), "50—54岁");
        assert_eq!(age_band(d(1972, 9, 2), on), "50—54岁");
        assert_eq!(age_band(d(1971, 9, 1), on), "55岁及以上");
        assert_eq!(age_band(d(1971, 8, 1), on), "55岁及以上");
    }

    #[test]
    fn education_reads_as_written() {
        assert_eq!(education_level("博士研究生"), 0);
        assert_eq!(education_level("硕士"), 0);
        assert_eq!(education_level("大学本科"), 1);
        assert_eq!(education_level("大专"), 2);
        assert_eq!(education_level("专科"), 2);
        assert_eq!(education_level("中专"), 3);
        assert_eq!(education_level(" "), 4);
        assert!(above_required_education("专科", Stage::Primary));
        assert!(!above_required_education("中专", Stage::Primary));
        assert!(!above_required_education("专科", Stage::Junior));
        assert!(above_required_education("本科", Stage::Junior));
        assert!(!above_required_education("研究生", Stage::Senior));
        assert!(!above_required_education("研究生", Stage::Preschool));
    }

    #[test]
    fn ratios_need_a_denominator() {
        assert_eq!(ratio(170, 10), Some(17.0));
        assert_eq!(ratio(5, 0), None);
        assert_eq!(per_hundred(3, 200), Some(1.5));
        assert_eq!(per_hundred(3, 0), None);
    }

    #[test]
    fn hours_fall_due_year_by_year() {
        assert_eq!(ce_hours_due(360, 2022, d(2021, 12, 31)), 0);
        assert_eq!(ce_hours_due(360, 2022, d(2022, 1, 1)), 72);
        assert_eq!(ce_hours_due(360, 2022, d(2024, 6, 1)), 216);
        assert_eq!(ce_hours_due(360, 2022, d(2026, 12, 31)), 360);
        assert_eq!(ce_hours_due(360, 2022, d(2030, 1, 1)), 360);
    }

    proptest! {
        #[test]
        fn hours_due_never_shrink_nor_pass_the_requirement(req in 0i64..1000, a in 0i64..4000, b in 0i64..4000) {
            let on = |n: i64| NaiveDate::from_num_days_from_ce_opt(730_000 + n as i32).unwrap();
            let (x, y) = (ce_hours_due(req, 2022, on(a.min(b))), ce_hours_due(req, 2022, on(a.max(b))));
            prop_assert!(x <= y && y <= req && x >= 0);
        }
    }
}
