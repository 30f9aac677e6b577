//! Shared machinery of edubureau. Every work area builds on these; none of
//! these knows any work area.

pub mod accounts;
pub mod area;
pub mod audit;
pub mod auth;
pub mod codes;
pub mod db;
pub mod district;
pub mod error;
pub mod excel;
mod ids;
pub mod time;
pub mod vocab;
pub mod web;

pub use error::{ApiError, ApiResult, AppError, FieldError, PageResult};
pub use ids::{InstitutionId, TownshipId, UserId};

use auth::WorkArea;
use db::migrate::Migration;
use web::{AppState, NavItem};

/// The platform as an area of its own: the district, accounts, sessions
/// and the audit log, with the sign-in pages and the audit page.
pub static AREA: area::Area = area::Area {
    table_prefixes: &[
        "district",
        "townships",
        "users",
        "sessions",
        "audit_log",
        "schema_migrations",
    ],
    migration_range: (1, 99),
    migrations: MIGRATIONS,
    routes,
    nav: &[
        NavItem {
            label: "指标",
            href: "/indicators",
            area: WorkArea::Statistics,
        },
        NavItem {
            label: "审计日志",
            href: "/audit",
            area: WorkArea::Audit,
        },
        accounts::NAV,
    ],
    openapi: web::openapi::document,
    audit_labels: audit::labels::PLATFORM,
    ..area::Area::new("platform", "平台")
};

fn routes() -> axum::Router<AppState> {
    axum::Router::new()
        .merge(auth::routes::routes())
        .merge(audit::web::routes())
        .merge(accounts::routes())
        .merge(web::reports::routes())
        .merge(web::home::routes())
        .merge(web::indicators::routes())
        .merge(web::asset_routes())
}

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
