//! Reading a file upload (multipart field `file`, optional `valid_only`).

use axum::extract::Multipart;
use axum::http::StatusCode;

use crate::AppError;

/// The file and options of an upload.
pub struct Upload {
    pub filename: String,
    pub bytes: Vec<u8>,
    pub valid_only: bool,
}

pub async fn read_upload(mut mp: Multipart) -> Result<Upload, AppError> {
    let mut up = Upload {
        filename: String::new(),
        bytes: Vec::new(),
        valid_only: false,
    };
    while let Some(field) = mp.next_field().await.map_err(upload_failed)? {
        match field.name() {
            Some("file") => {
                up.filename = field.file_name().unwrap_or("upload").to_string();
                up.bytes = field.bytes().await.map_err(upload_failed)?.to_vec();
            }
            Some("valid_only") => {
                up.valid_only = field.text().await.is_ok_and(|v| v == "1" || v == "true")
            }
            _ => {}
        }
    }
    if up.bytes.is_empty() {
        return Err(AppError::BadRequest("请选择要导入的文件".into()));
    }
    Ok(up)
}

/// Why an upload could not be read, in words a user can act on (the
/// library's own text is English and says nothing useful to them).
pub fn upload_failed(e: axum::extract::multipart::MultipartError) -> AppError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::TooLarge(
            "文件过大，超过了本系统的上传上限；请把文件拆成几份分批导入，或请信息中心调整上限（limits.upload_mb）".into(),
        )
    } else {
        AppError::BadRequest("文件上传不完整，请检查网络后重新上传".into())
    }
}

/// The status of an import's answer: 200 when the rows were written, 422
/// when nothing was (the answer then lists every bad row).
pub fn import_status(applied: bool) -> StatusCode {
    if applied {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}
