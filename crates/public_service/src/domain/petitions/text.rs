//! The text rules of petitions: the reference number (信访编号, e.g.
//! XF2026-000123), the writer's mobile number, and the removal of personal
//! data from a reply before it is published.

/// The reference number of the `n`th petition of `year`.
pub fn ref_no(year: i32, n: i64) -> String {
    format!("XF{year:04}-{n:06}")
}

/// The year and number of a reference as a person types it (spaces around
/// it and lower case forgiven); `None` for anything else.
pub fn parse_ref(s: &str) -> Option<(i32, i64)> {
    let s = s.trim().to_ascii_uppercase();
    let rest = s.strip_prefix("XF")?;
    let (year, n) = rest.split_once('-')?;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if year.len() != 4 || !digits(year) || n.len() < 6 || n.len() > 12 || !digits(n) {
        return None;
    }
    let number: i64 = n.parse().ok()?;
    (number > 0).then_some((year.parse().ok()?, number))
}

/// A mainland mobile number: 11 digits, 1 then 3–9.
pub fn valid_mobile(p: &str) -> bool {
    let b = p.as_bytes();
    b.len() == 11
        && b.iter().all(u8::is_ascii_digit)
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1])
}

/// What replaces a piece of personal data.
pub const REDACTED: &str = "***";

/// A run of at least this many digits is taken for a phone, ID or account
/// number and removed.
pub const DIGIT_RUN: usize = 7;

/// `text` without the writer's personal data: every occurrence of each of
/// `terms` (name, phone, ID number; terms shorter than two characters are
/// ignored) and every run of [`DIGIT_RUN`] or more digits (with an ID
/// number's final X) become [`REDACTED`].
pub fn redact(text: &str, terms: &[&str]) -> String {
    let mut out = text.to_string();
    for t in terms.iter().map(|t| t.trim()) {
        if t.chars().count() >= 2 && !t.contains('*') {
            out = out.replace(t, REDACTED);
        }
    }
    mask_digit_runs(&out)
}

fn mask_digit_runs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_ascii_digit() {
            out.push(c);
            continue;
        }
        let mut run = String::from(c);
        while let Some(d) = chars.next_if(char::is_ascii_digit) {
            run.push(d);
        }
        if run.len() >= DIGIT_RUN {
            chars.next_if(|x| *x == 'X' || *x == 'x');
            out.push_str(REDACTED);
        } else {
            out.push_str(&run);
        }
    }
    out
}
