//! Pure rules of official documents (电子公文): the document number (文号)
//! and its parsing, the approval flow of outgoing documents (发文: 拟稿 →
//! 核稿 → 签发) and the routing of incoming ones (收文: 拟办 → 领导批示 →
//! 承办 → 办结) with who may take each step, receipt deadlines (签收) in
//! working days and the durations the indicators average.

mod deadline;
mod flow;
mod number;
mod routing;

#[cfg(test)]
mod tests;

pub use deadline::{add_working_days, average_days, is_overdue, receipt_due, RECEIPT_DAYS};
pub use flow::{next_status, Action, FlowError, Who};
pub use number::{valid_prefix, DocNumber, NumberError};
pub use routing::{next_incoming, IncomingAction};

use platform::auth::{Role, Section};

platform::typed_id!(
    /// An outgoing document (发文).
    DocumentId
);

platform::typed_id!(
    /// An incoming document (收文).
    IncomingId
);

platform::text_enum! {
    /// 文种: the kinds of documents the bureau issues.
    pub enum DocType {
        Notice = "notice" "通知",
        Opinion = "opinion" "意见",
        Decision = "decision" "决定",
        Report = "report" "报告",
        Request = "request" "请示",
        Letter = "letter" "函",
        Minutes = "minutes" "纪要",
    }
}

platform::text_enum! {
    /// 发文机关: the bureau itself or its office; each has its own number
    /// prefix (浔教, 浔教办).
    pub enum Issuer {
        Bureau = "bureau" "教育局",
        Office = "office" "教育局办公室",
    }
}

impl Issuer {
    /// The number prefix unless the bureau's settings say otherwise.
    pub fn default_prefix(self) -> &'static str {
        match self {
            Issuer::Bureau => "浔教",
            Issuer::Office => "浔教办",
        }
    }
}

platform::text_enum! {
    /// Where an outgoing document stands.
    pub enum DocStatus {
        Draft = "draft" "拟稿",
        Review = "review" "待核稿",
        Sign = "sign" "待签发",
        Issued = "issued" "已签发",
    }
}

platform::text_enum! {
    /// Where an incoming document stands.
    pub enum IncomingStatus {
        Registered = "registered" "待拟办",
        Proposed = "proposed" "待批示",
        Handling = "handling" "承办中",
        Done = "done" "已办结",
    }
}

platform::text_enum! {
    /// 缓急: how urgent an incoming document is.
    pub enum Urgency {
        Normal = "normal" "平件",
        Urgent = "urgent" "急件",
        VeryUrgent = "very_urgent" "特急",
    }
}

/// What part of the documents a caller sees: the 办公室 and leadership all
/// of them; a section its own drafts, the documents sent to it and the
/// incoming ones it handles; an institution the documents issued to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewer {
    All,
    Section(Section),
    Institution(i64),
    Nobody,
}

impl Viewer {
    pub fn of(role: Role, institution: Option<i64>) -> Viewer {
        match (role, institution) {
            (Role::Leadership, _) | (Role::Section(Section::Office), _) => Viewer::All,
            (Role::Section(s), _) => Viewer::Section(s),
            (Role::Institution, Some(id)) => Viewer::Institution(id),
            _ => Viewer::Nobody,
        }
    }

    /// The section a bureau user drafts for: leadership drafts through the
    /// 办公室.
    pub fn drafting_section(role: Role) -> Option<Section> {
        match role {
            Role::Leadership => Some(Section::Office),
            Role::Section(s) => Some(s),
            _ => None,
        }
    }
}
