//! 社区教育 as a work area of the program.

use platform::area::Area;

pub static AREA: Area = Area {
    table_prefixes: &["community_"],
    migration_range: (1000, 1099),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    openapi: crate::web::openapi,
    pending: Some(|db, caller| Box::pin(crate::service::pending::tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    public_paths: &["/card/", "/api/v1/public/card/"],
    ..Area::new("community", "社区教育")
};
