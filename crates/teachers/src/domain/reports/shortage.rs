//! 学科缺员: how many teachers of each subject a stage should have, from
//! the share of class hours the national curriculum gives each subject,
//! against how many it has.
//!
//! The norm is the midpoint of each subject's share of the nine years'
//! hours in 义务教育课程方案（2022年版）(语文 20–22%, 数学 13–15% …), applied
//! to 小学 and 初中 alike; 劳动 and 综合实践活动 (14–18%) are left out, as
//! they are taught by teachers of other subjects, so the shares below are
//! of the remaining hours. A stage's full-time teachers are shared out by
//! these weights; a subject is short by the teachers it would get less
//! those it has (a whole number, rounded down; none when it has enough).

use platform::vocab::Stage;

/// (subject group, share of class hours in tenths of a percent, the
/// subjects a teacher may write for it).
pub const NORMS: [(&str, i64, &[&str]); 9] = [
    ("语文", 210, &["语文"]),
    ("数学", 140, &["数学"]),
    ("外语", 70, &["英语", "外语", "日语", "俄语"]),
    (
        "道德与法治",
        70,
        &["道德与法治", "思想品德", "思想政治", "政治"],
    ),
    ("历史与地理", 35, &["历史", "地理"]),
    ("科学", 90, &["科学", "物理", "化学", "生物"]),
    ("信息科技", 20, &["信息科技", "信息技术"]),
    ("体育与健康", 105, &["体育", "体育与健康"]),
    ("艺术", 100, &["艺术", "音乐", "美术"]),
];

/// The norm group of a subject as written, if it has one.
pub fn norm_group(subject: &str) -> Option<usize> {
    let s = subject.trim();
    NORMS.iter().position(|(_, _, names)| names.contains(&s))
}

/// A subject's place in its stage's staffing.
#[derive(Clone, Debug, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Shortage {
    pub subject: &'static str,
    /// 应配: the stage's teachers shared out by the norm (one decimal).
    pub expected: f64,
    /// 实有
    pub actual: i64,
    /// 缺口
    pub short: i64,
}

/// The shortage of each subject of a stage with `teachers` full-time
/// teachers, `by_group[i]` of them teaching subject group `i` of
/// [`NORMS`]. Only 小学 and 初中 have a norm.
pub fn shortages(stage: Stage, teachers: i64, by_group: &[i64; 9]) -> Vec<Shortage> {
    if !matches!(stage, Stage::Primary | Stage::Junior) {
        return vec![];
    }
    let total: i64 = NORMS.iter().map(|n| n.1).sum();
    NORMS
        .iter()
        .zip(by_group)
        .map(|((subject, share, _), actual)| {
            let tenths = teachers * share * 10 / total;
            Shortage {
                subject,
                expected: tenths as f64 / 10.0,
                actual: *actual,
                short: (tenths / 10 - actual).max(0),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn subjects_fall_in_their_groups() {
        assert_eq!(norm_group("语文"), Some(0));
        assert_eq!(norm_group(" 英语 "), Some(2));
        assert_eq!(norm_group("物理"), Some(5));
        assert_eq!(norm_group("音乐"), Some(8));
        assert_eq!(norm_group("劳动"), None);
        assert_eq!(NORMS.iter().map(|n| n.1).sum::<i64>(), 840);
    }

    #[test]
    fn a_stage_is_short_where_it_has_fewer_than_its_share() {
        // 840 teachers share out exactly: 语文 210, 数学 140 …
        let mut have = [210, 100, 70, 70, 35, 90, 20, 105, 100];
        let s = shortages(Stage::Primary, 840, &have);
        assert_eq!(s.len(), 9);
        assert_eq!(
            (s[0].subject, s[0].expected, s[0].actual, s[0].short),
            ("语文", 210.0, 210, 0)
        );
        assert_eq!(
            (s[1].subject, s[1].expected, s[1].short),
            ("数学", 140.0, 40)
        );
        have[1] = 150;
        assert_eq!(shortages(Stage::Junior, 840, &have)[1].short, 0);
        // 100 teachers: 语文 25.0, 信息科技 2.3 → 2 due.
        let s = shortages(Stage::Primary, 100, &[0; 9]);
        assert_eq!((s[0].expected, s[0].short), (25.0, 25));
        assert_eq!((s[6].expected, s[6].short), (2.3, 2));
        assert!(shortages(Stage::Senior, 100, &[0; 9]).is_empty());
        assert!(shortages(Stage::Preschool, 100, &[0; 9]).is_empty());
    }

    proptest! {
        #[test]
        fn shortages_never_exceed_the_share_nor_go_negative(n in 0i64..5000, have in proptest::array::uniform9(0i64..500)) {
            for s in shortages(Stage::Primary, n, &have) {
                prop_assert!(s.short >= 0);
                prop_assert!(s.short as f64 <= s.expected);
                prop_assert_eq!(s.short == 0, s.actual as f64 >= s.expected.floor());
            }
        }
    }
}
