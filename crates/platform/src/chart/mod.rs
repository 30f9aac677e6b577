//! Charts drawn on the server as PNG with plotters, for pages, reports and
//! the documents staff paste them into. Labels need a CJK font (see
//! [`font`]). One chart kind per module.

mod bar;
pub mod font;
mod gantt;

pub use bar::bar_png;
pub use gantt::{gantt_png, GanttRow};

/// An RGB buffer of `width` × `height` as PNG.
pub fn encode_png(rgb: &[u8], width: u32, height: u32) -> anyhow::Result<Vec<u8>> {
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header()?.write_image_data(rgb)?;
    Ok(png)
}

/// A plotters drawing error as an error of the page.
pub fn draw_error(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("chart: {e}")
}
