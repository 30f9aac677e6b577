//! Pure rules of the area's figures: 督导覆盖率 (institutions visited in a
//! period over all) and 整改按期完成率 (orders closed by their deadline over
//! the orders due), both as percentages.

/// `part` of `whole` as a percentage (part clamped to 0..=whole); none
/// when there is nothing to count.
pub fn percent(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part.clamp(0, whole) as f64 * 100.0 / whole as f64)
}

/// A percentage as the start page shows it: "87.5%", or "—" when there is
/// nothing to count.
pub fn show_percent(value: Option<f64>) -> String {
    value.map_or("—".into(), |v| {
        let text = format!("{v:.1}");
        format!("{}%", text.strip_suffix(".0").unwrap_or(&text))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percentage_of_nothing_is_none() {
        assert_eq!(percent(0, 0), None);
        assert_eq!(percent(3, 0), None);
        assert_eq!(percent(3, -1), None);
    }

    #[test]
    fn a_part_is_clamped_to_the_whole() {
        assert_eq!(percent(0, 4), Some(0.0));
        assert_eq!(percent(1, 4), Some(25.0));
        assert_eq!(percent(4, 4), Some(100.0));
        assert_eq!(percent(5, 4), Some(100.0));
        assert_eq!(percent(-1, 4), Some(0.0));
    }

    #[test]
    fn percentages_show_one_decimal_unless_whole() {
        assert_eq!(show_percent(None), "—");
        assert_eq!(show_percent(Some(100.0)), "100%");
        assert_eq!(show_percent(Some(87.5)), "87.5%");
        assert_eq!(show_percent(Some(2.0 * 100.0 / 3.0)), "66.7%");
        assert_eq!(show_percent(Some(0.0)), "0%");
    }
}
