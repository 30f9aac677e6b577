//! 巩固率 by the national definition (as in the 教育统计年报): the pupils of
//! a cohort in school in its final grade, divided by how many that cohort
//! had in its entry grade the year it entered.
//!
//! - 九年义务教育巩固率 = 初三在校生数 ÷ 该届学生入学时的一年级人数 (eight years earlier)
//! - 小学巩固率 = 六年级在校生数 ÷ 该届入学时一年级人数 (five years earlier)
//! - 初中巩固率 = 初三在校生数 ÷ 该届入学时初一人数 (two years earlier)

use super::dropout::rate_hundredths;
use super::Grade;

/// One cohort measure: which grade is counted now and which one then.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CohortMeasure {
    pub key: &'static str,
    pub label: &'static str,
    /// The grade counted in the school year asked for (初三, 六年级).
    pub final_grade: Grade,
    /// The grade the cohort entered by (一年级, 初一).
    pub entry_grade: Grade,
    /// The formula, as shown beside the rate.
    pub formula: &'static str,
}

pub const MEASURES: [CohortMeasure; 3] = [
    CohortMeasure {
        key: "compulsory",
        label: "九年义务教育巩固率",
        final_grade: Grade(9),
        entry_grade: Grade(1),
        formula: "九年义务教育巩固率 = 初三在校生数 ÷ 该届学生入学时的一年级人数",
    },
    CohortMeasure {
        key: "primary",
        label: "小学巩固率",
        final_grade: Grade(6),
        entry_grade: Grade(1),
        formula: "小学巩固率 = 六年级在校生数 ÷ 该届入学时一年级人数",
    },
    CohortMeasure {
        key: "junior",
        label: "初中巩固率",
        final_grade: Grade(9),
        entry_grade: Grade(7),
        formula: "初中巩固率 = 初三在校生数 ÷ 该届入学时初一人数",
    },
];

impl CohortMeasure {
    /// The school year in which the cohort now in the final grade of
    /// `school_year` sat in the entry grade (one grade a year).
    pub fn entry_year(self, school_year: i64) -> i64 {
        school_year - (self.final_grade.0 - self.entry_grade.0)
    }

    /// The rate in hundredths of a percent; `None` without an entry count.
    pub fn rate(self, in_school: i64, entered: i64) -> Option<i64> {
        rate_hundredths(in_school, entered)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn each_cohort_entered_as_many_years_back_as_it_has_grades() {
        let [nine, primary, junior] = MEASURES;
        assert_eq!(nine.entry_year(2026), 2018);
        assert_eq!(primary.entry_year(2026), 2021);
        assert_eq!(junior.entry_year(2026), 2024);
        assert_eq!((nine.final_grade, nine.entry_grade), (Grade(9), Grade(1)));
        assert_eq!(
            (junior.final_grade, junior.entry_grade),
            (Grade(9), Grade(7))
        );
        assert!(nine.formula.starts_with(nine.label));
    }

    #[test]
    fn a_rate_is_the_share_of_the_entry_count_still_in_school() {
        let [nine, ..] = MEASURES;
        // 1,000 entered grade 1; 962 are in grade 9 now.
        assert_eq!(nine.rate(962, 1000), Some(9620));
        assert_eq!(nine.rate(7, 8), Some(8750));
        assert_eq!(nine.rate(5, 0), None);
        // Pupils who moved in can take a cohort above 100%.
        assert_eq!(nine.rate(11, 10), Some(11_000));
    }

    proptest! {
        #[test]
        fn no_loss_is_one_hundred_percent_and_losses_lower_it(
            entered in 1i64..1_000_000, lost in 0i64..1_000_000,
        ) {
            for m in MEASURES {
                prop_assert_eq!(m.rate(entered, entered), Some(10_000));
                let kept = (entered - lost).max(0);
                let r = m.rate(kept, entered).expect("a rate");
                prop_assert!(r <= 10_000);
                prop_assert!(r <= m.rate(entered, entered).expect("full"));
                prop_assert_eq!(m.entry_year(2030) + m.final_grade.0 - m.entry_grade.0, 2030);
            }
        }
    }
}
