use crate::audit::Who;

use super::{Access, Actor, Role, Scope, WorkArea};

/// Whoever a service acts for: a signed-in user, or the operator at the
/// command line. Services check permissions and scope against it.
#[derive(Clone, Debug)]
pub struct Caller {
    pub who: Who,
    pub role: Role,
    pub scope: Scope,
}

impl Caller {
    /// The command line: full rights, recorded in the audit log as `system:<what>`.
    pub fn system(what: &str) -> Caller {
        Caller {
            who: Who::system(what),
            role: Role::Leadership,
            scope: Scope::All,
        }
    }

    pub fn require(&self, area: WorkArea, access: Access) -> Result<(), crate::AppError> {
        if self.role.may(area, access) {
            Ok(())
        } else {
            Err(crate::AppError::Forbidden)
        }
    }

    /// Refuses unless the caller works for the bureau (not one institution).
    pub fn require_bureau(&self, area: WorkArea) -> Result<(), crate::AppError> {
        self.require(area, Access::Write)?;
        if self.scope != Scope::All {
            return Err(crate::AppError::Forbidden);
        }
        Ok(())
    }
}

impl From<&Actor> for Caller {
    fn from(a: &Actor) -> Caller {
        Caller {
            who: Who::from(a),
            role: a.user.role,
            scope: a.scope,
        }
    }
}
