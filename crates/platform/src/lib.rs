//! Shared machinery of edubureau. Every work area builds on these; none of
//! these knows any work area.

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod codes;
pub mod db;
pub mod district;
pub mod error;
pub mod excel;
mod ids;
pub mod time;
pub mod web;

pub use error::{ApiError, ApiResult, AppError, FieldError, PageResult};
pub use ids::{InstitutionId, TownshipId, UserId};

use db::migrate::Migration;

/// The platform's own migrations (district, accounts, audit, account
/// administration).
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "district",
        sql: include_str!("../migrations/0001_district.sql"),
    },
    Migration {
        version: 2,
        name: "accounts",
        sql: include_str!("../migrations/0002_accounts.sql"),
    },
    Migration {
        version: 3,
        name: "audit",
        sql: include_str!("../migrations/0003_audit.sql"),
    },
    Migration {
        version: 4,
        name: "account_administration",
        sql: include_str!("../migrations/0004_account_administration.sql"),
    },
];
