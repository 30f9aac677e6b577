//! 社区教育 as a work area of the program.

use platform::area::Area;
use platform::auth::WorkArea;
use platform::web::NavItem;

pub static AREA: Area = Area {
    table_prefixes: &["community_"],
    migration_range: (1000, 1099),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    nav: &[NavItem {
        label: "社区教育",
        href: "/community",
        area: WorkArea::Lifelong,
    }],
    openapi: crate::web::openapi,
    // The public catalogue of distance-learning resources (activities) and
    // the citizens' own pages of their learning cards (cards).
    public_paths: &["/learn", "/card/", "/api/v1/public/card/"],
    demo: Some(|run| Box::pin(crate::demo::run(run))),
    indicators: crate::service::analytics::INDICATORS,
    pending: Some(|db, caller| Box::pin(crate::service::pending::tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("community", "社区教育")
};
