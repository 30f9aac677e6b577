//! Charts drawn on the server as PNG with plotters, for pages, reports and
//! the documents staff paste them into. Labels need a CJK font (see
//! [`font`]). One chart kind per module.

mod bar;
pub mod font;
mod gantt;
mod line;

pub use bar::bar_png;
pub use gantt::{gantt_png, GanttRow};
pub use line::{line_png, Series};

/// An RGB buffer of `width` × `height` as PNG.
pub fn encode_png(rgb: &[u8], width: u32, height: u32) -> anyhow::Result<Vec<u8>> {
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header()?.write_image_data(rgb)?;
    Ok(png)
}

/// A white canvas of `size` over `buf` with `title` at the top left, and
/// whether the CJK font is there to write labels with (without it, charts
/// draw no text rather than boxes).
fn canvas<'a>(
    buf: &'a mut [u8],
    size: (u32, u32),
    title: &str,
) -> anyhow::Result<(
    plotters::drawing::DrawingArea<plotters::prelude::BitMapBackend<'a>, plotters::coord::Shift>,
    bool,
)> {
    use plotters::prelude::*;
    let root = BitMapBackend::with_buffer(buf, size).into_drawing_area();
    root.fill(&WHITE).map_err(draw_error)?;
    let labels = font::font();
    if labels {
        root.draw(&Text::new(title.to_string(), (12, 12), font::style(20.0)))
            .map_err(draw_error)?;
    }
    Ok((root, labels))
}

/// A plotters drawing error as an error of the page.
pub fn draw_error(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("chart: {e}")
}
