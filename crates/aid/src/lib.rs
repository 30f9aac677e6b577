//! Work area 5 (学生资助): aid programs defined by the bureau as data (stages,
//! amounts, eligibility conditions, incompatibilities, budget), a term's
//! eligibility run over every student in one streaming pass, disbursement
//! batches (draft → approved → paid) writing an append-only ledger,
//! individual applications, and reports by program, institution, township,
//! stage and term.

mod area;
pub mod audit_labels;
pub mod domain;
pub mod service;
pub mod store;
pub mod web;

pub use area::AREA;

use platform::db::migrate::Migration;

pub const MIGRATIONS: &[Migration] = platform::migrations! {
    500 "aid" "0500_aid.sql",
    501 "aid_ledger_write" "0501_ledger_write.sql",
    502 "aid_already_paid" "0502_already_paid.sql",
};
