//! A visit as its form sends it: text fields and any number of photos in
//! one multipart body.

use axum::extract::Multipart;
use chrono::NaiveDate;
use inspection::service::evidence::Upload;
use platform::web::upload::upload_failed;
use platform::AppError;

use crate::service::unlicensed::VisitInput;

/// The visit's fields and its non-empty files (fields `photos` or `file`).
pub async fn read_visit(mut mp: Multipart) -> Result<(VisitInput, Vec<Upload>), AppError> {
    let mut input = VisitInput::default();
    let mut photos = Vec::new();
    while let Some(field) = mp.next_field().await.map_err(upload_failed)? {
        let name = field.name().unwrap_or_default().to_string();
        if name == "photos" || name == "file" {
            let file_name = field.file_name().unwrap_or("photo").to_string();
            let bytes = field.bytes().await.map_err(upload_failed)?.to_vec();
            if !bytes.is_empty() {
                photos.push(Upload { file_name, bytes });
            }
            continue;
        }
        let value = field.text().await.map_err(upload_failed)?;
        match name.as_str() {
            "visited_on" => {
                input.visited_on = NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
            }
            "visitor" => input.visitor = value,
            "found" => input.found = value,
            _ => {}
        }
    }
    Ok((input, photos))
}
