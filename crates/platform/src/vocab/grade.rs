//! 年级: kindergarten classes (小班 -2, 中班 -1, 大班 0), then grades 1–12
//! across primary (1–6), junior (7–9) and senior or vocational (10–12).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
#[derive(utoipa::ToSchema)]
pub struct Grade(pub i64);

/// 学段: the stage a grade belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Preschool,
    Primary,
    Junior,
    Senior,
    /// 中职: secondary vocational education, grades 10–12 of a 中等职业学校.
    Vocational,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Preschool,
        Stage::Primary,
        Stage::Junior,
        Stage::Senior,
        Stage::Vocational,
    ];

    /// Grades -2..0 学前, 1–6 小学, 7–9 初中, 10–12 高中 (the grade alone
    /// cannot tell 中职 from 高中: see [`Stage::of`]).
    pub fn of_grade(grade: i64) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.grades().contains(&grade))
    }

    /// The stage of a grade at a school that is a 中等职业学校 or not (see
    /// [`is_vocational_school`]): its grades 10–12 are 中职.
    pub fn of(grade: i64, vocational_school: bool) -> Option<Stage> {
        match Stage::of_grade(grade)? {
            Stage::Senior if vocational_school => Some(Stage::Vocational),
            s => Some(s),
        }
    }

    /// The position in [`Stage::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn key(self) -> &'static str {
        match self {
            Stage::Preschool => "preschool",
            Stage::Primary => "primary",
            Stage::Junior => "junior",
            Stage::Senior => "senior",
            Stage::Vocational => "vocational",
        }
    }

    /// Accepts the key or the Chinese label.
    pub fn parse(s: &str) -> Option<Stage> {
        let s = s.trim();
        Stage::ALL
            .into_iter()
            .find(|x| x.key() == s || x.label() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Preschool => "学前",
            Stage::Primary => "小学",
            Stage::Junior => "初中",
            Stage::Senior => "高中",
            Stage::Vocational => "中职",
        }
    }

    /// Ages (on 31 August of the school year) at which children belong to
    /// this stage in compulsory education.
    pub fn school_ages(self) -> std::ops::RangeInclusive<i64> {
        match self {
            Stage::Preschool => 3..=5,
            Stage::Primary => 6..=11,
            Stage::Junior => 12..=14,
            Stage::Senior | Stage::Vocational => 15..=17,
        }
    }

    pub fn grades(self) -> std::ops::RangeInclusive<i64> {
        match self {
            Stage::Preschool => -2..=0,
            Stage::Primary => 1..=6,
            Stage::Junior => 7..=9,
            Stage::Senior | Stage::Vocational => 10..=12,
        }
    }
}

/// Whether a 办学类型 code is a 中等职业学校 (36x: 调整后中职, 职业高中,
/// 附设中职班 …).
pub fn is_vocational_school(school_type: &str) -> bool {
    school_type.trim().starts_with(VOCATIONAL_SCHOOL_TYPES)
}

/// The 办学类型 code prefix of 中等职业学校 (for SQL: `LIKE '36%'`).
pub const VOCATIONAL_SCHOOL_TYPES: &str = "36";

const NAMES: [(i64, &str); 15] = [
    (-2, "小班"),
    (-1, "中班"),
    (0, "大班"),
    (1, "一年级"),
    (2, "二年级"),
    (3, "三年级"),
    (4, "四年级"),
    (5, "五年级"),
    (6, "六年级"),
    (7, "七年级"),
    (8, "八年级"),
    (9, "九年级"),
    (10, "高一"),
    (11, "高二"),
    (12, "高三"),
];

const ALIASES: [(i64, &str); 6] = [
    (7, "初一"),
    (8, "初二"),
    (9, "初三"),
    (10, "十年级"),
    (11, "十一年级"),
    (12, "十二年级"),
];

impl Grade {
    pub const ALL: [Grade; 15] = [
        Grade(-2),
        Grade(-1),
        Grade(0),
        Grade(1),
        Grade(2),
        Grade(3),
        Grade(4),
        Grade(5),
        Grade(6),
        Grade(7),
        Grade(8),
        Grade(9),
        Grade(10),
        Grade(11),
        Grade(12),
    ];

    /// Accepts the Chinese name (一年级, 初一, 高二, 大班) or the number.
    pub fn parse(s: &str) -> Option<Grade> {
        let s = s.trim();
        if let Some((g, _)) = NAMES.iter().chain(ALIASES.iter()).find(|(_, n)| *n == s) {
            return Some(Grade(*g));
        }
        s.parse::<i64>()
            .ok()
            .filter(|g| (-2..=12).contains(g))
            .map(Grade)
    }

    pub fn label(self) -> &'static str {
        NAMES
            .iter()
            .find(|(g, _)| *g == self.0)
            .map(|(_, n)| *n)
            .unwrap_or("未知年级")
    }

    pub fn stage(self) -> Stage {
        match self.0 {
            ..=0 => Stage::Preschool,
            1..=6 => Stage::Primary,
            7..=9 => Stage::Junior,
            _ => Stage::Senior,
        }
    }

    /// The last grade of its stage: promotion from here is graduation.
    pub fn is_final(self) -> bool {
        matches!(self.0, 0 | 6 | 9 | 12)
    }

    pub fn next(self) -> Grade {
        Grade(self.0 + 1)
    }
}

/// Whether a child of `age` (on 31 August) plausibly sits in `grade`: the
/// usual age is grade + 5; a year younger or up to three years older is
/// accepted (early entry, repeated years, late entry in rural areas).
pub fn age_fits(grade: Grade, age: i64) -> bool {
    (-1..=3).contains(&(age - (grade.0 + 5)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_grades_of_a_vocational_school_are_zhongzhi() {
        assert_eq!(
            Stage::of(10, is_vocational_school("365")),
            Some(Stage::Vocational)
        );
        assert_eq!(
            Stage::of(12, is_vocational_school("361")),
            Some(Stage::Vocational)
        );
        assert_eq!(
            Stage::of(10, is_vocational_school("342")),
            Some(Stage::Senior)
        );
        assert_eq!(Stage::of(9, true), Some(Stage::Junior));
        assert_eq!(Stage::of(13, true), None);
        assert_eq!(Stage::of_grade(11), Some(Stage::Senior));
        assert_eq!(Stage::parse("中职"), Some(Stage::Vocational));
        assert_eq!(Stage::parse("vocational"), Some(Stage::Vocational));
        assert!(!is_vocational_school("211"));
    }

    #[test]
    fn names_and_numbers_parse() {
        assert_eq!(Grade::parse("一年级"), Some(Grade(1)));
        assert_eq!(Grade::parse("初二"), Some(Grade(8)));
        assert_eq!(Grade::parse("八年级"), Some(Grade(8)));
        assert_eq!(Grade::parse("高三"), Some(Grade(12)));
        assert_eq!(Grade::parse("小班"), Some(Grade(-2)));
        assert_eq!(Grade::parse(" 3 "), Some(Grade(3)));
        assert_eq!(Grade::parse("13"), None);
        assert_eq!(Grade::parse("研一"), None);
        for g in Grade::ALL {
            assert_eq!(Grade::parse(g.label()), Some(g));
        }
    }

    #[test]
    fn who_fits_a_grade() {
        assert!(age_fits(Grade(1), 6));
        assert!(age_fits(Grade(1), 5));
        assert!(!age_fits(Grade(12), 10), "a ten-year-old is not in 高三");
        assert!(!age_fits(Grade(1), 10));
    }

    #[test]
    fn stages_and_their_grades_agree() {
        for g in Grade::ALL {
            assert_eq!(Stage::of_grade(g.0), Some(g.stage()));
            assert!(g.stage().grades().contains(&g.0));
        }
        assert_eq!(Stage::of_grade(13), None);
        assert_eq!(Stage::of_grade(-3), None);
        for (i, s) in Stage::ALL.into_iter().enumerate() {
            assert_eq!(s.index(), i);
            assert_eq!(Stage::parse(s.key()), Some(s));
            assert_eq!(Stage::parse(s.label()), Some(s));
        }
        assert_eq!(Stage::parse("大学"), None);
        assert_eq!(Grade(6).next(), Grade(7));
        assert!(Grade(9).is_final() && !Grade(8).is_final());
    }
}
