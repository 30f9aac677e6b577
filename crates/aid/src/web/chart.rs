//! A horizontal bar chart as inline SVG, drawn on the server (no script).

use maud::{html, Markup};

/// Bars for `(label, value)` pairs; `text` formats a value for its label.
pub fn bar_chart(title: &str, rows: &[(String, i64)], text: impl Fn(i64) -> String) -> Markup {
    let max = rows.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let (label_w, bar_w, row_h) = (220i64, 520i64, 24i64);
    let height = row_h * rows.len() as i64 + 30;
    html! {
        svg.chart xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(title)
            width=(label_w + bar_w + 140) height=(height) viewBox=(format!("0 0 {} {height}", label_w + bar_w + 140)) {
            title { (title) }
            text x="0" y="16" font-size="14" font-weight="bold" { (title) }
            @for (n, (label, value)) in rows.iter().enumerate() {
                @let y = 26 + row_h * n as i64;
                @let w = if *value > 0 { (value * bar_w / max).max(1) } else { 0 };
                text x=(label_w - 6) y=(y + 16) font-size="12" text-anchor="end" { (label) }
                rect x=(label_w) y=(y + 4) width=(w) height=(row_h - 8) fill="#0b5394" {}
                text x=(label_w + w + 6) y=(y + 16) font-size="12" { (text(*value)) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_bar_is_full_width() {
        let svg = bar_chart("合计", &[("甲".into(), 50), ("乙".into(), 100)], |v| {
            v.to_string()
        })
        .into_string();
        assert!(svg.contains("width=\"520\""));
        assert!(svg.contains("width=\"260\""));
        assert!(svg.starts_with("<svg"));
    }
}
