//! Photos of a progress report: the type read from the file's first bytes
//! (never from its name), and the limits that keep an upload — or an image
//! that decompresses to gigabytes — from exhausting the server.

/// Largest photo accepted, in bytes (10 MiB).
pub const MAX_PHOTO_BYTES: usize = 10 * 1024 * 1024;
/// Photos per report at most.
pub const MAX_PHOTOS: usize = 12;
/// Largest side in pixels.
pub const MAX_SIDE: u32 = 12_000;
/// Most pixels (width × height): 50 megapixels, ~200 MB decoded.
pub const MAX_PIXELS: u64 = 50_000_000;
/// Longest side of a thumbnail, in pixels.
pub const THUMB_SIDE: u32 = 320;

platform::text_enum! {
    /// The image formats accepted, stored as their MIME type.
    pub enum PhotoType {
        Jpeg = "image/jpeg" "JPEG",
        Png = "image/png" "PNG",
        Webp = "image/webp" "WebP",
    }
}

/// The image type by its magic bytes, or None if the file is none of them.
pub fn sniff(bytes: &[u8]) -> Option<PhotoType> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(PhotoType::Jpeg)
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(PhotoType::Png)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(PhotoType::Webp)
    } else {
        None
    }
}

/// Refuses an image whose header declares too large a picture, before it
/// is decoded.
pub fn check_dimensions(width: u32, height: u32) -> Result<(), String> {
    if width == 0 || height == 0 {
        return Err("图片尺寸为 0，文件已损坏".into());
    }
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!(
            "图片尺寸 {width}×{height} 过大（边长不超过 {MAX_SIDE} 像素、总像素不超过 5000 万），请缩小后上传"
        ));
    }
    Ok(())
}
