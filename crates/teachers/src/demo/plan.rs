//! How many people the demo gives each institution and how many of them
//! hold each 骨干 level and 师德 award: pure arithmetic, unit-tested.

use platform::vocab::Stage;

use crate::domain::BackboneLevel;

/// What kind of institution is staffed, as far as staffing goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Kindergarten,
    Primary,
    Junior,
    /// 九年一贯制: primary and junior teachers, 2 : 1.
    NineYear,
    Senior,
    Vocational,
    Special,
    /// Institutions without enrolled pupils (training centres, community
    /// schools, unlicensed kindergartens): a few people each.
    NoPupils,
}

impl Kind {
    /// Pupils per full-time teacher (生师比) as in a real county: 小学
    /// ~17, 初中 ~13, 高中 ~12.5, 中职 ~14, 幼儿园 ~15 children per
    /// teacher, 特殊教育 ~3.
    pub fn pupils_per_teacher(self) -> f64 {
        match self {
            Kind::Kindergarten => 15.0,
            Kind::Primary => 17.0,
            Kind::Junior => 13.0,
            Kind::NineYear => 15.5,
            Kind::Senior => 12.5,
            Kind::Vocational => 14.0,
            Kind::Special => 3.0,
            Kind::NoPupils => f64::INFINITY,
        }
    }

    /// The 学段 of the n-th teacher of the institution.
    pub fn stage(self, n: u64) -> Stage {
        match self {
            Kind::Kindergarten | Kind::NoPupils => Stage::Preschool,
            Kind::Primary | Kind::Special => Stage::Primary,
            Kind::Junior => Stage::Junior,
            Kind::NineYear if n % 3 == 2 => Stage::Junior,
            Kind::NineYear => Stage::Primary,
            Kind::Senior => Stage::Senior,
            Kind::Vocational => Stage::Vocational,
        }
    }
}

/// Full-time teachers (专任教师) for `pupils`: the ratio rounded up, at
/// least 3 where anyone is enrolled (a village school still needs its
/// teachers); 3 for an institution without pupils.
pub fn teachers(kind: Kind, pupils: u64) -> u64 {
    if kind == Kind::NoPupils || pupils == 0 {
        return 3;
    }
    ((pupils as f64 / kind.pupils_per_teacher()).ceil() as u64).max(3)
}

/// Other staff (管理, 工勤, 教辅): about one for every ten teachers, at
/// least one.
pub fn other_staff(teachers: u64) -> u64 {
    teachers.div_ceil(10).max(1)
}

/// Full-time teachers the seed's figures were counted among: 938 people in
/// teams were "about 15%" of them.
pub const SEED_FULL_TIME: u64 = 6_250;

/// The seed's 骨干 figures (000): 14 特级教师, 42 学科带头人, 597 教学能手,
/// 188 教坛新秀; 骨干教师 are not counted there, the demo gives about 5%.
const SEED_BACKBONE: [(BackboneLevel, u64); 4] = [
    (BackboneLevel::Special, 14),
    (BackboneLevel::SubjectLeader, 42),
    (BackboneLevel::Expert, 597),
    (BackboneLevel::Rising, 188),
];

/// How many teachers hold each 骨干 level, highest first: the seed's
/// figures exactly once the district has [`SEED_FULL_TIME`] full-time
/// teachers (the `city` and `province` demos), in proportion below that
/// (at least one of each where there are teachers at all).
pub fn backbone_quota(full_time: u64) -> Vec<(BackboneLevel, u64)> {
    let scale = |n: u64| {
        if full_time >= SEED_FULL_TIME {
            n
        } else if full_time == 0 {
            0
        } else {
            (n * full_time / SEED_FULL_TIME).max(1)
        }
    };
    let mut quota: Vec<(BackboneLevel, u64)> =
        SEED_BACKBONE.iter().map(|(l, n)| (*l, scale(*n))).collect();
    quota.insert(2, (BackboneLevel::Backbone, full_time / 20));
    quota
}

/// The 师德 awards of the seed (000, 金爱心教师评选): 3 一等奖, 14 二等奖,
/// 47 三等奖, 31 鼓励奖; in full wherever there are enough teachers.
pub const ETHICS_AWARDS: [(&str, u64); 4] = [
    ("金爱心教师一等奖", 3),
    ("金爱心教师二等奖", 14),
    ("金爱心教师三等奖", 47),
    ("金爱心教师鼓励奖", 31),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_are_a_real_countys() {
        assert_eq!(teachers(Kind::Primary, 1700), 100);
        assert_eq!(teachers(Kind::Primary, 1701), 101);
        assert_eq!(teachers(Kind::Junior, 1300), 100);
        assert_eq!(teachers(Kind::Senior, 1250), 100);
        assert_eq!(teachers(Kind::Kindergarten, 300), 20);
        assert_eq!(teachers(Kind::Vocational, 1400), 100);
        assert_eq!(teachers(Kind::NineYear, 1550), 100);
        assert_eq!(teachers(Kind::Special, 30), 10);
        assert_eq!(teachers(Kind::Primary, 10), 3);
        assert_eq!(teachers(Kind::Primary, 0), 3);
        assert_eq!(teachers(Kind::NoPupils, 5000), 3);
    }

    #[test]
    fn other_staff_is_a_tenth() {
        assert_eq!(other_staff(1), 1);
        assert_eq!(other_staff(10), 1);
        assert_eq!(other_staff(11), 2);
        assert_eq!(other_staff(100), 10);
    }

    #[test]
    fn stages_follow_the_institution() {
        assert_eq!(Kind::Kindergarten.stage(0), Stage::Preschool);
        assert_eq!(Kind::NoPupils.stage(0), Stage::Preschool);
        assert_eq!(Kind::Special.stage(1), Stage::Primary);
        assert_eq!(Kind::Senior.stage(1), Stage::Senior);
        assert_eq!(Kind::Vocational.stage(1), Stage::Vocational);
        assert_eq!(Kind::Junior.stage(0), Stage::Junior);
        let junior = (0..30)
            .filter(|n| Kind::NineYear.stage(*n) == Stage::Junior)
            .count();
        assert_eq!(junior, 10);
    }

    #[test]
    fn the_seed_figures_from_the_seed_size_up() {
        let full = backbone_quota(SEED_FULL_TIME);
        let n = |q: &[(BackboneLevel, u64)], l| q.iter().find(|(x, _)| *x == l).map(|(_, n)| *n);
        assert_eq!(n(&full, BackboneLevel::Special), Some(14));
        assert_eq!(n(&full, BackboneLevel::SubjectLeader), Some(42));
        assert_eq!(n(&full, BackboneLevel::Expert), Some(597));
        assert_eq!(n(&full, BackboneLevel::Rising), Some(188));
        assert_eq!(n(&full, BackboneLevel::Backbone), Some(312));
        let big = backbone_quota(70_000);
        assert_eq!(n(&big, BackboneLevel::Expert), Some(597));
        assert_eq!(n(&big, BackboneLevel::Backbone), Some(3_500));
        assert_eq!(
            full.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
            BackboneLevel::ALL.to_vec(),
            "highest first"
        );
    }

    #[test]
    fn a_small_district_gets_its_share() {
        let q = backbone_quota(SEED_FULL_TIME - 1);
        let n = |l| q.iter().find(|(x, _)| *x == l).map(|(_, n)| *n);
        assert_eq!(n(BackboneLevel::Expert), Some(596));
        let small = backbone_quota(250);
        let n = |l| small.iter().find(|(x, _)| *x == l).map(|(_, n)| *n);
        assert_eq!(n(BackboneLevel::Special), Some(1));
        assert_eq!(n(BackboneLevel::SubjectLeader), Some(1));
        assert_eq!(n(BackboneLevel::Expert), Some(23));
        assert_eq!(n(BackboneLevel::Rising), Some(7));
        assert_eq!(n(BackboneLevel::Backbone), Some(12));
        assert!(backbone_quota(0).iter().all(|(_, n)| *n == 0));
    }

    #[test]
    fn the_ethics_awards_are_the_seeds() {
        let counts: Vec<u64> = ETHICS_AWARDS.iter().map(|(_, n)| *n).collect();
        assert_eq!(counts, [3, 14, 47, 31]);
    }
}
