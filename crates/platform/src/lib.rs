//! Shared machinery of edubureau. Every work area builds on these; none of
//! these knows any work area.

pub mod accounts;
pub mod area;
pub mod audit;
pub mod auth;
pub mod chart;
pub mod codes;
pub mod db;
pub mod district;
pub mod error;
pub mod excel;
mod ids;
pub mod jobs;
pub mod settings;
pub mod text_enum;
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
        "platform_",
    ],
    migration_range: (1, 99),
    migrations: MIGRATIONS,
    routes,
    nav: &[
        NavItem::new("指标", "/indicators", WorkArea::Statistics),
        NavItem::new("审计日志", "/audit", WorkArea::Audit),
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
        .merge(web::seal_route())
}

/// The platform's own migrations (district, accounts, audit, account
/// administration, bureau settings).
pub const MIGRATIONS: &[Migration] = migrations! {
    1 "district" "0001_district.sql",
    2 "accounts" "0002_accounts.sql",
    3 "audit" "0003_audit.sql",
    4 "account_administration" "0004_account_administration.sql",
    5 "settings" "0005_settings.sql",
};
