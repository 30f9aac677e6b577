//! 检查与整改 as a work area of the program.

use platform::area::Area;

pub static AREA: Area = Area {
    table_prefixes: &["inspection_"],
    migration_range: (800, 829),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    openapi: crate::web::openapi,
    pending: Some(|db, caller| Box::pin(crate::service::pending::tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("inspection", "检查与整改")
};
