//! What users do in student aid, each in one transaction with its audit
//! entry; pages, the API and the benchmark example come through here.

pub mod applications;
pub mod approval;
pub mod batch_review;
pub mod batch_view;
pub mod benefits;
pub mod corrections;
pub mod programs;
pub mod reader;
pub mod runs;
pub mod settings;

use platform::auth::{Bureau, Caller, Role, Section, WorkArea};
use platform::db::Db;
use platform::AppError;

/// The bureau-only part of aid: programs' definition, runs, batches,
/// approval, payment and corrections. One rule on every such route:
/// institution staff get 404 "未找到该记录，或您无权查看" (as for a
/// foreign id), bureau users without the right get 403.
pub fn bureau<'a>(db: &'a Db, caller: &'a Caller) -> Result<Bureau<'a>, AppError> {
    caller.bureau(db, WorkArea::Aid)
}

/// Bureau-only changes in aid: as `bureau`, and the role may write aid.
pub fn bureau_writer<'a>(db: &'a Db, caller: &'a Caller) -> Result<Bureau<'a>, AppError> {
    let b = bureau(db, caller)?;
    b.require_write()?;
    Ok(b)
}

/// Approving and paying a batch: bureau users with write access to aid who
/// are leadership, 资助中心 or 计财科.
pub fn require_approver(db: &Db, caller: &Caller) -> Result<(), AppError> {
    bureau_writer(db, caller)?;
    match caller.role {
        Role::Leadership | Role::Section(Section::AidCentre | Section::Finance) => Ok(()),
        _ => Err(AppError::Forbidden),
    }
}
