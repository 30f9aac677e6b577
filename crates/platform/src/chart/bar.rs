//! A horizontal bar chart as PNG, drawn with plotters on the server.

use plotters::prelude::*;

use super::font::style;
use super::{draw_error, encode_png};

const WIDTH: u32 = 900;
const LABEL_W: i32 = 260;
const BAR_W: f64 = 520.0;
const ROW_H: i32 = 28;
const TOP: i32 = 48;

/// Bars for `(label, value)`, longest bar full width, each value printed
/// after its bar with `text`.
pub fn bar_png(
    title: &str,
    bars: &[(String, f64)],
    text: impl Fn(f64) -> String,
) -> anyhow::Result<Vec<u8>> {
    let height = (TOP + ROW_H * bars.len().max(1) as i32 + 16) as u32;
    let mut buf = vec![0u8; (WIDTH * height * 3) as usize];
    {
        let (root, labels) = super::canvas(&mut buf, (WIDTH, height), title)?;
        let max = bars.iter().map(|b| b.1).fold(0.0, f64::max);
        for (i, (label, value)) in bars.iter().enumerate() {
            let y = TOP + ROW_H * i as i32;
            let w = if max > 0.0 {
                (value / max * BAR_W).round() as i32
            } else {
                0
            };
            let bar = Rectangle::new(
                [(LABEL_W, y + 4), (LABEL_W + w.max(1), y + ROW_H - 4)],
                RGBColor(11, 83, 148).filled(),
            );
            root.draw(&bar).map_err(draw_error)?;
            if labels {
                root.draw(&Text::new(label.clone(), (12, y + 6), style(15.0)))
                    .map_err(draw_error)?;
                root.draw(&Text::new(
                    text(*value),
                    (LABEL_W + w + 8, y + 6),
                    style(15.0),
                ))
                .map_err(draw_error)?;
            }
        }
        root.present().map_err(draw_error)?;
    }
    encode_png(&buf, WIDTH, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_is_a_png_sized_to_its_bars() {
        let png = bar_png(
            "生师比",
            &[("小学".into(), 17.5), ("初中".into(), 12.0)],
            |v| format!("{v:.1}"),
        )
        .expect("png");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
        assert_eq!(height, (TOP + ROW_H * 2 + 16) as u32);
        assert!(bar_png("空", &[], |v| v.to_string()).is_ok());
    }
}
