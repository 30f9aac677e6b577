use std::fmt;

use super::DocumentType;

/// Why a document number was refused. `Display` gives the message users read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdError {
    Empty {
        doc: DocumentType,
    },
    /// 15-digit 旧身份证号 (no longer accepted).
    Legacy15,
    Length {
        doc: DocumentType,
        actual: usize,
    },
    /// `position` is 1-based.
    BadChar {
        doc: DocumentType,
        position: usize,
        found: char,
    },
    Province {
        doc: DocumentType,
        code: String,
    },
    InvalidDate {
        doc: DocumentType,
        date: String,
    },
    CheckDigit {
        doc: DocumentType,
        expected: char,
        found: char,
    },
    FutureBirthDate {
        date: String,
    },
    BirthBefore1900 {
        date: String,
    },
    /// 港澳台居民居住证 number not starting with 81/82/83.
    ResidencePrefix {
        code: String,
    },
    /// Number does not match the pattern of its document type.
    Format {
        doc: DocumentType,
        rule: &'static str,
    },
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use IdError::*;
        let n = match self {
            Empty { doc } | Length { doc, .. } | BadChar { doc, .. } | Format { doc, .. } => doc,
            Province { doc, .. } | InvalidDate { doc, .. } | CheckDigit { doc, .. } => doc,
            _ => &DocumentType::ResidentId,
        }
        .number_noun();
        match self {
            Empty { .. } => write!(f, "{n}不能为空"),
            Legacy15 => f.write_str("15 位旧身份证号已停用，请填写 18 位身份证号"),
            Length { actual, .. } => write!(f, "{n}应为 18 位，实际为 {actual} 位"),
            BadChar {
                position, found, ..
            } => {
                let want = if *position == 18 {
                    "数字或 X"
                } else {
                    "数字"
                };
                let c = found.escape_debug();
                write!(f, "{n}第 {position} 位应为{want}，而不是「{c}」")
            }
            Province { code, .. } => write!(f, "{n}前两位 {code} 不是有效的省级行政区划代码"),
            InvalidDate { date, .. } => write!(f, "{n}中的出生日期 {date} 不是有效日期"),
            CheckDigit {
                expected: e,
                found: c,
                ..
            } => {
                write!(f, "{n}校验位错误：最后一位应为 {e}，而不是 {c}")
            }
            FutureBirthDate { date } => write!(f, "{n}中的出生日期 {date} 晚于今天"),
            BirthBefore1900 { date } => write!(f, "{n}中的出生日期 {date} 早于 1900 年"),
            ResidencePrefix { code } => write!(
                f,
                "港澳台居民居住证号码应以 81（香港）、82（澳门）或 83（台湾）开头，而不是 {code}"
            ),
            Format { rule, .. } => write!(f, "{n}格式不正确，应为{rule}"),
        }
    }
}

impl std::error::Error for IdError {}
