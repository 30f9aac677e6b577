//! The operations area (运维): the security-event log (its one table), the
//! monitoring routes and the settings page.

use axum::routing::get;
use axum::Router;
use platform::area::Area;
use platform::web::AppState;

pub static AREA: Area = Area {
    table_prefixes: &["ops_"],
    migration_range: (900, 999),
    migrations: crate::MIGRATIONS,
    routes,
    public_paths: crate::health::PATHS,
    ..Area::new("ops", "运维")
};

fn routes() -> Router<AppState> {
    crate::health::routes()
        .route("/ops/settings", get(crate::settings_page::settings_page))
        .route("/api/v1/ops/security-events", get(crate::security::export))
}
