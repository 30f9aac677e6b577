//! Services of progress reports (形象进度): a project's reports, a new
//! report with its photos, photos added later and served, within the
//! caller's scope. Schools read the reports of projects at their own
//! institution; 计财科, 安全科 and leadership write them.

mod demo;
pub mod indicators;
mod input;
pub mod overview;
mod photos;
pub mod watch;

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::{AppError, InstitutionId};
use serde::Serialize;

pub use demo::fill_demo;
pub use input::{ItemInput, ReportInput};
pub use photos::PhotoUpload;

use crate::domain::progress::{check_report, PhotoId, PhotoType, ProjectId, ReportId, MAX_PHOTOS};
use crate::store::progress::photos::{self as photo_store, PhotoMeta};
use crate::store::progress::reports::{self as store, Report};
use crate::store::progress::{self as projects, ProjectRef};

/// A project with its progress reports, newest first.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ProjectProgress {
    pub project: ProjectRef,
    pub reports: Vec<Report>,
}

/// Whether the caller may write progress reports.
pub fn may_write(caller: &Caller) -> bool {
    caller.role.may(WorkArea::Construction, Access::Write)
}

async fn visible_project(db: &Db, caller: &Caller, id: ProjectId) -> Result<ProjectRef, AppError> {
    caller.require(WorkArea::Construction, Access::Read)?;
    projects::project(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn of_project(
    db: &Db,
    caller: &Caller,
    id: ProjectId,
) -> Result<ProjectProgress, AppError> {
    let project = visible_project(db, caller, id).await?;
    Ok(ProjectProgress {
        reports: store::list(db, id).await?,
        project,
    })
}

/// Records a report with its photos (at most [`MAX_PHOTOS`]): every
/// problem of the fields and the photos is reported at once, and nothing
/// is written unless all pass.
pub async fn create(
    db: &Db,
    caller: &Caller,
    id: ProjectId,
    input: &ReportInput,
    uploads: &[PhotoUpload],
) -> Result<Report, AppError> {
    let project = visible_project(db, caller, id).await?;
    caller.require(WorkArea::Construction, Access::Write)?;
    let (draft, notes) = input.parse().map_err(AppError::Invalid)?;
    if uploads.len() > MAX_PHOTOS {
        return Err(AppError::invalid(
            "photos",
            format!("每次报告最多上传 {MAX_PHOTOS} 张照片"),
        ));
    }
    let mut prepared = Vec::with_capacity(uploads.len());
    for up in uploads {
        prepared.push(photos::prepare(up).await?);
    }
    let mut tx = db.begin().await?;
    let earlier = store::earlier(&mut tx, id).await?;
    let errors = check_report(&earlier, &draft, platform::time::today());
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let report = store::insert(&mut tx, id, &draft, &notes, &caller.who.username).await?;
    for p in &prepared {
        photo_store::insert(&mut tx, report, p).await?;
    }
    let summary = format!(
        "形象进度报告：{}，{} 总形象进度 {}{}",
        project.name,
        draft.reported_on,
        draft.overall,
        if prepared.is_empty() {
            String::new()
        } else {
            format!("，照片 {} 张", prepared.len())
        }
    );
    audit::commit(
        tx,
        &caller.who,
        Entry::new("create", "construction_progress_report", summary)
            .id(report.0)
            .institution(project.institution_id.map(InstitutionId))
            .after(input),
    )
    .await?;
    store::list(db, id)
        .await?
        .into_iter()
        .find(|r| r.id == report)
        .ok_or(AppError::NotFound)
}

/// The project a report belongs to, if the caller may see it.
pub async fn project_of_report(
    db: &Db,
    caller: &Caller,
    report: ReportId,
) -> Result<ProjectId, AppError> {
    caller.require(WorkArea::Construction, Access::Read)?;
    let found = store::project_of(db, &caller.scope, report).await?;
    found.map(|(id, _)| id).ok_or(AppError::NotFound)
}

/// Adds a photo to a report, within the count limit.
pub async fn add_photo(
    db: &Db,
    caller: &Caller,
    report: ReportId,
    upload: &PhotoUpload,
) -> Result<PhotoMeta, AppError> {
    caller.require(WorkArea::Construction, Access::Read)?;
    let (project_id, project) = store::project_of(db, &caller.scope, report)
        .await?
        .ok_or(AppError::NotFound)?;
    caller.require(WorkArea::Construction, Access::Write)?;
    let photo = photos::prepare(upload).await?;
    let mut tx = db.begin().await?;
    if photo_store::count(&mut tx, report).await? >= MAX_PHOTOS as i64 {
        return Err(AppError::invalid(
            "photos",
            format!("该报告已有 {MAX_PHOTOS} 张照片，不能再添加"),
        ));
    }
    let id = photo_store::insert(&mut tx, report, &photo).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "construction_progress_photo",
            format!("形象进度照片：{project}，{}", upload.file_name),
        )
        .id(id.0)
        .after(&serde_json::json!({ "report_id": report, "file_name": upload.file_name })),
    )
    .await?;
    store::list(db, project_id)
        .await?
        .into_iter()
        .flat_map(|r| r.photos)
        .find(|p| p.id == id)
        .ok_or(AppError::NotFound)
}

/// A photo or its thumbnail, if its project is in the caller's scope.
pub async fn photo(
    db: &Db,
    caller: &Caller,
    id: PhotoId,
    thumbnail: bool,
) -> Result<(PhotoType, Vec<u8>), AppError> {
    caller.require(WorkArea::Construction, Access::Read)?;
    let (kind, b64) = photo_store::content(db, &caller.scope, id, thumbnail)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((kind, photos::decode(&b64)?))
}
