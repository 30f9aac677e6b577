//! A form with files as it arrives: its text fields by name and its
//! non-empty files (fields `photos` or `file`), read into the evidence
//! service's uploads.

use axum::extract::Multipart;
use inspection::service::evidence::Upload;
use platform::web::upload::upload_failed;
use platform::AppError;

/// The text fields (name, value) and the files of a multipart body.
pub struct FormWithFiles {
    pub fields: Vec<(String, String)>,
    pub files: Vec<Upload>,
}

impl FormWithFiles {
    /// The value of field `name` ("" when absent).
    pub fn get(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Field `name` as a number, when it is one.
    pub fn id(&self, name: &str) -> Option<i64> {
        self.get(name).trim().parse().ok()
    }
}

pub async fn read(mut mp: Multipart) -> Result<FormWithFiles, AppError> {
    let mut form = FormWithFiles {
        fields: Vec::new(),
        files: Vec::new(),
    };
    while let Some(field) = mp.next_field().await.map_err(upload_failed)? {
        let name = field.name().unwrap_or_default().to_string();
        if name == "photos" || name == "file" {
            let file_name = field.file_name().unwrap_or("photo").to_string();
            let bytes = field.bytes().await.map_err(upload_failed)?.to_vec();
            if !bytes.is_empty() {
                form.files.push(Upload { file_name, bytes });
            }
        } else {
            let value = field.text().await.map_err(upload_failed)?;
            form.fields.push((name, value));
        }
    }
    Ok(form)
}
