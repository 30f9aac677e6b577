//! 考试与质量 as a work area of the program.

use platform::area::Area;

pub static AREA: Area = Area {
    table_prefixes: &["exams_"],
    migration_range: (400, 449),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    openapi: crate::web::openapi,
    pending: Some(|db, caller| Box::pin(crate::service::pending::tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("exams", "考试与质量")
};
