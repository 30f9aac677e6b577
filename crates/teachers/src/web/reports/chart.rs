//! A horizontal bar chart as PNG, drawn with plotters on the server. Labels
//! need a CJK font: the first of [`FONTS`] found is loaded once; without
//! one the bars are drawn unlabelled rather than with broken glyphs.

use std::sync::OnceLock;

use plotters::prelude::*;
use plotters::style::{register_font, FontStyle};

/// Where the fonts the product installs (fonts-noto-cjk) are found, and
/// the fallbacks; `EDUBUREAU_CHART_FONT` names another.
const FONTS: [&str; 3] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
];
const FAMILY: &str = "edubureau-cjk";

/// Whether a CJK font has been registered with plotters.
fn font() -> bool {
    static LOADED: OnceLock<bool> = OnceLock::new();
    *LOADED.get_or_init(|| {
        let mut paths: Vec<String> = std::env::var("EDUBUREAU_CHART_FONT").into_iter().collect();
        paths.extend(FONTS.map(String::from));
        paths.iter().any(|path| {
            std::fs::read(path).is_ok_and(|bytes| {
                let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
                register_font(FAMILY, FontStyle::Normal, bytes).is_ok()
            })
        })
    })
}

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
        let root = BitMapBackend::with_buffer(&mut buf, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_error)?;
        let labels = font();
        let style = |size: f64| TextStyle::from((FAMILY, size).into_font()).color(&BLACK);
        if labels {
            root.draw(&Text::new(title.to_string(), (12, 12), style(20.0)))
                .map_err(draw_error)?;
        }
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
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, WIDTH, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header()?.write_image_data(&buf)?;
    Ok(png)
}

fn draw_error(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("chart: {e}")
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
