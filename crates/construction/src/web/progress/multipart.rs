//! The report form as it arrives: text fields and any number of photos in
//! one multipart body.

use axum::extract::Multipart;
use platform::web::upload::upload_failed;
use platform::AppError;

use crate::service::progress::{ItemInput, PhotoUpload, ReportInput};

/// The form's fields (items as `item_<key>`) and its non-empty `photos` files.
pub async fn read_report(mut mp: Multipart) -> Result<(ReportInput, Vec<PhotoUpload>), AppError> {
    let mut input = ReportInput::default();
    let mut photos = Vec::new();
    while let Some(field) = mp.next_field().await.map_err(upload_failed)? {
        let name = field.name().unwrap_or_default().to_string();
        if name == "photos" {
            let file_name = field.file_name().unwrap_or("photo").to_string();
            let bytes = field.bytes().await.map_err(upload_failed)?.to_vec();
            if !bytes.is_empty() {
                photos.push(PhotoUpload { file_name, bytes });
            }
            continue;
        }
        let value = field.text().await.map_err(upload_failed)?;
        match name.as_str() {
            "reported_on" => input.reported_on = value,
            "overall" => input.overall = value,
            "notes" => input.notes = value,
            "reason" => input.reason = value,
            other => {
                if let Some(item) = other.strip_prefix("item_") {
                    input.items.push(ItemInput {
                        item: item.to_string(),
                        done: value,
                    });
                }
            }
        }
    }
    Ok((input, photos))
}

/// The one photo of a multipart body (field `file`).
pub async fn read_photo(mp: Multipart) -> Result<PhotoUpload, AppError> {
    let up = platform::web::upload::read_upload(mp).await?;
    Ok(PhotoUpload {
        file_name: up.filename,
        bytes: up.bytes,
    })
}
