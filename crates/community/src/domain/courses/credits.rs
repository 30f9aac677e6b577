//! The credit bank (学分银行): converting learning hours to credits,
//! recognising outside certificates, adjustments, and when a session's
//! certificate (结业证书) is earned. Credits are kept in tenths.

use serde::Serialize;

/// Minutes in one 学时 (a class hour as the credit bank counts it).
pub const MINUTES_PER_HOUR: i64 = 60;

/// The bureau's conversion rules. The defaults: 每 10 学时 = 1 学分,
/// rounding down to tenths; a session's certificate needs attendance at
/// 80% of its meetings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CreditRules {
    /// 学时 that make one credit.
    pub hours_per_credit: i64,
    /// Share of a session's meetings (%) a card must attend for the
    /// certificate.
    pub completion_percent: i64,
}

impl Default for CreditRules {
    fn default() -> Self {
        CreditRules {
            hours_per_credit: 10,
            completion_percent: 80,
        }
    }
}

impl CreditRules {
    /// The rules from the bureau's settings as stored (text); a value
    /// missing or out of range keeps its default.
    pub fn from_settings(hours_per_credit: &str, completion_percent: &str) -> CreditRules {
        let d = CreditRules::default();
        let read = |v: &str, range: std::ops::RangeInclusive<i64>, default: i64| {
            v.trim()
                .parse::<i64>()
                .ok()
                .filter(|n| range.contains(n))
                .unwrap_or(default)
        };
        CreditRules {
            hours_per_credit: read(hours_per_credit, 1..=1000, d.hours_per_credit),
            completion_percent: read(completion_percent, 1..=100, d.completion_percent),
        }
    }

    /// Credits (in tenths, rounded down) for `minutes` of learning.
    pub fn credits_tenths(&self, minutes: i64) -> i64 {
        if minutes <= 0 || self.hours_per_credit <= 0 {
            return 0;
        }
        minutes * 10 / (self.hours_per_credit * MINUTES_PER_HOUR)
    }

    /// Whether attending `attended` of `meetings` earns the certificate.
    pub fn completes(&self, attended: i64, meetings: i64) -> bool {
        meetings > 0 && attended * 100 >= meetings * self.completion_percent
    }

    /// "每 10 学时 = 1 学分".
    pub fn describe(&self) -> String {
        format!(
            "每 {} 学时（{} 分钟/学时）= 1 学分，按 0.1 学分向下取整；出勤达 {}% 的学员可获结业证书",
            self.hours_per_credit, MINUTES_PER_HOUR, self.completion_percent
        )
    }
}

platform::text_enum! {
    /// The level of a recognised outside certificate (职业资格/技能等级).
    pub enum CertificateLevel {
        Primary = "primary" "初级（五级）",
        Intermediate = "intermediate" "中级（四级）",
        Advanced = "advanced" "高级（三级）",
        Technician = "technician" "技师（二级）",
        Senior = "senior" "高级技师（一级）",
        Other = "other" "其他证书",
    }
}

impl CertificateLevel {
    /// The credits (tenths) a certificate of this level is recognised for.
    pub fn credits_tenths(self) -> i64 {
        match self {
            CertificateLevel::Primary => 20,
            CertificateLevel::Intermediate => 40,
            CertificateLevel::Advanced => 60,
            CertificateLevel::Technician => 80,
            CertificateLevel::Senior => 100,
            CertificateLevel::Other => 10,
        }
    }
}

/// Most credits one booking may add or take (in tenths).
pub const MAX_BOOKING_TENTHS: i64 = 1000;

/// Credits as people write them, in tenths: "1.5" → 15, "-2" → -20, at
/// most one decimal; `None` for anything else or beyond ±100.
pub fn parse_credits(text: &str) -> Option<i64> {
    let t = text.trim();
    let (negative, digits) = match t.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (whole, tenth) = match digits.split_once('.') {
        Some((w, f)) if f.len() == 1 => (w, f),
        Some(_) => return None,
        None => (digits, "0"),
    };
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !tenth.bytes().all(|b| b.is_ascii_digit())
        || whole.len() > 4
    {
        return None;
    }
    let value = whole.parse::<i64>().ok()? * 10 + tenth.parse::<i64>().ok()?;
    if value > MAX_BOOKING_TENTHS {
        return None;
    }
    Some(if negative { -value } else { value })
}

/// Tenths of a credit as shown: 15 → "1.5", -5 → "-0.5", 20 → "2.0".
pub fn show_credits(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let a = tenths.unsigned_abs();
    format!("{sign}{}.{}", a / 10, a % 10)
}

/// The number of the `seq`-th certificate the area issues in `year`:
/// "SQ2026-00012" (结业证书) or "RD2026-00003" (认定的外部证书).
pub fn certificate_number(prefix: &str, year: i32, seq: i64) -> String {
    format!("{prefix}{year}-{seq:05}")
}

/// Prefix of the certificates the area issues for completed sessions.
pub const ISSUED_PREFIX: &str = "SQ";
/// Prefix under which outside certificates are registered when recognised.
pub const RECOGNISED_PREFIX: &str = "RD";

#[cfg(test)]
#[path = "credits_tests.rs"]
mod tests;
