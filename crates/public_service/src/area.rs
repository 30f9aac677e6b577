//! 家校与政务 as a work area of the program.

use platform::area::Area;

pub static AREA: Area = Area {
    table_prefixes: &["public_"],
    migration_range: (1100, 1199),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    openapi: crate::web::openapi,
    public_paths: &["/mailbox"],
    indicators: crate::service::petitions::indicators::INDICATORS,
    pending: Some(|db, caller| Box::pin(crate::service::pending::tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("public", "家校与政务")
};
