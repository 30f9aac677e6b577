//! The one field checker (字段校验) every form, API payload and import row
//! goes through: each rule trims the value, and on a problem records one
//! Chinese message, in one wording per rule, against the field's key. The
//! errors become [`FieldError`]s for a form (422 redisplay) or the API, or
//! [`RowError`]s for an import row.

use std::fmt::Display;
use std::ops::RangeInclusive;

use chrono::NaiveDate;

use super::dates::parse_date;
use crate::error::FieldError;
use crate::excel::RowError;

/// A field as the checker names it: its key (form field, JSON member or
/// template header) and the Chinese label its messages use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field<'a> {
    pub key: &'a str,
    pub label: &'a str,
}

impl<'a> Field<'a> {
    pub const fn new(key: &'a str, label: &'a str) -> Field<'a> {
        Field { key, label }
    }
}

/// Collects every problem of one form or row, so that all are reported at
/// once.
#[derive(Clone, Debug, Default)]
pub struct Checker {
    errors: Vec<FieldError>,
}

/// 是/否 as people write them: also 1/0, Y/N, true/false, yes/no, and a
/// check box's `on`. Empty is 否.
pub fn parse_yes_no(v: &str) -> Option<bool> {
    match v.trim() {
        "" | "否" | "0" | "N" | "n" | "no" | "false" => Some(false),
        "是" | "1" | "Y" | "y" | "yes" | "true" | "on" => Some(true),
        _ => None,
    }
}

impl Checker {
    pub fn new() -> Checker {
        Checker::default()
    }

    /// Any other problem, in the caller's words.
    pub fn custom(&mut self, key: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(key, message));
    }

    /// "请填写{label}" when empty; the value trimmed.
    pub fn required<'v>(&mut self, f: Field, v: &'v str) -> &'v str {
        let v = v.trim();
        if v.is_empty() {
            self.custom(f.key, format!("请填写{}", f.label));
        }
        v
    }

    /// An optional telephone number: 7 to 20 digits, with `-`, `+` and
    /// spaces allowed between them; "{label}“{v}”格式不正确" otherwise.
    pub fn phone<'v>(&mut self, f: Field, v: &'v str) -> &'v str {
        let v = v.trim();
        let digits = v.chars().filter(char::is_ascii_digit).count();
        let allowed = v
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | ' '));
        let valid = (7..=20).contains(&digits) && allowed;
        if !v.is_empty() && !valid {
            self.custom(f.key, format!("{}“{v}”格式不正确", f.label));
        }
        v
    }

    /// Optional text of at most `max` characters, trimmed.
    pub fn text<'v>(&mut self, f: Field, v: &'v str, max: usize) -> &'v str {
        let v = v.trim();
        if v.chars().count() > max {
            self.custom(f.key, format!("{}不能超过 {max} 个字", f.label));
        }
        v
    }

    /// Required text of at most `max` characters, trimmed.
    pub fn required_text<'v>(&mut self, f: Field, v: &'v str, max: usize) -> &'v str {
        if v.trim().is_empty() {
            self.required(f, v)
        } else {
            self.text(f, v, max)
        }
    }

    /// 是 or 否 (see [`parse_yes_no`]); anything else is an error and 否.
    pub fn yes_no(&mut self, f: Field, v: &str) -> bool {
        parse_yes_no(v).unwrap_or_else(|| {
            let v = v.trim();
            self.custom(f.key, format!("{}应填“是”或“否”，而不是“{v}”", f.label));
            false
        })
    }

    /// A whole number within `range`; `None` when empty or wrong.
    pub fn int(&mut self, f: Field, v: &str, range: RangeInclusive<i64>) -> Option<i64> {
        let v = v.trim();
        if v.is_empty() {
            return None;
        }
        match v.parse::<i64>() {
            Ok(n) if range.contains(&n) => Some(n),
            Ok(_) => {
                let (lo, hi) = (range.start(), range.end());
                self.custom(f.key, format!("{}应在 {lo} 到 {hi} 之间", f.label));
                None
            }
            Err(_) => {
                self.custom(f.key, format!("{}应为整数，而不是“{v}”", f.label));
                None
            }
        }
    }

    /// A date in any form [`parse_date`] accepts; `None` when empty or
    /// unreadable.
    pub fn date(&mut self, f: Field, v: &str) -> Option<NaiveDate> {
        let v = v.trim();
        if v.is_empty() {
            return None;
        }
        let d = parse_date(v);
        if d.is_none() {
            self.custom(
                f.key,
                format!("{}“{v}”无法识别，请写作 20140901 或 2014-09-01", f.label),
            );
        }
        d
    }

    /// One of `allowed` (empty passes: pair with [`Checker::required`]
    /// when the field must be filled).
    pub fn one_of<'v>(&mut self, f: Field, v: &'v str, allowed: &[impl AsRef<str>]) -> &'v str {
        let v = v.trim();
        if !v.is_empty() && !allowed.is_empty() && !allowed.iter().any(|a| a.as_ref() == v) {
            let list: Vec<&str> = allowed.iter().map(AsRef::as_ref).collect();
            self.custom(
                f.key,
                format!("{}应为 {} 之一，而不是“{v}”", f.label, list.join("、")),
            );
        }
        v
    }

    /// A value read by the area's own parser (money in 元, a code); its
    /// error follows the label: "{label}：{why}". Empty is `None`.
    pub fn parsed<T, E: Display>(
        &mut self,
        f: Field,
        v: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        let v = v.trim();
        if v.is_empty() {
            return None;
        }
        parse(v)
            .map_err(|why| self.custom(f.key, format!("{}：{why}", f.label)))
            .ok()
    }

    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// Whether some problem has been recorded for `key`.
    pub fn has_error(&self, key: &str) -> bool {
        self.errors.iter().any(|e| e.field == key)
    }

    pub fn extend(&mut self, errors: impl IntoIterator<Item = FieldError>) {
        self.errors.extend(errors);
    }

    /// `value` when nothing was wrong, else every problem.
    pub fn finish<T>(self, value: T) -> Result<T, Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self.errors)
        }
    }

    pub fn into_errors(self) -> Vec<FieldError> {
        self.errors
    }
}

/// Field errors of import row `row` as row errors: each field key becomes
/// its column label through `columns` (key, label); keys not listed are
/// column labels already (as a template header is).
pub fn row_errors(
    row: usize,
    errors: impl IntoIterator<Item = FieldError>,
    columns: &[(&str, &str)],
) -> Vec<RowError> {
    errors
        .into_iter()
        .map(|e| {
            let column = columns
                .iter()
                .find(|(k, _)| *k == e.field)
                .map_or(e.field.as_str(), |(_, l)| *l);
            RowError::new(row, column, e.message)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_of_7_to_20_digits_pass_and_others_are_named() {
        let f = Field::new("phone", "监护人电话");
        let mut c = Checker::new();
        for ok in ["", " 0572-1234567 ", "+86 138 0000 0000", "1234567"] {
            c.phone(f, ok);
        }
        assert!(c.is_ok());
        for bad in ["123456", "123456789012345678901", "0572-12a4567"] {
            c.phone(f, bad);
        }
        let msgs: Vec<String> = c
            .finish(())
            .unwrap_err()
            .into_iter()
            .map(|e| e.message)
            .collect();
        assert_eq!(
            msgs,
            [
                "监护人电话“123456”格式不正确",
                "监护人电话“123456789012345678901”格式不正确",
                "监护人电话“0572-12a4567”格式不正确",
            ]
        );
    }
    use proptest::prelude::*;

    const NAME: Field = Field::new("name", "机构名称");
    const BOARDING: Field = Field::new("boarding", "是否寄宿制");
    const PLACES: Field = Field::new("places", "核定学位数");

    fn messages(c: Checker) -> Vec<String> {
        c.into_errors().into_iter().map(|e| e.message).collect()
    }

    #[test]
    fn text_is_trimmed_required_and_bounded() {
        let mut c = Checker::new();
        assert_eq!(c.required_text(NAME, "  练市小学 ", 4), "练市小学");
        assert!(c.is_ok());
        c.required_text(NAME, "   ", 4);
        c.text(NAME, "练市镇中心小学", 4);
        assert_eq!(c.text(NAME, "", 4), "");
        assert!(c.has_error("name") && !c.has_error("code"));
        assert_eq!(messages(c), ["请填写机构名称", "机构名称不能超过 4 个字"]);
    }

    #[test]
    fn yes_no_in_every_usual_spelling() {
        let mut c = Checker::new();
        for v in ["是", "1", "Y", "y", "true", "yes", "on", " 是 "] {
            assert!(c.yes_no(BOARDING, v), "{v}");
        }
        for v in ["", "否", "0", "N", "n", "false", "no"] {
            assert!(!c.yes_no(BOARDING, v), "{v}");
        }
        assert!(c.is_ok());
        assert!(!c.yes_no(BOARDING, "寄宿"));
        assert_eq!(messages(c), ["是否寄宿制应填“是”或“否”，而不是“寄宿”"]);
    }

    #[test]
    fn integers_dates_and_code_lists() {
        let mut c = Checker::new();
        assert_eq!(c.int(PLACES, " 300 ", 0..=500), Some(300));
        assert_eq!(c.int(PLACES, "", 0..=500), None);
        assert_eq!(c.int(PLACES, "很多", 0..=500), None);
        assert_eq!(c.int(PLACES, "501", 0..=500), None);
        let f = Field::new("birth", "出生日期");
        assert_eq!(
            c.date(f, "2014年9月1日"),
            NaiveDate::from_ymd_opt(2014, 9, 1)
        );
        assert_eq!(c.date(f, ""), None);
        assert_eq!(c.date(f, "去年"), None);
        let h = Field::new("health", "健康状况");
        assert_eq!(c.one_of(h, " 良好 ", &["健康", "良好"]), "良好");
        c.one_of(h, "", &["健康"]);
        c.one_of(h, "差", &["健康", "良好"]);
        assert_eq!(
            messages(c),
            [
                "核定学位数应为整数，而不是“很多”",
                "核定学位数应在 0 到 500 之间",
                "出生日期“去年”无法识别，请写作 20140901 或 2014-09-01",
                "健康状况应为 健康、良好 之一，而不是“差”",
            ]
        );
    }

    #[test]
    fn parsed_values_and_custom_messages() {
        let mut c = Checker::new();
        let f = Field::new("budget", "预算");
        assert_eq!(c.parsed(f, " 12 ", str::parse::<u8>), Some(12));
        assert_eq!(c.parsed(f, "", str::parse::<u8>), None);
        assert_eq!(c.parsed(f, "x", |_| Err::<u8, _>("不能为负数")), None);
        c.custom("code", "学校标识码应为 10 位数字");
        let e = c.finish(()).unwrap_err();
        assert_eq!(e[0], FieldError::new("budget", "预算：不能为负数"));
        assert_eq!(e[1].field, "code");
        assert_eq!(Checker::new().finish(7), Ok(7));
    }

    #[test]
    fn field_errors_become_row_errors_by_column_label() {
        let errors = vec![
            FieldError::new("name", "请填写机构名称"),
            FieldError::new("姓名", "请填写姓名"),
        ];
        let rows = row_errors(5, errors, &[("name", "机构名称")]);
        assert_eq!(
            rows,
            [
                RowError::new(5, "机构名称", "请填写机构名称"),
                RowError::new(5, "姓名", "请填写姓名"),
            ]
        );
    }

    proptest! {
        #[test]
        fn every_rule_answers_any_text(v in "\\PC{0,30}", max in 0usize..10) {
            let mut c = Checker::new();
            let t = c.required_text(NAME, &v, max);
            prop_assert_eq!(t, v.trim());
            prop_assert_eq!(
                c.is_ok(),
                !t.is_empty() && t.chars().count() <= max
            );
            let yes = c.yes_no(BOARDING, &v);
            prop_assert!(!yes || parse_yes_no(&v) == Some(true));
            if let Some(n) = c.int(PLACES, &v, -5..=5) {
                prop_assert!((-5..=5).contains(&n));
            }
            let _ = c.date(NAME, &v);
            let _ = c.one_of(NAME, &v, &["甲", "乙"]);
        }
    }
}
