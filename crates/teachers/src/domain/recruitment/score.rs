//! Scores (成绩) in hundredths of a point, the plan's weights and the
//! weighted total, kept in integers so that equal totals are equal.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A score out of 100 with at most two decimals, held in hundredths
/// (85.5 is 8550).
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    sqlx::Type,
)]
#[sqlx(transparent)]
#[serde(transparent)]
pub struct Score(pub i64);

impl Score {
    pub const MAX: Score = Score(10_000);

    /// "85", "85.5", "85.25" (full-width digits and spaces as typed);
    /// refuses other text, more than two decimals and anything outside
    /// 0–100, saying why.
    pub fn parse(text: &str) -> Result<Score, String> {
        let t: String = text
            .trim()
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                '．' => '.',
                c => c,
            })
            .collect();
        let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || (t.contains('.') && !digits(frac)) {
            return Err(format!("“{}”不是有效的分数", text.trim()));
        }
        if frac.len() > 2 {
            return Err(format!("“{}”最多保留两位小数", text.trim()));
        }
        let hundredths = format!("{frac:0<2}").parse::<i64>().unwrap_or(0);
        let score = whole
            .parse::<i64>()
            .ok()
            .and_then(|w| w.checked_mul(100))
            .map(|w| Score(w + hundredths))
            .filter(|s| *s <= Score::MAX);
        score.ok_or_else(|| format!("“{}”超出 0–100 分", text.trim()))
    }
}

impl fmt::Display for Score {
    /// 85.5 as "85.50".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

/// The weights (权重) of the written test and the interview, in percent;
/// they sum to 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Weights {
    /// 笔试成绩权重（%）
    pub written: i64,
    /// 面试成绩权重（%）
    pub interview: i64,
}

impl Weights {
    /// The weights when each is 0–100 and both sum to 100.
    pub fn new(written: i64, interview: i64) -> Result<Weights, String> {
        if !(0..=100).contains(&written) || !(0..=100).contains(&interview) {
            return Err("笔试、面试权重须在 0–100 之间".into());
        }
        if written + interview != 100 {
            return Err(format!(
                "笔试权重 {written}% 与面试权重 {interview}% 之和须为 100%"
            ));
        }
        Ok(Weights { written, interview })
    }
}

/// 总成绩 = 笔试 × 笔试权重 + 面试 × 面试权重, in ten-thousandths of a
/// point (exact); none until both scores are in.
pub fn total(w: Weights, written: Option<Score>, interview: Option<Score>) -> Option<i64> {
    Some(written?.0 * w.written + interview?.0 * w.interview)
}

/// A total as people read it, to as many decimals as it has (at most 4):
/// 87.875 as "87.875", 90 as "90".
pub fn total_label(total: i64) -> String {
    let frac = format!("{:04}", total % 10_000);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        (total / 10_000).to_string()
    } else {
        format!("{}.{frac}", total / 10_000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn scores_read_as_typed() {
        assert_eq!(Score::parse("85"), Ok(Score(8500)));
        assert_eq!(Score::parse(" 85.5 "), Ok(Score(8550)));
        assert_eq!(Score::parse("85.25"), Ok(Score(8525)));
        assert_eq!(Score::parse("８５．５"), Ok(Score(8550)));
        assert_eq!(Score::parse("0"), Ok(Score(0)));
        assert_eq!(Score::parse("100"), Ok(Score(10_000)));
        assert_eq!(Score::parse("100.00"), Ok(Score(10_000)));
        assert_eq!(Score::parse("0.05"), Ok(Score(5)));
    }

    #[test]
    fn bad_scores_say_why() {
        assert_eq!(Score::parse("100.01"), Err("“100.01”超出 0–100 分".into()));
        assert_eq!(Score::parse("101"), Err("“101”超出 0–100 分".into()));
        assert_eq!(
            Score::parse("85.125"),
            Err("“85.125”最多保留两位小数".into())
        );
        for bad in [
            "",
            "八十",
            "-1",
            "85.",
            ".5",
            "8 5",
            "1e2",
            "99999999999999999999",
        ] {
            assert!(Score::parse(bad).is_err(), "{bad}");
        }
        assert!(Score::parse("99999999999999999999")
            .unwrap_err()
            .contains("超出"));
    }

    #[test]
    fn scores_print_with_two_decimals() {
        assert_eq!(Score(8550).to_string(), "85.50");
        assert_eq!(Score(5).to_string(), "0.05");
        assert_eq!(Score(10_000).to_string(), "100.00");
    }

    #[test]
    fn weights_must_sum_to_100() {
        assert_eq!(
            Weights::new(50, 50),
            Ok(Weights {
                written: 50,
                interview: 50
            })
        );
        assert!(Weights::new(100, 0).is_ok());
        assert!(Weights::new(0, 100).is_ok());
        assert_eq!(
            Weights::new(60, 50),
            Err("笔试权重 60% 与面试权重 50% 之和须为 100%".into())
        );
        assert!(Weights::new(40, 50).is_err());
        assert!(Weights::new(-10, 110).unwrap_err().contains("0–100"));
        assert!(Weights::new(110, -10).unwrap_err().contains("0–100"));
    }

    #[test]
    fn the_total_weighs_both_scores() {
        let w = Weights::new(40, 60).unwrap();
        assert_eq!(
            total(w, Some(Score(8000)), Some(Score(9000))),
            Some(860_000)
        );
        assert_eq!(total(w, None, Some(Score(9000))), None);
        assert_eq!(total(w, Some(Score(9000)), None), None);
        assert_eq!(total_label(860_000), "86");
        assert_eq!(total_label(878_750), "87.875");
        assert_eq!(total_label(5), "0.0005");
        assert_eq!(total_label(1_000_000), "100");
    }

    proptest! {
        #[test]
        fn every_two_decimal_score_reads_back(h in 0i64..=10_000) {
            let s = Score(h);
            prop_assert_eq!(Score::parse(&s.to_string()), Ok(s));
        }

        #[test]
        fn the_total_lies_between_the_two_scores(a in 0i64..=10_000, b in 0i64..=10_000, w in 0i64..=100) {
            let t = total(Weights::new(w, 100 - w).unwrap(), Some(Score(a)), Some(Score(b))).unwrap();
            prop_assert!(t >= a.min(b) * 100 && t <= a.max(b) * 100);
        }
    }
}
