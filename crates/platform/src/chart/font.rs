//! The CJK font charts label with: the first of [`FONTS`] found is loaded
//! once; without one a chart is drawn unlabelled rather than with broken
//! glyphs.

use std::sync::OnceLock;

use plotters::style::{register_font, FontStyle};

/// Where the fonts the product installs (fonts-noto-cjk) are found, and
/// the fallbacks; `EDUBUREAU_CHART_FONT` names another.
const FONTS: [&str; 3] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
];
pub const FAMILY: &str = "edubureau-cjk";

/// Whether a CJK font has been registered with plotters.
pub fn font() -> bool {
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

/// Text in the chart font at `size` pixels.
pub fn style(size: f64) -> plotters::style::TextStyle<'static> {
    use plotters::style::{IntoFont as _, BLACK};
    plotters::style::TextStyle::from((FAMILY, size).into_font()).color(&BLACK)
}
