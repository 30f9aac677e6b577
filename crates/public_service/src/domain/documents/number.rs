//! 文号: a document's number, `浔教〔2026〕12号` — the issuer's prefix, the
//! year in hexagonal brackets (六角括号 〔〕) and the sequence of that prefix
//! and year. Typed numbers often use other brackets ([] ［］ 【】 () （）);
//! they are read as 〔〕.

use serde::{Deserialize, Serialize};

/// The longest prefix accepted (in characters).
pub const MAX_PREFIX: usize = 12;
/// The highest sequence number of a year.
pub const MAX_SEQ: u32 = 9999;
/// The years a number may carry.
pub const YEARS: std::ops::RangeInclusive<i32> = 1949..=2099;

const BRACKETS: [(char, char); 6] = [
    ('〔', '〕'),
    ('[', ']'),
    ('［', '］'),
    ('【', '】'),
    ('(', ')'),
    ('（', '）'),
];

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DocNumber {
    pub prefix: String,
    pub year: i32,
    pub seq: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("请填写文号，例如 浔教〔2026〕12号")]
    Empty,
    #[error("文号应写作“前缀〔年份〕序号号”，例如 浔教〔2026〕12号")]
    Shape,
    #[error("文号前缀应为不超过 12 个字的文字，不含数字、空格和括号")]
    Prefix,
    #[error("文号的年份应为四位数字（1949–2099）")]
    Year,
    #[error("文号的序号应为 1–9999 的数字，不以 0 开头")]
    Seq,
}

impl std::fmt::Display for DocNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}〔{}〕{}号", self.prefix, self.year, self.seq)
    }
}

/// Whether `prefix` may begin a number.
pub fn valid_prefix(prefix: &str) -> bool {
    let n = prefix.chars().count();
    n > 0
        && n <= MAX_PREFIX
        && prefix.chars().all(|c| {
            !c.is_whitespace()
                && !c.is_numeric()
                && c != '号'
                && !BRACKETS.iter().any(|(o, e)| c == *o || c == *e)
        })
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

impl DocNumber {
    /// Reads a typed number; the spaces around its parts are ignored.
    pub fn parse(text: &str) -> Result<DocNumber, NumberError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(NumberError::Empty);
        }
        let (open, close, at) = text
            .char_indices()
            .find_map(|(i, c)| {
                BRACKETS
                    .iter()
                    .find(|(o, _)| *o == c)
                    .map(|(o, e)| (*o, *e, i))
            })
            .ok_or(NumberError::Shape)?;
        let prefix = text[..at].trim();
        let rest = &text[at + open.len_utf8()..];
        let (year, rest) = rest.split_once(close).ok_or(NumberError::Shape)?;
        let seq = rest
            .trim()
            .strip_suffix('号')
            .ok_or(NumberError::Shape)?
            .trim();
        if !valid_prefix(prefix) {
            return Err(NumberError::Prefix);
        }
        let year = year.trim();
        if year.len() != 4 || !digits(year) {
            return Err(NumberError::Year);
        }
        let year: i32 = year.parse().map_err(|_| NumberError::Year)?;
        if !YEARS.contains(&year) {
            return Err(NumberError::Year);
        }
        if !digits(seq) || seq.len() > 4 || seq.starts_with('0') {
            return Err(NumberError::Seq);
        }
        let seq: u32 = seq.parse().map_err(|_| NumberError::Seq)?;
        Ok(DocNumber {
            prefix: prefix.to_string(),
            year,
            seq,
        })
    }

    /// The next number of `prefix` in `year` after the highest one given
    /// (`None`: none yet); `None` when the year's numbers are used up.
    pub fn next(prefix: &str, year: i32, highest: Option<u32>) -> Option<DocNumber> {
        let seq = highest.map_or(Some(1), |h| h.checked_add(1))?;
        (seq <= MAX_SEQ).then(|| DocNumber {
            prefix: prefix.to_string(),
            year,
            seq,
        })
    }
}
