//! Work area 14 (家校·政务): notices with read receipts, the director's
//! mailbox and petitions (信访), information disclosure with each
//! institution's public page, and official documents (电子公文).

mod area;
pub mod audit_labels;
pub mod demo;
pub mod domain;
pub mod service;
pub mod store;
pub mod web;

pub use area::AREA;

use platform::db::migrate::Migration;

pub const MIGRATIONS: &[Migration] = platform::migrations! {
    1100 "public_service" "1100_public_service.sql",
    1101 "public_notices" "1101_public_notices.sql",
    1102 "public_disclosure" "1102_public_disclosure.sql",
    1130 "public_petitions" "1130_public_petitions.sql",
    1160 "public_documents" "1160_public_documents.sql",
};
