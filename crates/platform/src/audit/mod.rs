//! The append-only audit log: every change, and every view of personal data,
//! with who, when, what, and the record before and after.

mod commit;
mod diff;
mod filter;
pub mod labels;
mod page;
mod read;
mod store;
pub mod web;

pub use commit::commit;
pub use diff::{changes, Change, Names};
pub use filter::{AuditFilter, Kind};
pub use labels::AuditLabels;
pub use read::{ReadableRow, Reader};
pub use store::{list, list_all, record, AuditPage, AuditRow};

use crate::auth::Actor;
use crate::ids::{InstitutionId, UserId};

/// Who did it.
#[derive(Clone, Debug)]
pub struct Who {
    pub user_id: Option<UserId>,
    pub username: String,
    pub ip: Option<String>,
}

impl Who {
    /// The command line, acting for the operator of the machine.
    pub fn system(what: &str) -> Who {
        Who {
            user_id: None,
            username: format!("system:{what}"),
            ip: None,
        }
    }
}

impl From<&Actor> for Who {
    fn from(a: &Actor) -> Who {
        Who {
            user_id: Some(a.user.id),
            username: a.user.username.clone(),
            ip: a.ip.clone(),
        }
    }
}

/// One entry to write.
#[derive(Clone, Debug)]
pub struct Entry {
    /// create, update, delete, view, import, export, login, …
    pub action: &'static str,
    /// The kind of record: institution, designation, user, …
    pub entity: &'static str,
    pub entity_id: Option<i64>,
    pub institution_id: Option<InstitutionId>,
    /// A line a person reads, in Chinese.
    pub summary: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl Entry {
    pub fn new(action: &'static str, entity: &'static str, summary: impl Into<String>) -> Entry {
        Entry {
            action,
            entity,
            entity_id: None,
            institution_id: None,
            summary: summary.into(),
            before: None,
            after: None,
        }
    }

    pub fn id(mut self, id: i64) -> Self {
        self.entity_id = Some(id);
        self
    }

    pub fn institution(mut self, id: Option<InstitutionId>) -> Self {
        self.institution_id = id;
        self
    }

    pub fn before(mut self, v: &impl serde::Serialize) -> Self {
        self.before = serde_json::to_value(v).ok();
        self
    }

    pub fn after(mut self, v: &impl serde::Serialize) -> Self {
        self.after = serde_json::to_value(v).ok();
        self
    }
}
