//! The response and re-check forms as they arrive: text fields and any
//! number of evidence files (fields `file` or `files`) in one multipart body.

use axum::extract::Multipart;
use platform::web::upload::upload_failed;
use platform::AppError;

use crate::domain::order::StepKind;
use crate::service::evidence::Upload;
use crate::service::orders::{Recheck, Response};

/// The text fields by name and the non-empty files.
struct Parts {
    fields: Vec<(String, String)>,
    files: Vec<Upload>,
}

impl Parts {
    fn text(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.trim())
    }

    fn version(&self) -> Result<i64, AppError> {
        self.text("version")
            .parse()
            .map_err(|_| AppError::BadRequest("缺少版本号（version）".into()))
    }
}

async fn read(mut mp: Multipart) -> Result<Parts, AppError> {
    let mut parts = Parts {
        fields: Vec::new(),
        files: Vec::new(),
    };
    while let Some(field) = mp.next_field().await.map_err(upload_failed)? {
        let name = field.name().unwrap_or_default().to_string();
        match field.file_name() {
            Some(file_name) if name == "file" || name == "files" => {
                let file_name = file_name.to_string();
                let bytes = field.bytes().await.map_err(upload_failed)?.to_vec();
                // A file input left empty still sends a part without a name.
                if !(bytes.is_empty() && file_name.is_empty()) {
                    parts.files.push(Upload { file_name, bytes });
                }
            }
            _ => {
                let value = field.text().await.map_err(upload_failed)?;
                parts.fields.push((name, value));
            }
        }
    }
    Ok(parts)
}

/// The institution's response and its files.
pub async fn read_response(mp: Multipart) -> Result<(Response, Vec<Upload>), AppError> {
    let p = read(mp).await?;
    let input = Response {
        version: p.version()?,
        note: p.text("note").to_string(),
    };
    Ok((input, p.files))
}

/// The re-check's outcome and its files.
pub async fn read_recheck(mp: Multipart) -> Result<(Recheck, Vec<Upload>), AppError> {
    let p = read(mp).await?;
    let decision = StepKind::parse(p.text("decision"))
        .filter(|d| *d != StepKind::Respond)
        .ok_or_else(|| AppError::invalid("decision", "请选择复查结论：通过销号或退回整改"))?;
    let new_deadline = match p.text("new_deadline") {
        "" => None,
        d => Some(
            d.parse()
                .map_err(|_| AppError::invalid("new_deadline", format!("“{d}”不是有效的日期")))?,
        ),
    };
    let input = Recheck {
        version: p.version()?,
        decision,
        note: p.text("note").to_string(),
        new_deadline,
    };
    Ok((input, p.files))
}
