//! 基建校舍 as a work area of the program.

use platform::area::Area;

pub static AREA: Area = Area {
    table_prefixes: &["construction_"],
    migration_range: (700, 799),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    openapi: crate::web::openapi,
    cli: Some(platform::area::AreaCli {
        commands: crate::cli::commands,
        run: |cli| Box::pin(crate::cli::run(cli)),
    }),
    pending: Some(|db, caller| Box::pin(crate::service::pending::tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("construction", "基建校舍")
};
