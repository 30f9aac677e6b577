//! 身份证件 (identity documents): document types, the 18-digit 公民身份号码
//! (GB 11643-1999 citizen identification number) and the number rules of
//! each document type. Pure logic: no I/O, and nothing here panics on any
//! input string.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

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
const PROVINCES: [u8; 35] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}')
}

/// Trim (incl. U+3000), full-width ASCII forms → half-width, ASCII letters uppercased.
fn normalise(s: &str) -> String {
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
fn date_of(s: &str) -> Option<NaiveDate> {
    (s.len() == 8).then(|| super::dates::ymd(s)).flatten()
}

/// GB 11643 rules; `doc` only names the document in error messages.
fn parse_national(s: &str, doc: DocumentType) -> Result<String, IdError> {
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

#[cfg(test)]
mod tests {
    use super::DocumentType::*;
    use super::*;
    use proptest::prelude::*;

    const VECTORS: &str = include_str!("../../../../data/standards/gb11643_test_vectors.csv");

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn with_check(body: &str) -> String {
        format!("{body}{}", check_char(body).unwrap())
    }

    #[test]
    fn gb11643_vectors() {
        let rows: Vec<Vec<&str>> = VECTORS
            .lines()
            .skip(1)
            .map(|l| l.splitn(6, ',').collect())
            .collect();
        assert!(rows.len() >= 7);
        for f in rows {
            let (id, valid, check) = (f[0], f[1] == "true", f[2].chars().next().unwrap());
            assert_eq!(check_char(&id[..17]), Some(check), "{id}");
            let fixed = NationalId::parse(&with_check(&id[..17])).unwrap();
            let birth = fixed.birth_date().format("%Y-%m-%d").to_string();
            let sex = if f[4] == "M" { Sex::Male } else { Sex::Female };
            assert_eq!((birth.as_str(), fixed.sex()), (f[3], sex), "{id}");
            let found = id.chars().last().unwrap();
            let want = match valid {
                true => Ok(fixed),
                false => Err(IdError::CheckDigit {
                    doc: ResidentId,
                    expected: check,
                    found,
                }),
            };
            assert_eq!(NationalId::parse(id), want, "{id}");
        }
    }

    #[test]
    fn messages() {
        let cases = [
            ("11010519491231002", "身份证号应为 18 位，实际为 17 位"),
            (
                "110105194912310021",
                "身份证号校验位错误：最后一位应为 X，而不是 1",
            ),
            (
                "110105194902310021",
                "身份证号中的出生日期 19490231 不是有效日期",
            ),
            (
                "110105491231002",
                "15 位旧身份证号已停用，请填写 18 位身份证号",
            ),
            (
                "99010519491231002X",
                "身份证号前两位 99 不是有效的省级行政区划代码",
            ),
            (
                "1101051949123100X2",
                "身份证号第 17 位应为数字，而不是「X」",
            ),
            (
                "11010519491231002A",
                "身份证号第 18 位应为数字或 X，而不是「A」",
            ),
            ("\u{3000} ", "身份证号不能为空"),
        ];
        for (input, want) in cases {
            assert_eq!(NationalId::parse(input).unwrap_err().to_string(), want);
        }
        assert_eq!(NationalId::parse("110105491231002"), Err(IdError::Legacy15));
        let e = validate_document(HkMacaoPass, "X1234567").unwrap_err();
        assert!(e
            .to_string()
            .starts_with("港澳居民来往内地通行证号码格式不正确"));
    }

    #[test]
    fn normalisation_and_accessors() {
        let id = NationalId::parse("\u{3000}１１０１０５１９４９１２３１００２ｘ ").unwrap();
        assert_eq!(id.as_str(), "11010519491231002X");
        assert_eq!(NationalId::parse("11010519491231002x").unwrap(), id);
        assert_eq!(id.division_code(), "110105");
        assert_eq!(id.masked(), "110105********002X");
        assert_eq!(format!("{id:?}"), "NationalId(110105********002X)");
        let zj = NationalId::parse(&with_check("33050320100101123")).unwrap();
        assert!(zj.masked().starts_with("330503********123"));
        assert_eq!((zj.sex(), zj.birth_date()), (Sex::Male, ymd(2010, 1, 1)));
        assert_eq!((Sex::Male.label(), Sex::Male.code()), ("男", "1"));
        assert_eq!((Sex::Female.label(), Sex::Female.code()), ("女", "2"));
        assert_eq!(
            (check_char("1234"), check_char("1101051949123100a")),
            (None, None)
        );
    }

    #[test]
    fn parse_at_limits_birth_date() {
        let at = |s: &str| NationalId::parse_at(s, ymd(2024, 6, 1)).map_err(|e| e.to_string());
        assert!(at("11010519491231002X").is_ok());
        let future = with_check("11010520300101002");
        assert!(NationalId::parse(&future).is_ok());
        assert_eq!(
            at(&future).unwrap_err(),
            "身份证号中的出生日期 20300101 晚于今天"
        );
        let old = at("440524188001010014").unwrap_err();
        assert_eq!(old, "身份证号中的出生日期 18800101 早于 1900 年");
    }

    #[test]
    fn document_type_parse() {
        for d in DocumentType::ALL {
            assert_eq!(DocumentType::parse(d.key()), Some(d));
            assert_eq!(DocumentType::parse(d.label()), Some(d));
        }
        let cases = [
            ("居民身份证", ResidentId),
            (" 身份证 ", ResidentId),
            ("1", ResidentId),
            ("港澳台居民居住证", HkMacaoTaiwanResidence),
            ("香港特区护照/身份证明", HkMacaoPass),
            ("澳门特区护照/身份证明", HkMacaoPass),
            ("7", HkMacaoPass),
            ("台湾居民来往大陆通行证", TaiwanPass),
            ("护照", Passport),
            ("a", Passport),
            ("境外永久居住证", ForeignPermanentResidence),
            ("其他", Other),
            ("Z", Other),
            ("户口簿", Other),
        ];
        for (s, d) in cases {
            assert_eq!(DocumentType::parse(s), Some(d), "{s}");
        }
        assert_eq!(
            (DocumentType::parse("驾驶证"), DocumentType::parse("")),
            (None, None)
        );
    }

    #[test]
    fn documents_good_and_bad() {
        let ok = |d, s: &str, want: &str| assert_eq!(validate_document(d, s).as_deref(), Ok(want));
        let bad = |d, s: &str| assert!(validate_document(d, s).is_err(), "{d:?} {s}");
        ok(ResidentId, " 11010519491231002x", "11010519491231002X");
        bad(ResidentId, "110105194912310021");
        let hk = with_check("81000019900101002");
        ok(HkMacaoTaiwanResidence, &hk, &hk);
        let e = validate_document(HkMacaoTaiwanResidence, "11010519491231002X");
        assert_eq!(e, Err(IdError::ResidencePrefix { code: "11".into() }));
        ok(HkMacaoPass, "h12345678", "H12345678");
        ok(HkMacaoPass, "M1234567890", "M1234567890");
        ok(TaiwanPass, "12345678", "12345678");
        ok(TaiwanPass, "１２３４５６７８９０", "1234567890");
        ok(Passport, "e12345678", "E12345678");
        ok(
            ForeignPermanentResidence,
            "USA123456789012",
            "USA123456789012",
        );
        let new = with_check("93112019900101001");
        ok(ForeignPermanentResidence, &new, &new);
        ok(Other, " 军官证 123 ", "军官证 123");
        let bad_cases = [
            (
                HkMacaoPass,
                vec!["H1234567", "X12345678", "H123456789", "12345678"],
            ),
            (TaiwanPass, vec!["123456789", "1234567A", ""]),
            (Passport, vec!["E123", "E1234567890123456789", "E-1234567"]),
            (
                ForeignPermanentResidence,
                vec!["US1123456789012", "831120199001010012"],
            ),
            (
                Other,
                vec!["", "a\u{7}b", "x123456789x123456789x123456789x"],
            ),
        ];
        for (d, inputs) in bad_cases {
            inputs.into_iter().for_each(|s| bad(d, s));
        }
        let wrong = format!(
            "{}{}",
            &new[..17],
            if new.ends_with('0') { '1' } else { '0' }
        );
        let e = validate_document(ForeignPermanentResidence, &wrong).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("外国人永久居留身份证号码校验位错误"),
            "{e}"
        );
    }

    fn body17() -> impl Strategy<Value = String> {
        let province = prop::sample::select(PROVINCES.to_vec());
        (province, 0u32..10_000, 0u64..47_000, 0u32..1000).prop_map(|(p, area, days, seq)| {
            let date = ymd(1900, 1, 1) + chrono::Days::new(days);
            format!("{p:02}{area:04}{}{seq:03}", date.format("%Y%m%d"))
        })
    }

    proptest! {
        #[test]
        fn never_panics(
            any_s in any::<String>(),
            digits in "[0-9]{0,25}",
            mixed in "[0-9xX０-９ｘ \u{3000}]{0,25}",
            uni in "\\PC{0,30}",
        ) {
            for s in [&any_s, &digits, &mixed, &uni] {
                if let Ok(id) = NationalId::parse(s) {
                    let _ = (id.birth_date(), id.sex(), id.masked(), id.division_code());
                }
                let _ = NationalId::parse_at(s, ymd(2024, 6, 1)).map_err(|e| e.to_string());
                let _ = (check_char(s), DocumentType::parse(s));
                for d in DocumentType::ALL {
                    let _ = validate_document(d, s).map_err(|e| e.to_string());
                }
            }
        }

        #[test]
        fn check_char_makes_valid_ids_and_catches_single_substitutions(body in body17()) {
            let id = with_check(&body);
            prop_assert!(NationalId::parse(&id).is_ok(), "{}", id);
            for pos in 0..18 {
                for c in "0123456789X".chars().filter(|&c| pos == 17 || c != 'X') {
                    if id.as_bytes()[pos] != c as u8 {
                        let mut changed = id.clone();
                        changed.replace_range(pos..=pos, c.encode_utf8(&mut [0; 4]));
                        prop_assert!(NationalId::parse(&changed).is_err(), "{}", changed);
                    }
                }
            }
        }

        #[test]
        fn masked_hides_birth_date(body in body17()) {
            let id = NationalId::parse(&with_check(&body)).unwrap();
            let (m, s) = (id.masked(), id.as_str());
            prop_assert_eq!(m.len(), 18);
            prop_assert_eq!(&m[6..14], "********");
            prop_assert_eq!((&m[..6], &m[14..]), (&s[..6], &s[14..]));
        }
    }
}
