//! A Gantt timeline as PNG: one row per item, its planned spans drawn light
//! in the upper half of the row and its actual spans dark in the lower
//! half, over a date axis marked at each new year.

use chrono::{Datelike, NaiveDate};
use plotters::prelude::*;

use super::font::style;
use super::{draw_error, encode_png};

const WIDTH: u32 = 1100;
const LABEL_W: i32 = 300;
const CHART_W: i32 = 760;
const ROW_H: i32 = 24;
const TOP: i32 = 72;

/// One row of the timeline: spans are (first day, last day), both included.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GanttRow {
    pub label: String,
    pub planned: Vec<(NaiveDate, NaiveDate)>,
    pub actual: Vec<(NaiveDate, NaiveDate)>,
}

/// The days every span of `rows` covers, first and last.
fn range(rows: &[GanttRow]) -> Option<(NaiveDate, NaiveDate)> {
    rows.iter()
        .flat_map(|r| r.planned.iter().chain(&r.actual))
        .fold(None, |acc, &(s, e)| {
            let (s, e) = (s.min(e), s.max(e));
            Some(acc.map_or((s, e), |(a, b): (NaiveDate, NaiveDate)| {
                (a.min(s), b.max(e))
            }))
        })
}

/// The x pixel of the start of `day` in a chart of `from`..=`to`.
fn x_of(day: NaiveDate, from: NaiveDate, to: NaiveDate) -> i32 {
    let days = (to - from).num_days() + 1;
    LABEL_W + ((day - from).num_days() * i64::from(CHART_W) / days) as i32
}

/// Draws `rows` under `title`; an empty timeline is a titled blank chart.
pub fn gantt_png(title: &str, rows: &[GanttRow]) -> anyhow::Result<Vec<u8>> {
    let height = (TOP + ROW_H * rows.len().max(1) as i32 + 16) as u32;
    let mut buf = vec![0u8; (WIDTH * height * 3) as usize];
    {
        let (root, labels) = super::canvas(&mut buf, (WIDTH, height), title)?;
        if labels {
            root.draw(&Text::new("浅色：计划  深色：实际", (12, 40), style(13.0)))
                .map_err(draw_error)?;
        }
        let Some((from, to)) = range(rows) else {
            root.present().map_err(draw_error)?;
            drop(root);
            return encode_png(&buf, WIDTH, height);
        };
        let bottom = TOP + ROW_H * rows.len() as i32;
        for year in from.year() + 1..=to.year() {
            let Some(jan1) = NaiveDate::from_ymd_opt(year, 1, 1) else {
                continue;
            };
            let x = x_of(jan1, from, to);
            root.draw(&PathElement::new(
                [(x, TOP - 8), (x, bottom)],
                RGBColor(200, 200, 200),
            ))
            .map_err(draw_error)?;
            if labels {
                root.draw(&Text::new(year.to_string(), (x + 3, TOP - 20), style(12.0)))
                    .map_err(draw_error)?;
            }
        }
        let x_end = |e: NaiveDate| {
            x_of(e, from, to) + (i64::from(CHART_W) / ((to - from).num_days() + 1)).max(1) as i32
        };
        for (i, row) in rows.iter().enumerate() {
            let y = TOP + ROW_H * i as i32;
            for (spans, colour, (top, bot)) in [
                (
                    &row.planned,
                    RGBColor(158, 202, 225),
                    (y + 3, y + ROW_H / 2),
                ),
                (
                    &row.actual,
                    RGBColor(11, 83, 148),
                    (y + ROW_H / 2, y + ROW_H - 3),
                ),
            ] {
                for &(s, e) in spans {
                    let (s, e) = (s.min(e), s.max(e));
                    let bar = Rectangle::new(
                        [(x_of(s, from, to), top), (x_end(e), bot)],
                        colour.filled(),
                    );
                    root.draw(&bar).map_err(draw_error)?;
                }
            }
            if labels {
                root.draw(&Text::new(row.label.clone(), (12, y + 5), style(13.0)))
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

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn a_timeline_is_a_png_sized_to_its_rows() {
        let rows = [
            GanttRow {
                label: "金湾一中新建工程".into(),
                planned: vec![
                    (d(2025, 3, 1), d(2025, 6, 30)),
                    (d(2025, 7, 1), d(2026, 8, 31)),
                ],
                actual: vec![(d(2025, 3, 10), d(2025, 7, 15))],
            },
            GanttRow {
                label: "航空新城小学".into(),
                planned: vec![],
                actual: vec![(d(2026, 2, 1), d(2026, 1, 1))],
            },
        ];
        let png = gantt_png("项目进度甘特图", &rows).expect("png");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
        assert_eq!(height, (TOP + ROW_H * 2 + 16) as u32);
        assert!(gantt_png("空", &[]).is_ok());
        assert!(gantt_png("无日期", &[GanttRow::default()]).is_ok());
    }

    #[test]
    fn days_map_onto_the_chart_width() {
        let rows = [GanttRow {
            label: String::new(),
            planned: vec![(d(2026, 1, 10), d(2026, 1, 1))],
            actual: vec![(d(2026, 1, 5), d(2026, 1, 20))],
        }];
        assert_eq!(range(&rows), Some((d(2026, 1, 1), d(2026, 1, 20))));
        assert_eq!(range(&[]), None);
        let (from, to) = (d(2026, 1, 1), d(2026, 1, 20));
        assert_eq!(x_of(from, from, to), LABEL_W);
        assert_eq!(x_of(d(2026, 1, 11), from, to), LABEL_W + CHART_W / 2);
    }
}
