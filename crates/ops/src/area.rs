//! The operations area (运维): no records of its own yet; the monitoring
//! routes and the settings page. Its tables would start with `ops_`.

use axum::routing::get;
use axum::Router;
use platform::area::Area;
use platform::web::AppState;

pub static AREA: Area = Area {
    table_prefixes: &["ops_"],
    migration_range: (900, 999),
    routes,
    public_paths: crate::health::PATHS,
    ..Area::new("ops", "运维")
};

fn routes() -> Router<AppState> {
    crate::health::routes().route("/ops/settings", get(crate::settings_page::settings_page))
}
