//! 校园安全 as a work area of the program.

use platform::area::Area;
use platform::auth::WorkArea;
use platform::web::NavItem;

pub static AREA: Area = Area {
    table_prefixes: &["safety_"],
    migration_range: (870, 899),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    nav: &[NavItem {
        label: "校园安全",
        href: "/safety",
        area: WorkArea::Safety,
    }],
    openapi: crate::web::openapi,
    demo: Some(|run| Box::pin(crate::demo::run(run))),
    indicators: crate::service::hazards::indicators::INDICATORS,
    pending: Some(|db, caller| Box::pin(crate::service::pending::tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("safety", "校园安全")
};
