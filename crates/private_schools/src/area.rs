//! 民办教育 as a work area of the program.

use platform::area::Area;
use platform::auth::WorkArea;
use platform::web::NavItem;

pub static AREA: Area = Area {
    table_prefixes: &["private_"],
    migration_range: (850, 869),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    nav: &[NavItem {
        label: "民办教育",
        href: "/private",
        area: WorkArea::PrivateEducation,
    }],
    openapi: crate::web::openapi,
    demo: Some(|run| Box::pin(crate::demo::run(run))),
    indicators: crate::service::indicators::INDICATORS,
    pending: Some(|db, caller| Box::pin(crate::service::pending::tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("private", "民办教育")
};
