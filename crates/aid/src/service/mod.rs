//! What users do in student aid, each in one transaction with its audit
//! entry; pages, the API and the benchmark example come through here.

pub mod applications;
pub mod approval;
pub mod corrections;
pub mod programs;
pub mod runs;

use platform::auth::{Caller, Role, Section, WorkArea};
use platform::AppError;

/// Approving and paying a batch: bureau users with write access to aid who
/// are leadership, 资助中心 or 计财科.
pub fn require_approver(caller: &Caller) -> Result<(), AppError> {
    caller.require_bureau(WorkArea::Aid)?;
    match caller.role {
        Role::Leadership | Role::Section(Section::AidCentre | Section::Finance) => Ok(()),
        _ => Err(AppError::Forbidden),
    }
}
