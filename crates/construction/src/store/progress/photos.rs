//! Photos of progress reports: base64 text in the database (see
//! docs/architecture.md), the large columns read only when a photo or
//! thumbnail is served.

use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::progress::{PhotoId, PhotoType, ProjectId, ReportId};

/// A photo without its bytes.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct PhotoMeta {
    pub id: PhotoId,
    pub report_id: ReportId,
    pub file_name: String,
    pub content_type: PhotoType,
    pub width: i64,
    pub height: i64,
    pub byte_size: i64,
}

const META: &str =
    "SELECT f.id, f.report_id, f.file_name, f.content_type, f.width, f.height, f.byte_size \
     FROM construction_progress_photos f";

pub async fn of_project<'a>(
    ex: impl Into<Ex<'a>>,
    project: ProjectId,
) -> Result<Vec<PhotoMeta>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(META)
                .push(" JOIN construction_progress_reports r ON r.id = f.report_id WHERE r.project_id = ")
                .bind(project)
                .push(" ORDER BY f.id"),
        )
        .await
}

/// How many photos a report has.
pub async fn count<'a>(ex: impl Into<Ex<'a>>, report: ReportId) -> Result<i64, DbError> {
    ex.into()
        .scalar(
            Sql::new("SELECT COUNT(*) FROM construction_progress_photos WHERE report_id = ")
                .bind(report),
        )
        .await
}

/// A photo as it is stored: its description, the file and the thumbnail,
/// both base64.
pub struct NewPhoto<'p> {
    pub file_name: &'p str,
    pub content_type: PhotoType,
    pub width: u32,
    pub height: u32,
    pub byte_size: usize,
    pub data: String,
    pub thumbnail: String,
}

pub async fn insert(tx: &mut Tx, report: ReportId, p: &NewPhoto<'_>) -> Result<PhotoId, DbError> {
    let id = tx
        .scalar(
            Sql::new(
                "INSERT INTO construction_progress_photos (report_id, file_name, content_type, width, height, byte_size, data, thumbnail, created_at) VALUES (",
            )
            .bind(report)
            .push(", ")
            .bind(p.file_name)
            .push(", ")
            .bind(p.content_type)
            .push(", ")
            .bind(i64::from(p.width))
            .push(", ")
            .bind(i64::from(p.height))
            .push(", ")
            .bind(p.byte_size as i64)
            .push(", ")
            .bind(p.data.as_str())
            .push(", ")
            .bind(p.thumbnail.as_str())
            .push(", ")
            .bind(platform::time::now())
            .push(") RETURNING id"),
        )
        .await?;
    Ok(PhotoId(id))
}

/// The photo's type and base64 bytes (the thumbnail's if `thumbnail`: always
/// JPEG), if its project is in `scope`.
pub async fn content<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: PhotoId,
    thumbnail: bool,
) -> Result<Option<(PhotoType, String)>, DbError> {
    let column = if thumbnail {
        "'image/jpeg', f.thumbnail"
    } else {
        "f.content_type, f.data"
    };
    let q = Sql::new(format!(
        "SELECT {column} FROM construction_progress_photos f \
         JOIN construction_progress_reports r ON r.id = f.report_id \
         JOIN construction_projects p ON p.id = r.project_id WHERE f.id = "
    ))
    .bind(id);
    ex.into()
        .fetch_optional(scope.restrict(q, "p.institution_id"))
        .await
}
