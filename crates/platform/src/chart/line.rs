//! A line chart as PNG (a trend over years), drawn with plotters on the
//! server: one line per series over the same labelled points.

use plotters::prelude::*;

use super::font::{font, style};
use super::{draw_error, encode_png};

const WIDTH: u32 = 900;
const HEIGHT: u32 = 420;
const LEFT: i32 = 70;
const RIGHT: i32 = 40;
const TOP: i32 = 70;
const BOTTOM: i32 = 50;
const COLOURS: [RGBColor; 4] = [
    RGBColor(11, 83, 148),
    RGBColor(200, 80, 30),
    RGBColor(40, 140, 60),
    RGBColor(120, 60, 150),
];

/// One line: its name and a value (or a gap) at each point.
pub type Series = (String, Vec<Option<f64>>);

/// Lines over the points `labels` (years), the value axis from 0 to the
/// largest value (rounded up, see [`axis_max`]), each value
/// printed above its point with `text`.
pub fn line_png(
    title: &str,
    labels: &[String],
    series: &[Series],
    text: impl Fn(f64) -> String,
) -> anyhow::Result<Vec<u8>> {
    let mut buf = vec![0u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_error)?;
        let labelled = font();
        let (x0, x1, y0, y1) = (LEFT, WIDTH as i32 - RIGHT, TOP, HEIGHT as i32 - BOTTOM);
        root.draw(&PathElement::new(vec![(x0, y0), (x0, y1), (x1, y1)], BLACK))
            .map_err(draw_error)?;
        let max = axis_max(series);
        let n = labels.len().max(1);
        let x = |k: usize| x0 + ((k as f64 + 0.5) * f64::from(x1 - x0) / n as f64) as i32;
        let y = |v: f64| y1 - (v / max * f64::from(y1 - y0)).round() as i32;
        for (k, (name, values)) in series.iter().enumerate() {
            let colour = COLOURS[k % COLOURS.len()];
            let points: Vec<(i32, i32)> = values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| Some((x(i), y((*v)?))))
                .collect();
            root.draw(&PathElement::new(points.clone(), colour.stroke_width(2)))
                .map_err(draw_error)?;
            for p in &points {
                root.draw(&Circle::new(*p, 4, colour.filled()))
                    .map_err(draw_error)?;
            }
            if labelled {
                let legend = (x1 - 220, 14 + 22 * k as i32);
                root.draw(&Rectangle::new(
                    [legend, (legend.0 + 14, legend.1 + 14)],
                    colour.filled(),
                ))
                .map_err(draw_error)?;
                root.draw(&Text::new(
                    name.clone(),
                    (legend.0 + 20, legend.1),
                    style(15.0),
                ))
                .map_err(draw_error)?;
                for (i, v) in values.iter().enumerate() {
                    if let Some(v) = v {
                        root.draw(&Text::new(text(*v), (x(i) - 16, y(*v) - 22), style(14.0)))
                            .map_err(draw_error)?;
                    }
                }
            }
        }
        if labelled {
            root.draw(&Text::new(title.to_string(), (12, 12), style(20.0)))
                .map_err(draw_error)?;
            for (i, label) in labels.iter().enumerate() {
                root.draw(&Text::new(label.clone(), (x(i) - 20, y1 + 12), style(14.0)))
                    .map_err(draw_error)?;
            }
            root.draw(&Text::new(text(max), (8, y0 - 8), style(13.0)))
                .map_err(draw_error)?;
        }
        root.present().map_err(draw_error)?;
    }
    encode_png(&buf, WIDTH, HEIGHT)
}

/// The top of the value axis: the largest value rounded up to a multiple
/// of its power of ten (93.4 → 100, 1234 → 2000); 1 when nothing is
/// positive.
fn axis_max(series: &[Series]) -> f64 {
    let max = series
        .iter()
        .flat_map(|(_, v)| v.iter().flatten())
        .fold(0.0f64, |m, v| m.max(*v));
    if max <= 0.0 {
        return 1.0;
    }
    let unit = 10f64.powf(max.log10().floor());
    (max / unit).ceil() * unit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trend_is_a_png_of_the_chart_size() {
        let png = line_png(
            "合格率",
            &["2024".into(), "2025".into(), "2026".into()],
            &[
                ("合格率".into(), vec![Some(88.0), None, Some(91.5)]),
                ("优秀率".into(), vec![Some(8.0), Some(9.0), Some(10.0)]),
            ],
            |v| format!("{v:.1}"),
        )
        .expect("png");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
        assert_eq!(height, HEIGHT);
        assert!(line_png("空", &[], &[], |v| v.to_string()).is_ok());
    }

    #[test]
    fn the_axis_ends_just_above_the_largest_value() {
        let one = |v: f64| vec![("a".to_string(), vec![Some(v)])];
        assert_eq!(axis_max(&one(93.4)), 100.0);
        assert_eq!(axis_max(&one(1234.0)), 2000.0);
        assert_eq!(axis_max(&one(5.0)), 5.0);
        assert_eq!(axis_max(&one(100.0)), 100.0);
        assert_eq!(axis_max(&one(0.0)), 1.0);
        assert_eq!(axis_max(&[]), 1.0);
    }
}
