//! Photos as they arrive: typed by content, refused when oversized or when
//! the header declares a picture too large to decode (a decompression
//! bomb), decoded within limits, and given a JPEG thumbnail — on a blocking
//! thread, since decoding is CPU work.

use std::io::Cursor;

use base64::Engine;
use image::{ImageDecoder, ImageReader, Limits};
use platform::AppError;

use crate::domain::progress::{
    check_dimensions, sniff, PhotoType, MAX_PHOTO_BYTES, MAX_PIXELS, THUMB_SIDE,
};
use crate::store::progress::photos::NewPhoto;

/// A file as uploaded.
pub struct PhotoUpload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Why a photo is refused, as the form shows it.
fn refuse(file: &str, why: impl std::fmt::Display) -> AppError {
    AppError::invalid("photos", format!("照片“{file}”：{why}"))
}

/// Checks and encodes a photo for storage (runs on a blocking thread).
pub async fn prepare(up: &PhotoUpload) -> Result<NewPhoto<'_>, AppError> {
    let file = up.file_name.as_str();
    if up.bytes.len() > MAX_PHOTO_BYTES {
        return Err(AppError::TooLarge(format!(
            "照片“{file}”超过 {} MB，请压缩后上传",
            MAX_PHOTO_BYTES / 1024 / 1024
        )));
    }
    let kind = sniff(&up.bytes).ok_or_else(|| refuse(file, "不是 JPEG、PNG 或 WebP 图片"))?;
    let bytes = up.bytes.clone();
    let made = tokio::task::spawn_blocking(move || thumbnail(&bytes, kind))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("photo task failed: {e}")))?;
    let (width, height, thumb) = made.map_err(|why| refuse(file, why))?;
    let b64 = base64::engine::general_purpose::STANDARD;
    Ok(NewPhoto {
        file_name: file,
        content_type: kind,
        width,
        height,
        byte_size: up.bytes.len(),
        data: b64.encode(&up.bytes),
        thumbnail: b64.encode(thumb),
    })
}

/// The picture's size and a JPEG thumbnail whose longest side is
/// [`THUMB_SIDE`]; the size is read from the header and checked before
/// any pixel is decoded.
fn thumbnail(bytes: &[u8], kind: PhotoType) -> Result<(u32, u32, Vec<u8>), String> {
    let format = match kind {
        PhotoType::Jpeg => image::ImageFormat::Jpeg,
        PhotoType::Png => image::ImageFormat::Png,
        PhotoType::Webp => image::ImageFormat::WebP,
    };
    let unreadable = |_| "文件已损坏，无法读取图片".to_string();
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    // No more memory than the largest picture accepted needs, whatever the
    // decoder is asked to do; the declared size is checked below.
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4 + 64 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let (width, height) = decoder.dimensions();
    check_dimensions(width, height)?;
    let orientation = decoder.orientation().ok();
    let mut img = image::DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    if let Some(o) = orientation {
        img.apply_orientation(o);
    }
    let thumb = img.thumbnail(THUMB_SIDE, THUMB_SIDE).into_rgb8();
    let mut out = Cursor::new(Vec::new());
    thumb
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .map_err(|e| format!("无法生成缩略图：{e}"))?;
    Ok((width, height, out.into_inner()))
}

/// A stored photo's bytes.
pub fn decode(b64: &str) -> Result<Vec<u8>, AppError> {
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("stored photo is not base64: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(width, height, image::Rgb([200, 80, 40]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    /// A JPEG whose frame header declares `width` × `height` (JPEG headers
    /// carry no checksum) while holding 16 × 16 pixels of data.
    fn bomb(width: u16, height: u16) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(16, 16, image::Rgb([1, 2, 3]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
        let mut v = out.into_inner();
        let sof = v.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        v[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
        v[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
        v
    }

    #[test]
    fn a_thumbnail_keeps_the_aspect_ratio() {
        let (w, h, thumb) = thumbnail(&png(640, 480), PhotoType::Png).unwrap();
        assert_eq!((w, h), (640, 480));
        assert_eq!(sniff(&thumb), Some(PhotoType::Jpeg));
        let t = image::load_from_memory(&thumb).unwrap();
        assert_eq!((t.width(), t.height()), (320, 240));
    }

    #[test]
    fn a_huge_declared_size_is_refused_before_decoding() {
        let e = thumbnail(&bomb(60_000, 60_000), PhotoType::Jpeg).unwrap_err();
        assert!(e.contains("60000×60000") && e.contains("过大"), "{e}");
        let e = thumbnail(&bomb(10_000, 10_000), PhotoType::Jpeg).unwrap_err();
        assert!(e.contains("10000×10000"), "{e}");
    }

    #[test]
    fn a_broken_image_is_refused() {
        let mut v = png(8, 8);
        v.truncate(40);
        assert!(thumbnail(&v, PhotoType::Png)
            .unwrap_err()
            .contains("已损坏"));
    }
}
