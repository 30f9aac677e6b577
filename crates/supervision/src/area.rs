//! 教育督导 as a work area of the program.

use platform::area::Area;
use platform::auth::WorkArea;
use platform::web::NavItem;

pub static AREA: Area = Area {
    table_prefixes: &["supervision_"],
    migration_range: (830, 849),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    nav: &[NavItem {
        label: "教育督导",
        href: "/supervision",
        area: WorkArea::Supervision,
    }],
    openapi: crate::web::openapi,
    demo: Some(|run| Box::pin(crate::demo::run(run))),
    indicators: crate::service::reviews::indicators::INDICATORS,
    pending: Some(|db, caller| Box::pin(crate::service::pending::tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("supervision", "教育督导")
};
