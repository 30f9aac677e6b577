//! Points (分) in tenths, so that 12.5 分 adds up exactly.

use std::fmt;

/// A number of points, stored in tenths: 12.5 分 is `Points(125)`.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(transparent)]
pub struct Points(pub i64);

impl Points {
    pub const ZERO: Points = Points(0);

    /// Whole points: `Points::whole(20)` is 20 分.
    pub const fn whole(n: i64) -> Points {
        Points(n * 10)
    }

    /// Points as people write them: "20", "12.5", " 7.0 ". At most one
    /// decimal; no sign.
    pub fn parse(text: &str) -> Option<Points> {
        let text = text.trim();
        let (whole, tenth) = match text.split_once('.') {
            Some((w, t)) if t.len() == 1 => (w, t),
            Some(_) => return None,
            None => (text, "0"),
        };
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !digits(tenth) {
            return None;
        }
        Some(Points(
            whole.parse::<i64>().ok()? * 10 + tenth.parse::<i64>().ok()?,
        ))
    }
}

impl fmt::Display for Points {
    /// "20分", "12.5分".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let (whole, tenth) = (self.0.abs() / 10, self.0.abs() % 10);
        if tenth == 0 {
            write!(f, "{sign}{whole}分")
        } else {
            write!(f, "{sign}{whole}.{tenth}分")
        }
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        Points(iter.map(|p| p.0).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn points_read_and_print_as_people_write_them() {
        assert_eq!(Points::parse("20"), Some(Points::whole(20)));
        assert_eq!(Points::parse(" 12.5 "), Some(Points(125)));
        assert_eq!(Points::parse("0.0"), Some(Points::ZERO));
        for bad in [
            "",
            "-1",
            "1.25",
            "1.",
            ".5",
            "a",
            "1e3",
            "１２",
            "1234567890",
        ] {
            assert_eq!(Points::parse(bad), None, "{bad}");
        }
        assert_eq!(Points::whole(20).to_string(), "20分");
        assert_eq!(Points(125).to_string(), "12.5分");
        assert_eq!(Points(-5).to_string(), "-0.5分");
        assert_eq!(Points(-20).to_string(), "-2分");
        assert_eq!(
            [Points(5), Points(15)].into_iter().sum::<Points>(),
            Points(20)
        );
    }

    proptest! {
        #[test]
        fn printing_then_parsing_gives_the_same_points(tenths in 0i64..1_000_000_000) {
            let p = Points(tenths);
            let text = p.to_string();
            prop_assert_eq!(Points::parse(text.trim_end_matches('分')), Some(p));
        }

        #[test]
        fn parsing_never_panics(text in ".{0,12}") {
            let _ = Points::parse(&text);
        }
    }
}
