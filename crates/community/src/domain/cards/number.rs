//! The card number (学习卡号): the district's 6-digit division code, an
//! 8-digit serial and a check character of ISO 7064 MOD 11-2 over the 14
//! digits (`0`–`9` or `X`, the scheme of the 公民身份号码), so that a
//! mistyped digit or two swapped neighbours are caught before any look-up.
//! Example: `330503` `00000001` `?`.

use serde::{Deserialize, Serialize};

/// Digits before the check character.
const BODY: usize = 14;
/// Largest serial: 8 digits.
pub const MAX_SERIAL: i64 = 99_999_999;

/// ISO 7064 MOD 11-2 check character of ASCII digits; `None` for any other
/// character.
pub fn check_char(digits: &str) -> Option<char> {
    let mut p = 0u32;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        p = ((p + u32::from(b - b'0')) * 2) % 11;
    }
    let c = (12 - p) % 11;
    Some(match c {
        10 => 'X',
        d => char::from(b'0' + d as u8),
    })
}

/// A learning card's number, checked.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CardNo(String);

impl CardNo {
    /// The number of serial `serial` in the district of `division` (6
    /// digits); `None` if either does not fit.
    pub fn allocate(division: &str, serial: i64) -> Option<CardNo> {
        let ok = division.len() == 6 && division.bytes().all(|b| b.is_ascii_digit());
        if !ok || !(1..=MAX_SERIAL).contains(&serial) {
            return None;
        }
        let body = format!("{division}{serial:08}");
        let check = check_char(&body)?;
        Some(CardNo(format!("{body}{check}")))
    }

    /// Reads a typed number: blanks around it ignored, `x` taken as `X`.
    pub fn parse(s: &str) -> Option<CardNo> {
        let s = s.trim().to_ascii_uppercase();
        if s.len() != BODY + 1 || !s.is_char_boundary(BODY) {
            return None;
        }
        let (body, check) = s.split_at(BODY);
        let valid = check_char(body)?.to_string() == check;
        valid.then_some(CardNo(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for CardNo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
