//! 身份证件 (identity documents): document types, the 18-digit 公民身份号码
//! (GB 11643-1999 citizen identification number) and the number rules of
//! each document type. Pure logic: no I/O, and nothing here panics on any
//! input string.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

mod error;
mod number;

pub use error::IdError;
#[cfg(test)]
use number::PROVINCES;
pub use number::{check_char, validate_document};
use number::{date_of, normalise, parse_national};

/// 身份证件类型 (identity document type).
///
/// [`DocumentType::parse`] accepts the key, the label, and the codes and labels
/// of `data/standards/jyt_sfzjlx.csv` (JY/T code table SFZJLX) and of field 8
/// 身份证件类型 in `data/standards/xueji_student_template_72_fields.csv`
/// (nothing is loaded at run time; the mapping below is written out in code):
/// - `1` 居民身份证 → `ResidentId`
/// - `6` 香港特区护照/身份证明, `7` 澳门特区护照/身份证明 → `HkMacaoPass`
///   (the 回乡证 is what 港澳 pupils hold in the mainland; UNVERIFIED against
///   the 学籍 system's own number rule for these two codes)
/// - `8` 台湾居民来往大陆通行证 → `TaiwanPass`
/// - `9` 境外永久居住证 → `ForeignPermanentResidence`
/// - `A` 护照 → `Passport`
/// - `Z` 其他, and `2`–`5` 军官证/士兵证/文职干部证/部队离退休证, `B` 户口簿 → `Other`
///
/// 港澳台居民居住证 has no SFZJLX code and is accepted by label only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    /// 居民身份证 (JY/T code 1)
    ResidentId,
    /// 港澳台居民居住证 (number in GB 11643 form, prefix 81/82/83)
    HkMacaoTaiwanResidence,
    /// 港澳居民来往内地通行证 (回乡证)
    HkMacaoPass,
    /// 台湾居民来往大陆通行证 (台胞证)
    TaiwanPass,
    /// 护照
    Passport,
    /// 外国人永久居留身份证 (境外永久居住证)
    ForeignPermanentResidence,
    /// 其他
    Other,
}

impl DocumentType {
    pub const ALL: [DocumentType; 7] = [
        DocumentType::ResidentId,
        DocumentType::HkMacaoTaiwanResidence,
        DocumentType::HkMacaoPass,
        DocumentType::TaiwanPass,
        DocumentType::Passport,
        DocumentType::ForeignPermanentResidence,
        DocumentType::Other,
    ];

    /// Key, label, and how error messages name the number.
    fn names(self) -> [&'static str; 3] {
        match self {
            DocumentType::ResidentId => ["resident_id", "居民身份证", "身份证号"],
            DocumentType::HkMacaoTaiwanResidence => [
                "hk_macao_taiwan_residence",
                "港澳台居民居住证",
                "港澳台居民居住证号码",
            ],
            DocumentType::HkMacaoPass => [
                "hk_macao_pass",
                "港澳居民来往内地通行证",
                "港澳居民来往内地通行证号码",
            ],
            DocumentType::TaiwanPass => [
                "taiwan_pass",
                "台湾居民来往大陆通行证",
                "台湾居民来往大陆通行证号码",
            ],
            DocumentType::Passport => ["passport", "护照", "护照号码"],
            DocumentType::ForeignPermanentResidence => {
                let key = "foreign_permanent_residence";
                [key, "外国人永久居留身份证", "外国人永久居留身份证号码"]
            }
            DocumentType::Other => ["other", "其他", "证件号码"],
        }
    }

    pub fn key(self) -> &'static str {
        self.names()[0]
    }

    pub fn label(self) -> &'static str {
        self.names()[1]
    }

    fn number_noun(self) -> &'static str {
        self.names()[2]
    }

    /// Accepts the key, the label, or a JY/T SFZJLX code or label (see the type's doc).
    pub fn parse(s: &str) -> Option<DocumentType> {
        use DocumentType::*;
        let lower = s.trim().to_ascii_lowercase();
        if let Some(d) = Self::ALL.into_iter().find(|d| d.key() == lower) {
            return Some(d);
        }
        Some(match normalise(s).as_str() {
            "1" | "居民身份证" | "身份证" | "中华人民共和国居民身份证" => {
                ResidentId
            }
            "港澳台居民居住证" | "港澳居民居住证" | "台湾居民居住证" => {
                HkMacaoTaiwanResidence
            }
            "6"
            | "7"
            | "香港特区护照/身份证明"
            | "澳门特区护照/身份证明"
            | "港澳居民来往内地通行证"
            | "回乡证" => HkMacaoPass,
            "8" | "台湾居民来往大陆通行证" | "台胞证" => TaiwanPass,
            "A" | "护照" => Passport,
            "9" | "境外永久居住证" | "外国人永久居留身份证" | "外国人永久居留证" => {
                ForeignPermanentResidence
            }
            "Z" | "其他" | "其它" | "2" | "3" | "4" | "5" | "B" | "军官证" | "士兵证"
            | "文职干部证" | "部队离退休证" | "户口簿" => Other,
            _ => return None,
        })
    }
}

/// 性别 with its GB/T 2261.1 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// 男 (code 1)
    Male,
    /// 女 (code 2)
    Female,
}

impl Sex {
    pub fn label(self) -> &'static str {
        match self {
            Sex::Male => "男",
            Sex::Female => "女",
        }
    }

    /// GB/T 2261.1 code: "1" 男, "2" 女.
    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "1",
            Sex::Female => "2",
        }
    }
}

/// A validated 18-character 公民身份号码 (GB 11643-1999), check character `X` uppercase.
///
/// `Debug` prints the [masked](NationalId::masked) form so ids do not leak into logs.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NationalId(String);

impl NationalId {
    /// Normalises (trim incl. U+3000, full-width → half-width, `x` → `X`) and validates
    /// length, characters, province, birth date and check digit. Independent of today.
    pub fn parse(s: &str) -> Result<NationalId, IdError> {
        parse_national(s, DocumentType::ResidentId).map(NationalId)
    }

    /// Like [`NationalId::parse`], and also refuses birth dates after `today` or before 1900.
    pub fn parse_at(s: &str, today: NaiveDate) -> Result<NationalId, IdError> {
        let id = NationalId::parse(s)?;
        let date = id.0[6..14].to_string();
        let birth = id.birth_date();
        if birth > today {
            return Err(IdError::FutureBirthDate { date });
        }
        if birth.year() < 1900 {
            return Err(IdError::BirthBefore1900 { date });
        }
        Ok(id)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// 出生日期 (digits 7–14).
    pub fn birth_date(&self) -> NaiveDate {
        // Always Some: the date was validated by `parse`.
        date_of(&self.0[6..14]).unwrap_or(NaiveDate::MIN)
    }

    /// 性别: the 17th digit (顺序码 last digit) is odd for men, even for women.
    pub fn sex(&self) -> Sex {
        match self.0.as_bytes().get(16) {
            Some(d) if d % 2 == 1 => Sex::Male,
            _ => Sex::Female,
        }
    }

    /// 行政区划代码 of the 户籍 at issue (first 6 digits, GB/T 2260).
    pub fn division_code(&self) -> &str {
        &self.0[..6]
    }

    /// First 6 and last 4 kept, birth date hidden: `330503********123X`.
    pub fn masked(&self) -> String {
        format!("{}********{}", &self.0[..6], &self.0[14..])
    }
}

impl fmt::Debug for NationalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NationalId({})", self.masked())
    }
}

impl fmt::Display for NationalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for NationalId {
    type Error = IdError;
    fn try_from(s: String) -> Result<Self, IdError> {
        NationalId::parse(&s)
    }
}

impl From<NationalId> for String {
    fn from(id: NationalId) -> String {
        id.0
    }
}

#[cfg(test)]
#[path = "identity_tests.rs"]
mod tests;
