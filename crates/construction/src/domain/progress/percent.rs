//! Percentages of work done, kept in tenths of a percent (99.5% is 995) so
//! the seed's "99.5%" is stored exactly.

use serde::{Deserialize, Serialize};

/// A share of work done, 0–1000 tenths of a percent.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    sqlx::Type,
    utoipa::ToSchema,
)]
#[sqlx(transparent)]
#[serde(transparent)]
pub struct Tenths(pub i64);

impl Tenths {
    pub const FULL: Tenths = Tenths(1000);

    /// A value in range, or why not.
    pub fn new(tenths: i64) -> Result<Tenths, String> {
        if (0..=1000).contains(&tenths) {
            Ok(Tenths(tenths))
        } else {
            Err(format!(
                "进度应在 0% 到 100% 之间，而不是 {}",
                Tenths(tenths)
            ))
        }
    }

    /// A percentage as people write it: "85", "99.5", "85%", "85．5％",
    /// with at most one decimal.
    pub fn parse(text: &str) -> Result<Tenths, String> {
        let t: String = text
            .trim()
            .chars()
            .map(|c| match c {
                '．' => '.',
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                other => other,
            })
            .collect();
        let t = t.trim_end_matches(['%', '％']).trim();
        let wrong = || format!("“{}”不是百分数（如 85 或 99.5）", text.trim());
        let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
        if whole.is_empty() || whole.len() > 4 || frac.len() > 1 {
            return Err(wrong());
        }
        if !whole
            .bytes()
            .chain(frac.bytes())
            .all(|b| b.is_ascii_digit())
        {
            return Err(wrong());
        }
        let whole: i64 = whole.parse().map_err(|_| wrong())?;
        let frac: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().map_err(|_| wrong())?
        };
        Tenths::new(whole * 10 + frac)
    }

    /// The percentage as a number (85.5).
    pub fn percent(self) -> f64 {
        self.0 as f64 / 10.0
    }
}

impl std::fmt::Display for Tenths {
    /// "85%", "99.5%".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        if abs.is_multiple_of(10) {
            write!(f, "{sign}{}%", abs / 10)
        } else {
            write!(f, "{sign}{}.{}%", abs / 10, abs % 10)
        }
    }
}

impl From<Tenths> for platform::db::Arg {
    fn from(v: Tenths) -> Self {
        platform::db::Arg::Int(Some(v.0))
    }
}
