//! The routing of an incoming document (收文): the 办公室 registers it and
//! proposes how to handle it (拟办), leadership instructs (领导批示) and
//! names the handling section (承办) with a deadline, that section (or the
//! 办公室) closes it (办结).

use platform::auth::{Role, Section};

use super::flow::FlowError;
use super::IncomingStatus;

platform::text_enum! {
    /// A step of the routing.
    pub enum IncomingAction {
        Register = "register" "登记",
        Propose = "propose" "拟办",
        Instruct = "instruct" "领导批示",
        Finish = "finish" "办结",
    }
}

fn office(role: Role) -> bool {
    matches!(role, Role::Leadership | Role::Section(Section::Office))
}

/// The status after `role` takes `action` on an incoming document standing
/// at `status` and handled by `handling` (once instructed); or why not.
pub fn next_incoming(
    status: IncomingStatus,
    action: IncomingAction,
    role: Role,
    handling: Option<Section>,
) -> Result<IncomingStatus, FlowError> {
    let (from, to, allowed) = match action {
        IncomingAction::Register => (status, IncomingStatus::Registered, office(role)),
        IncomingAction::Propose => (
            IncomingStatus::Registered,
            IncomingStatus::Proposed,
            office(role),
        ),
        IncomingAction::Instruct => (
            IncomingStatus::Proposed,
            IncomingStatus::Handling,
            role == Role::Leadership,
        ),
        IncomingAction::Finish => (
            IncomingStatus::Handling,
            IncomingStatus::Done,
            office(role) || matches!((role, handling), (Role::Section(s), Some(h)) if s == h),
        ),
    };
    if status != from {
        return Err(FlowError::WrongStatus(status.label(), action.label()));
    }
    if !allowed {
        return Err(FlowError::NotAllowed);
    }
    Ok(to)
}
