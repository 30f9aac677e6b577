//! The numbers of a Chinese text with their units: "1,045人次", "36.8%",
//! "２.７６个百分点", "949万元".

use crate::rate::Decimal;

/// A number found in a text, with where it stands and the unit after it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Number {
    /// Byte offsets of the number and its unit in the text.
    pub start: usize,
    pub end: usize,
    pub value: Decimal,
    /// The unit as written after it ("人", "%", "个百分点", "万元"), or "".
    pub unit: String,
}

impl Number {
    pub fn is_percent(&self) -> bool {
        self.unit == "%"
    }
}

/// Units a figure may carry, the longer before those they start with.
const UNITS: &[&str] = &[
    "个百分点",
    "万平方米",
    "平方米",
    "万人次",
    "人次",
    "万元",
    "亿元",
    "元",
    "学时",
    "所",
    "个",
    "名",
    "人",
    "项",
    "次",
    "节",
    "间",
    "台",
    "套",
    "件",
    "万",
    "%",
];

/// Full-width digits and signs as their ASCII forms.
fn ascii(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        '％' => '%',
        _ => c,
    }
}

/// Every number in `text`, in order. Thousands separators (1,045) are read
/// as part of the number; a comma followed by other than three digits ends it.
pub fn numbers(text: &str) -> Vec<Number> {
    let chars: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, ascii(c))).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let (mut digits, mut scale, mut seen_point) = (String::new(), 0u32, false);
        while i < chars.len() {
            let c = chars[i].1;
            if c.is_ascii_digit() {
                digits.push(c);
                scale += u32::from(seen_point);
            } else if c == '.' && !seen_point && next_is_digit(&chars, i) {
                seen_point = true;
            } else if c == ',' && !seen_point && thousands_follow(&chars, i) {
                // 1,045: the separator is skipped.
            } else {
                break;
            }
            i += 1;
        }
        let Some(units) = digits.parse::<i64>().ok().filter(|_| digits.len() <= 15) else {
            continue;
        };
        let rest: String = chars[i..].iter().take(4).map(|(_, c)| *c).collect();
        let unit = UNITS
            .iter()
            .find(|u| rest.starts_with(**u))
            .copied()
            .unwrap_or("");
        i += unit.chars().count();
        let end = chars.get(i).map_or(text.len(), |(at, _)| *at);
        out.push(Number {
            start,
            end,
            value: Decimal { units, scale },
            unit: unit.to_string(),
        });
    }
    out
}

fn next_is_digit(chars: &[(usize, char)], i: usize) -> bool {
    chars.get(i + 1).is_some_and(|(_, c)| c.is_ascii_digit())
}

/// Exactly three digits follow the comma and then no fourth.
fn thousands_follow(chars: &[(usize, char)], i: usize) -> bool {
    (1..=3).all(|k| chars.get(i + k).is_some_and(|(_, c)| c.is_ascii_digit()))
        && !chars.get(i + 4).is_some_and(|(_, c)| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(text: &str) -> Vec<(String, String)> {
        numbers(text)
            .into_iter()
            .map(|n| (n.value.to_string(), n.unit))
            .collect()
    }

    fn pair(v: &str, u: &str) -> (String, String) {
        (v.to_string(), u.to_string())
    }

    #[test]
    fn numbers_come_with_their_units() {
        assert_eq!(
            read("19人，比去年增加7人，增长率36.8%"),
            [pair("19", "人"), pair("7", "人"), pair("36.8", "%")]
        );
        assert_eq!(
            read("共1,045人次，较去年提高2.76个百分点"),
            [pair("1045", "人次"), pair("2.76", "个百分点")]
        );
        assert_eq!(read("投入949万元"), [pair("949", "万元")]);
        assert_eq!(read("达到２.５％"), [pair("2.5", "%")]);
        assert_eq!(read("达到２．５％"), [pair("2.5", "%")]);
        assert_eq!(read("2026年3月"), [pair("2026", ""), pair("3", "")]);
        assert_eq!(read("1,2人"), [pair("1", ""), pair("2", "人")]);
        assert_eq!(read("12.人"), [pair("12", "")]);
        assert_eq!(read("1,0000人"), [pair("1", ""), pair("0", "人")]);
        assert_eq!(read("12,0000人"), [pair("12", ""), pair("0", "人")]);
        assert_eq!(read("没有数字"), []);
    }

    #[test]
    fn offsets_cover_the_number_and_its_unit() {
        let text = "增长率36.8%。";
        let n = &numbers(text)[0];
        assert_eq!(&text[n.start..n.end], "36.8%");
        assert!(n.is_percent());
        let n = &numbers("共5")[0];
        assert_eq!(n.end, "共5".len());
    }

    proptest! {
        #[test]
        fn reading_never_panics(text in "[0-9０-９.,，%％人万个百分点年 a-z]{0,40}") {
            for n in numbers(&text) {
                prop_assert!(n.start < n.end && n.end <= text.len());
                prop_assert!(text.is_char_boundary(n.start) && text.is_char_boundary(n.end));
            }
        }
    }
}
