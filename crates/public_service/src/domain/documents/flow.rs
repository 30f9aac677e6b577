//! The approval flow of an outgoing document (发文): 拟稿 → 核稿 (another
//! person of the drafting section, or the 办公室) → 签发 (leadership), each
//! step by someone other than the drafter; a reviewer or the signer may
//! return it for revision (退回修改), which makes it a draft again.

use platform::auth::{Role, Section};

use super::DocStatus;

platform::text_enum! {
    /// A step of the flow.
    pub enum Action {
        Submit = "submit" "送核稿",
        Pass = "pass" "核稿通过",
        Return = "return" "退回修改",
        Sign = "sign" "签发",
    }
}

/// Who takes a step: their account (None: the system) and role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Who {
    pub user: Option<i64>,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FlowError {
    #[error("该公文当前状态为“{0}”，不能{1}")]
    WrongStatus(&'static str, &'static str),
    #[error("拟稿人不能对自己起草的公文核稿、签发或退回")]
    OwnDraft,
    #[error("您无权办理此步骤")]
    NotAllowed,
}

/// Whether `who` reviews (核稿) drafts of `section`: its own staff or the
/// 办公室.
fn reviews(who: Who, section: Section) -> bool {
    matches!(who.role, Role::Section(s) if s == section || s == Section::Office)
}

/// The status after `who` takes `action` on a document of `section`
/// drafted by `drafter`, standing at `status`; or why not.
pub fn next_status(
    status: DocStatus,
    action: Action,
    who: Who,
    drafter: Option<i64>,
    section: Section,
) -> Result<DocStatus, FlowError> {
    let (from, to) = match action {
        Action::Submit => (DocStatus::Draft, DocStatus::Review),
        Action::Pass => (DocStatus::Review, DocStatus::Sign),
        Action::Sign => (DocStatus::Sign, DocStatus::Issued),
        Action::Return if status == DocStatus::Sign => (DocStatus::Sign, DocStatus::Draft),
        Action::Return => (DocStatus::Review, DocStatus::Draft),
    };
    if status != from {
        return Err(FlowError::WrongStatus(status.label(), action.label()));
    }
    let allowed = match (action, from) {
        (Action::Submit, _) => super::Viewer::drafting_section(who.role) == Some(section),
        (Action::Pass, _) | (Action::Return, DocStatus::Review) => reviews(who, section),
        _ => who.role == Role::Leadership,
    };
    if !allowed {
        return Err(FlowError::NotAllowed);
    }
    if action != Action::Submit && drafter.is_some() && drafter == who.user {
        return Err(FlowError::OwnDraft);
    }
    Ok(to)
}
