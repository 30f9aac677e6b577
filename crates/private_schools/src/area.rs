//! 民办教育 as a work area of the program.

use platform::area::Area;

pub static AREA: Area = Area {
    table_prefixes: &["private_"],
    migration_range: (850, 869),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    openapi: crate::web::openapi,
    pending: Some(|db, caller| Box::pin(crate::service::pending::tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("private", "民办教育")
};
