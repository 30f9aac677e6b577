//! The operations area (运维): the security-event log (its one table), the
//! monitoring routes, the settings page and the security-event log's page.
//!
//! Against the work-area checklist: no route takes an id (the settings page
//! and the log export are for leadership only, which `tests/api/ops_*.rs`
//! checks for every other role); no demo data, because the security log
//! holds only what really happened; no indicators or pending tasks, because
//! nothing here is a figure of the district's education or waits on a user.

use axum::routing::get;
use axum::Router;
use platform::area::Area;
use platform::auth::WorkArea;
use platform::web::{AppState, NavItem};

pub static AREA: Area = Area {
    table_prefixes: &["ops_"],
    migration_range: (900, 999),
    migrations: crate::MIGRATIONS,
    routes,
    public_paths: crate::health::PATHS,
    nav: &[
        NavItem::new("系统设置", "/ops/settings", WorkArea::Audit),
        NavItem::new("安全事件", "/ops/security-events", WorkArea::Audit),
    ],
    audit_labels: platform::audit_labels! {
        security_event "安全事件日志" {}
    },
    ..Area::new("ops", "运维")
};

fn routes() -> Router<AppState> {
    crate::health::routes()
        .route("/ops/settings", get(crate::settings_page::settings_page))
        .route(
            "/ops/security-events",
            get(crate::security_page::events_page),
        )
        .route(
            "/ops/security-events.xlsx",
            get(crate::security_page::events_export),
        )
        .route("/api/v1/ops/security-events", get(crate::security::export))
}
