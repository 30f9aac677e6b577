//! 金额: money as integer fen (分), never floating point.

use serde::{Deserialize, Serialize};

/// An amount in fen (分); 100 fen = 1 元.
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
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(transparent)]
pub struct Fen(pub i64);

impl Fen {
    pub const ZERO: Fen = Fen(0);

    pub fn from_yuan(yuan: i64) -> Fen {
        Fen(yuan * 100)
    }

    /// Parses an amount in 元 written as text: "320", "17.5", "1,500.00".
    /// Refuses negatives, more than two decimals, anything not a number and
    /// amounts above one hundred million 元; the message is for users.
    pub fn parse_yuan(text: &str) -> Result<Fen, String> {
        let t: String = text.trim().chars().filter(|c| *c != ',').collect();
        let t = t.strip_suffix('元').unwrap_or(&t).trim();
        if t.is_empty() {
            return Err("请填写金额".into());
        }
        if t.starts_with('-') {
            return Err(format!("金额“{text}”不能为负数"));
        }
        let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if !digits(whole) || !(frac.is_empty() || digits(frac)) || (t.ends_with('.')) {
            return Err(format!(
                "金额“{text}”不是有效的数字（单位：元，如 320 或 17.5）"
            ));
        }
        if frac.len() > 2 {
            return Err(format!("金额“{text}”最多保留两位小数（到分）"));
        }
        if whole.len() > 9 {
            return Err(format!("金额“{text}”过大"));
        }
        let w: i64 = whole.parse().map_err(|_| format!("金额“{text}”无效"))?;
        let f: i64 = if frac.is_empty() {
            0
        } else {
            format!("{frac:0<2}")
                .parse()
                .map_err(|_| format!("金额“{text}”无效"))?
        };
        Ok(Fen(w * 100 + f))
    }

    /// 元 with two decimals: `1846000.00`, `-17.50`.
    pub fn yuan(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", a / 100, a % 100)
    }

    /// 元 with two decimals and thousands separators: `1,846,000.00`.
    pub fn yuan_grouped(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        let whole = (a / 100).to_string();
        let mut out = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        format!("{sign}{out}.{:02}", a % 100)
    }

    /// 万元 with two decimals, rounded half up (away from zero):
    /// 889,568 元 → `88.96`; 1,846,000 元 → `184.60`.
    pub fn wan(self) -> String {
        // One hundredth of 万元 is 100 元 = 10,000 fen.
        let a = self.0.unsigned_abs();
        let hundredths = (a + 5_000) / 10_000;
        let sign = if self.0 < 0 && hundredths > 0 {
            "-"
        } else {
            ""
        };
        format!("{sign}{}.{:02}", hundredths / 100, hundredths % 100)
    }

    /// `88.96万元`.
    pub fn wan_label(self) -> String {
        format!("{}万元", self.wan())
    }

    pub fn checked_mul(self, n: i64) -> Option<Fen> {
        self.0.checked_mul(n).map(Fen)
    }
}

impl std::fmt::Display for Fen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}元", self.yuan_grouped())
    }
}

impl std::ops::Add for Fen {
    type Output = Fen;
    fn add(self, o: Fen) -> Fen {
        Fen(self.0 + o.0)
    }
}

impl std::ops::AddAssign for Fen {
    fn add_assign(&mut self, o: Fen) {
        self.0 += o.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn seed_figures_in_wan() {
        assert_eq!(Fen::from_yuan(889_568).wan_label(), "88.96万元");
        assert_eq!(Fen::from_yuan(1_846_000).wan_label(), "184.60万元");
        assert_eq!(Fen::from_yuan(1_846_000).yuan_grouped(), "1,846,000.00");
        assert_eq!(Fen(1_750).yuan(), "17.50");
        assert_eq!(Fen(-1_750).yuan(), "-17.50");
        assert_eq!(Fen(4_999).wan(), "0.00");
        assert_eq!(Fen(5_000).wan(), "0.01");
        assert_eq!(Fen(-5_000).wan(), "-0.01");
    }

    #[test]
    fn parses_yuan_exactly() {
        assert_eq!(Fen::parse_yuan("320"), Ok(Fen(32_000)));
        assert_eq!(Fen::parse_yuan("17.5"), Ok(Fen(1_750)));
        assert_eq!(Fen::parse_yuan(" 1,500.00元"), Ok(Fen(150_000)));
        assert_eq!(Fen::parse_yuan("0.07"), Ok(Fen(7)));
        for bad in ["-5", "abc", "1.234", "", "1.", ".5", "1e3", "12345678901"] {
            assert!(Fen::parse_yuan(bad).is_err(), "{bad}");
        }
        assert!(Fen::parse_yuan("-5").unwrap_err().contains("负数"));
    }

    proptest! {
        #[test]
        fn yuan_round_trips(f in 0i64..100_000_000_000) {
            prop_assert_eq!(Fen::parse_yuan(&Fen(f).yuan()), Ok(Fen(f)));
            prop_assert_eq!(Fen::parse_yuan(&Fen(f).yuan_grouped()), Ok(Fen(f)));
        }

        #[test]
        fn wan_is_half_up_of_exact_value(f in -10_000_000_000i64..10_000_000_000) {
            let s = Fen(f).wan();
            let neg = s.starts_with('-');
            let h: i64 = s.trim_start_matches('-').replace('.', "").parse().unwrap();
            // |f| / 10000 rounded half up equals h.
            let a = f.unsigned_abs() as i64;
            prop_assert!(h * 10_000 - 5_000 <= a && a < h * 10_000 + 5_000);
            prop_assert_eq!(neg, f < 0 && h > 0);
        }
    }
}
