//! 佐证材料: a file is accepted when its content is one of the kinds an
//! inspector can open (PDF, images, Word, Excel), its name claims the same
//! kind, and it is not too large. The type is read from the bytes, never
//! from the name alone.

/// Largest evidence file accepted, in bytes (20 MiB).
pub const MAX_EVIDENCE_BYTES: usize = 20 * 1024 * 1024;

platform::text_enum! {
    /// The file kinds accepted, stored as their MIME type.
    pub enum EvidenceType {
        Pdf = "application/pdf" "PDF",
        Jpeg = "image/jpeg" "JPEG 图片",
        Png = "image/png" "PNG 图片",
        Webp = "image/webp" "WebP 图片",
        Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document" "Word 文档",
        Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "Excel 表格",
    }
}

impl EvidenceType {
    /// The file name endings that claim this type.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            EvidenceType::Pdf => &["pdf"],
            EvidenceType::Jpeg => &["jpg", "jpeg"],
            EvidenceType::Png => &["png"],
            EvidenceType::Webp => &["webp"],
            EvidenceType::Docx => &["docx"],
            EvidenceType::Xlsx => &["xlsx"],
        }
    }
}

/// Why a file is refused, in words the uploader can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EvidenceError {
    #[error("文件为空")]
    Empty,
    #[error("文件 {size} 字节，超过上限 20 MB")]
    TooLarge { size: usize },
    #[error("文件内容不是可接受的类型（PDF、JPEG/PNG/WebP 图片、Word .docx、Excel .xlsx）")]
    UnknownContent,
    #[error("文件名“{name}”与内容不符：内容是{actual}")]
    NameMismatch { name: String, actual: &'static str },
    #[error("文件名不能为空或超过 200 字")]
    BadName,
}

/// The type of an evidence file named `name` with content `bytes`, or why
/// it is refused.
pub fn check(name: &str, bytes: &[u8]) -> Result<EvidenceType, EvidenceError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(EvidenceError::BadName);
    }
    if bytes.is_empty() {
        return Err(EvidenceError::Empty);
    }
    if bytes.len() > MAX_EVIDENCE_BYTES {
        return Err(EvidenceError::TooLarge { size: bytes.len() });
    }
    let kind = infer::get(bytes)
        .and_then(|t| EvidenceType::parse(t.mime_type()))
        .ok_or(EvidenceError::UnknownContent)?;
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if !kind.extensions().contains(&ext.as_str()) {
        return Err(EvidenceError::NameMismatch {
            name: name.to_string(),
            actual: kind.label(),
        });
    }
    Ok(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = &[
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R',
    ];
    const PDF: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n";

    #[test]
    fn accepts_a_file_whose_name_and_content_agree() {
        assert_eq!(check("照片.PNG", PNG), Ok(EvidenceType::Png));
        assert_eq!(check(" 报告.pdf ", PDF), Ok(EvidenceType::Pdf));
    }

    #[test]
    fn refuses_a_file_that_is_not_what_its_name_claims() {
        assert_eq!(
            check("报告.pdf", PNG),
            Err(EvidenceError::NameMismatch {
                name: "报告.pdf".into(),
                actual: "PNG 图片"
            })
        );
        assert!(matches!(
            check("无扩展名", PDF),
            Err(EvidenceError::NameMismatch { .. })
        ));
    }

    #[test]
    fn refuses_unknown_content_empty_files_and_bad_names() {
        assert_eq!(
            check("a.pdf", b"just some text"),
            Err(EvidenceError::UnknownContent)
        );
        assert_eq!(check("a.pdf", b""), Err(EvidenceError::Empty));
        assert_eq!(check("  ", PDF), Err(EvidenceError::BadName));
        assert_eq!(check(&"名".repeat(201), PDF), Err(EvidenceError::BadName));
        assert!(check(&"名".repeat(196), PDF).is_err());
        assert_eq!(
            check(&format!("{}.pdf", "名".repeat(196)), PDF),
            Ok(EvidenceType::Pdf)
        );
    }

    #[test]
    fn the_size_limit_is_inclusive() {
        let mut big = PDF.to_vec();
        big.resize(MAX_EVIDENCE_BYTES, b' ');
        assert_eq!(check("a.pdf", &big), Ok(EvidenceType::Pdf));
        big.push(b' ');
        assert_eq!(
            check("a.pdf", &big),
            Err(EvidenceError::TooLarge {
                size: MAX_EVIDENCE_BYTES + 1
            })
        );
    }
}
