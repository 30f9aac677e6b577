//! The number rules of each document type (GB 11643-1999 for the 公民身份号码).

use chrono::NaiveDate;

use super::{DocumentType, IdError};

/// GB 11643 check character of a 17-digit 本体码; `None` unless exactly 17 ASCII digits.
pub fn check_char(body17: &str) -> Option<char> {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let b = body17.as_bytes();
    if b.len() != 17 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = b
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    "10X98765432".chars().nth((sum % 11) as usize)
}

/// Validates `number` as a number of document type `doc`; returns it normalised
/// (trimmed, full-width → half-width, letters uppercased; `Other` is only trimmed).
pub fn validate_document(doc: DocumentType, number: &str) -> Result<String, IdError> {
    use DocumentType::*;
    let n = match doc {
        Other => number.trim_matches(is_blank).to_string(),
        _ => normalise(number),
    };
    if n.is_empty() {
        return Err(IdError::Empty { doc });
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let ok_if = |ok: bool, rule: &'static str| match ok {
        true => Ok(n.clone()),
        false => Err(IdError::Format { doc, rule }),
    };
    match doc {
        ResidentId => parse_national(&n, doc),
        HkMacaoTaiwanResidence => {
            let id = parse_national(&n, doc)?;
            match &id[..2] {
                "81" | "82" | "83" => Ok(id),
                code => Err(IdError::ResidencePrefix {
                    code: code.to_string(),
                }),
            }
        }
        HkMacaoPass => {
            let rest = n.strip_prefix(['H', 'M']).unwrap_or("");
            let ok = matches!(rest.len(), 8 | 10) && digits(rest);
            ok_if(ok, " H 或 M 开头，后接 8 位或 10 位数字")
        }
        TaiwanPass => ok_if(matches!(n.len(), 8 | 10) && digits(&n), " 8 位或 10 位数字"),
        Passport => {
            let ok = (5..=17).contains(&n.len())
                && n.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
            ok_if(ok, " 5 至 17 位大写字母或数字")
        }
        ForeignPermanentResidence => {
            const RULE: &str = " 3 位字母加 12 位数字（旧版 15 位）或以 9 开头的 18 位号码（新版）";
            let b = n.as_bytes();
            if b.len() == 15 && b[..3].iter().all(u8::is_ascii_uppercase) && digits(&n[3..]) {
                return Ok(n);
            }
            let found = char::from(*b.last().unwrap_or(&b'?'));
            if b.len() != 18 || b[0] != b'9' || !(found.is_ascii_digit() || found == 'X') {
                return ok_if(false, RULE);
            }
            match check_char(&n[..17]) {
                Some(expected) if expected == found => Ok(n),
                Some(expected) => Err(IdError::CheckDigit {
                    doc,
                    expected,
                    found,
                }),
                None => ok_if(false, RULE),
            }
        }
        Other => {
            let ok = n.chars().count() <= 30 && !n.chars().any(char::is_control);
            ok_if(ok, " 1 至 30 个字符，且不含控制字符")
        }
    }
}

/// 省级行政区划代码 allowed as the first two digits (81/82/83: 港澳台居民居住证).
pub(super) const PROVINCES: [u8; 35] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}')
}

/// Trim (incl. U+3000), full-width ASCII forms → half-width, ASCII letters uppercased.
pub(super) fn normalise(s: &str) -> String {
    s.trim_matches(is_blank)
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// `YYYYMMDD` (8 ASCII digits) → a real calendar date.
pub(super) fn date_of(s: &str) -> Option<NaiveDate> {
    (s.len() == 8)
        .then(|| crate::vocab::dates::ymd(s))
        .flatten()
}

/// GB 11643 rules; `doc` only names the document in error messages.
pub(super) fn parse_national(s: &str, doc: DocumentType) -> Result<String, IdError> {
    let n = normalise(s);
    let len = n.chars().count();
    if len == 0 {
        return Err(IdError::Empty { doc });
    }
    if doc == DocumentType::ResidentId && len == 15 && n.bytes().all(|b| b.is_ascii_digit()) {
        return Err(IdError::Legacy15);
    }
    if len != 18 {
        return Err(IdError::Length { doc, actual: len });
    }
    if let Some((i, found)) = n
        .chars()
        .enumerate()
        .find(|&(i, c)| !(c.is_ascii_digit() || (i == 17 && c == 'X')))
    {
        return Err(IdError::BadChar {
            doc,
            position: i + 1,
            found,
        });
    }
    // From here on `n` is 18 ASCII characters.
    let province = &n[..2];
    if !province.parse().is_ok_and(|p: u8| PROVINCES.contains(&p)) {
        return Err(IdError::Province {
            doc,
            code: province.to_string(),
        });
    }
    if date_of(&n[6..14]).is_none() {
        return Err(IdError::InvalidDate {
            doc,
            date: n[6..14].to_string(),
        });
    }
    let found = char::from(n.as_bytes()[17]);
    match check_char(&n[..17]) {
        Some(expected) if expected == found => Ok(n),
        expected => Err(IdError::CheckDigit {
            doc,
            expected: expected.unwrap_or('?'),
            found,
        }),
    }
}
