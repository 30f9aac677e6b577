//! 年月 as people write them: 2010-09, 2010.9, 201009, 2010年9月.

/// The month as `YYYY-MM`, or `None` when it is not a month between 1900
/// and 2100.
pub fn parse_year_month(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches('月');
    let (y, m) = if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        (&s[..4], &s[4..])
    } else {
        s.split_once(['-', '.', '/', '年'])?
    };
    let (y, m): (i64, i64) = (y.trim().parse().ok()?, m.trim().parse().ok()?);
    ((1900..=2100).contains(&y) && (1..=12).contains(&m)).then(|| format!("{y:04}-{m:02}"))
}
