//! One cell of an exported sheet, typed so that Excel can sum and sort the
//! numbers while ID numbers stay text, and so that no text can run as a
//! formula.

use std::borrow::Cow;

use chrono::NaiveDate;

/// What a cell holds. Text and IDs pass through [`neutralise`] when written.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell<'a> {
    Blank,
    /// Free text: names, labels, notes.
    Text(Cow<'a, str>),
    /// A code or number that is not a quantity (ID numbers, 学校标识码,
    /// phone numbers, reference numbers): a text cell formatted as text, so
    /// an 18-digit ID keeps every digit and a leading zero stays.
    Id(Cow<'a, str>),
    /// A count: pupils, places, classes.
    Int(i64),
    /// Money in fen (分), shown in 元 with two decimals: `1,846,000.00`.
    Yuan(i64),
    /// Money in fen, shown in 万元 with two decimals. The cell holds the
    /// exact amount, so sums are exact; only the display is rounded.
    Wan(i64),
    /// A rate in hundredths of a percent (9882 = 98.82%).
    Percent(i64),
    Date(NaiveDate),
}

impl<'a> Cell<'a> {
    pub fn text(s: impl Into<Cow<'a, str>>) -> Cell<'a> {
        Cell::Text(s.into())
    }

    pub fn id(s: impl Into<Cow<'a, str>>) -> Cell<'a> {
        Cell::Id(s.into())
    }

    /// How many columns the cell needs on screen (CJK characters take two).
    pub(super) fn width(&self) -> usize {
        match self {
            Cell::Blank => 0,
            Cell::Text(s) | Cell::Id(s) => width(&neutralise(s)),
            Cell::Int(n) => n.to_string().len(),
            Cell::Yuan(fen) => grouped_len(fen / 100) + 3,
            Cell::Wan(fen) => grouped_len(fen / 1_000_000) + 3,
            Cell::Percent(_) => "100.00%".len(),
            Cell::Date(_) => "2025-09-01".len(),
        }
    }
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(s: &'a str) -> Cell<'a> {
        Cell::text(s)
    }
}

impl From<i64> for Cell<'_> {
    fn from(n: i64) -> Self {
        Cell::Int(n)
    }
}

/// A count that may be missing: blank when absent.
impl From<Option<i64>> for Cell<'_> {
    fn from(n: Option<i64>) -> Self {
        n.map_or(Cell::Blank, Cell::Int)
    }
}

/// Display width of text: CJK characters take two columns.
pub(super) fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// Width of a whole number with thousands separators.
fn grouped_len(n: i64) -> usize {
    let digits = n.unsigned_abs().to_string().len();
    digits + (digits - 1) / 3 + usize::from(n < 0)
}

/// Characters that make a spreadsheet read the rest of a cell as a formula
/// (OWASP "CSV injection"): `=`, `+`, `-`, `@`, tab and carriage return,
/// and their full-width forms, which East Asian versions of Excel may take
/// for the ASCII ones when a cell is typed.
const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// Text that would start a formula gets a leading `'`, the mark by which
/// Excel, WPS and LibreOffice take what follows as text. The mark is part of
/// the value, so it survives a copy, a retyped cell and a "save as CSV";
/// [`unneutralise`] removes it again when such a file is imported. Text that
/// already starts with marks before a formula character gets one more, so
/// the round trip gives back exactly what was written.
pub fn neutralise(s: &str) -> Cow<'_, str> {
    if starts_formula(s.trim_start_matches('\'')) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// The value [`neutralise`] was given: one leading `'` before a formula
/// character is dropped (as Excel itself does when a user types `'=`).
pub fn unneutralise(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if starts_formula(rest.trim_start_matches('\'')) => rest,
        _ => s,
    }
}

fn starts_formula(s: &str) -> bool {
    s.starts_with(FORMULA_STARTS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formula_starts_are_neutralised_and_nothing_else() {
        for s in [
            "=1+1",
            "+86 572",
            "-5",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "＝SUM(A1)",
        ] {
            assert_eq!(neutralise(s), format!("'{s}"), "{s}");
        }
        for s in ["张三", "330503201503150011", "", "a=b", "'quoted"] {
            assert_eq!(neutralise(s), s, "{s}");
        }
        assert_eq!(neutralise("'=x"), "''=x");
        assert_eq!(unneutralise("'=x"), "=x");
        assert_eq!(unneutralise("'x"), "'x");
    }

    #[test]
    fn widths_follow_what_excel_shows() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("幼儿园"), 6);
        assert_eq!(Cell::Yuan(184_600_000).width(), "1,846,000.00".len());
        assert_eq!(Cell::Wan(-184_600_000).width(), "-184.60".len());
        assert_eq!(Cell::Int(-12).width(), 3);
        assert_eq!(Cell::text("=x").width(), 3);
        assert_eq!(Cell::from(None::<i64>).width(), 0);
    }

    proptest! {
        #[test]
        fn import_reads_back_what_export_neutralised(s in "['=+@a-z张\\t-]{0,6}") {
            let shown = neutralise(&s);
            prop_assert_eq!(unneutralise(&shown), s.as_str());
            prop_assert!(!starts_formula(&shown));
        }
    }
}
