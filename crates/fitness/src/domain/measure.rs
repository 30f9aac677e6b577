//! A result as written on a test sheet, in tenths of its unit: 10.2 秒,
//! 16.5 厘米, 3'30" (210 秒), 1700 毫升.

use super::item::Item;

/// A result in tenths of the item's unit (秒, 厘米, 毫升, 次).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Measure(pub i64);

impl Measure {
    /// Reads a result of `item`. Timed results finer than a tenth of a
    /// second are rounded up (a non-zero hundredth counts as the next
    /// tenth, as the standard's test rules say); other results are cut
    /// down to a tenth. Long runs may be written 3'30", 3′30″ or 3:30.
    pub fn parse(item: Item, text: &str) -> Option<Measure> {
        let text = text.trim();
        if item.is_long_run() {
            if let Some((m, s)) = split_minutes(text) {
                let minutes = whole(m)?;
                let seconds = thousandths(s)?;
                if seconds >= 60_000 {
                    return None;
                }
                return Some(Measure(to_tenths(minutes * 60_000 + seconds, true)));
            }
        }
        // Only 坐位体前屈 can fall short of zero (fingertips before the toes).
        let (sign, magnitude) = match text.strip_prefix('-') {
            Some(m) if item == Item::SitAndReach => (-1, m),
            _ => (1, text),
        };
        let signed = sign * thousandths(magnitude)?;
        Some(Measure(to_tenths(signed, item.lower_is_better())))
    }

    /// Whole units and tenths: "10.2", "210", "-0.8".
    pub fn format(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let (whole, tenth) = (self.0.abs() / 10, self.0.abs() % 10);
        if tenth == 0 {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{tenth}")
        }
    }
}

fn split_minutes(text: &str) -> Option<(&str, &str)> {
    let (m, rest) = text.split_once(['\'', '′', ':', '：'])?;
    Some((m, rest.trim_end_matches(['"', '″'])))
}

fn whole(text: &str) -> Option<i64> {
    let ok = !text.is_empty() && text.len() <= 6 && text.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| text.parse().ok()).flatten()
}

/// A non-negative decimal with at most three decimals, in thousandths.
fn thousandths(text: &str) -> Option<i64> {
    let (w, f) = text.split_once('.').unwrap_or((text, ""));
    if f.len() > 3 || (text.contains('.') && f.is_empty()) {
        return None;
    }
    let frac = if f.is_empty() {
        0
    } else {
        whole(f)? * 10i64.pow(3 - f.len() as u32)
    };
    Some(whole(w)? * 1000 + frac)
}

/// Thousandths to tenths: up (towards the next tenth) or down.
fn to_tenths(thousandths: i64, round_up: bool) -> i64 {
    let down = thousandths.div_euclid(100);
    if round_up && thousandths.rem_euclid(100) != 0 {
        down + 1
    } else {
        down
    }
}
