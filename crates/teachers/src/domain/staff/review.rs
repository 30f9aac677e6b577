//! 信息变更审核: who may approve changes to staff records, and whose
//! changes wait for approval.

use platform::auth::{Role, Scope, Section};

platform::text_enum! {
    /// Where a change stands.
    pub enum ChangeStatus {
        Pending = "pending" "待审核",
        Approved = "approved" "已通过",
        Rejected = "rejected" "已退回",
    }
}

platform::text_enum! {
    /// What a change does.
    pub enum ChangeKind {
        Create = "create" "新增",
        Update = "update" "修改",
    }
}

/// A change counts only after review when an institution made it; the
/// bureau's own changes apply at once.
pub fn needs_review(scope: &Scope) -> bool {
    *scope != Scope::All
}

/// 人事科 and leadership review changes, as in the national teacher system.
pub fn may_review(role: Role, scope: &Scope) -> bool {
    *scope == Scope::All && matches!(role, Role::Leadership | Role::Section(Section::Personnel))
}

/// The longest comment a rejection may carry.
pub const MAX_COMMENT: usize = 200;

/// A rejection must say why; the comment trimmed.
pub fn rejection_comment(comment: &str) -> Result<&str, &'static str> {
    let c = comment.trim();
    if c.is_empty() {
        Err("退回时请填写退回理由，告诉学校要改什么")
    } else if c.chars().count() > MAX_COMMENT {
        Err("退回理由不能超过 200 个字")
    } else {
        Ok(c)
    }
}
