//! Growth rates, percentage points and shares, and how a stated figure is
//! compared with the exact one: it agrees when the exact value rounds (half
//! up) to it at the decimals the writer gave.

use std::fmt;

/// A decimal as written: digits without the point, and how many of them
/// follow the point. 36.8 is `Decimal { units: 368, scale: 1 }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Decimal {
    pub units: i64,
    pub scale: u32,
}

impl Decimal {
    pub fn value(self) -> f64 {
        self.units as f64 / 10f64.powi(self.scale as i32)
    }

    /// `exact` rounded half up (away from zero) to `scale` decimals.
    pub fn round(exact: f64, scale: u32) -> Decimal {
        let factor = 10f64.powi(scale as i32);
        // A tiny nudge so that 58.25 stored as 58.249999… still rounds up.
        let scaled = exact * factor;
        let units = (scaled.abs() + 0.5 + 1e-9).floor() as i64 * scaled.signum() as i64;
        Decimal { units, scale }
    }

    /// Whether `exact` rounds to this figure at its own decimals.
    pub fn agrees_with(self, exact: f64) -> bool {
        Decimal::round(exact, self.scale) == self
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.units);
        }
        let factor = 10i64.pow(self.scale);
        let sign = if self.units < 0 { "-" } else { "" };
        let (whole, frac) = (self.units.abs() / factor, self.units.abs() % factor);
        write!(
            f,
            "{sign}{whole}.{frac:0width$}",
            width = self.scale as usize
        )
    }
}

/// Growth rate in percent from `previous` to `current`; `None` when there
/// was nothing before (a rate over zero means nothing).
pub fn growth_rate(previous: f64, current: f64) -> Option<f64> {
    (previous != 0.0).then(|| (current - previous) / previous * 100.0)
}

/// `part` as a percentage of `whole`; `None` for an empty whole.
pub fn share(part: f64, whole: f64) -> Option<f64> {
    (whole != 0.0).then(|| part / whole * 100.0)
}
