//! Services: permission, validation, one transaction, audit.

pub mod campaigns;
pub mod evidence;
pub mod frameworks;
pub mod orders;
pub mod pending;

use platform::auth::{Access, Caller, Scope};
use platform::AppError;

use crate::domain::Owner;

/// Refuses unless the caller writes the owner area for the whole bureau
/// (a section, an inspector or leadership; not one institution).
pub fn require_owner_bureau(caller: &Caller, owner: Owner) -> Result<(), AppError> {
    caller.require(owner.work_area(), Access::Write)?;
    if caller.scope != Scope::All {
        return Err(AppError::Forbidden);
    }
    Ok(())
}
