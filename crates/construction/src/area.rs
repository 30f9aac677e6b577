//! 基建校舍 as a work area of the program.

use platform::area::Area;
use platform::auth::WorkArea;
use platform::web::NavItem;

pub static AREA: Area = Area {
    table_prefixes: &["construction_"],
    migration_range: (700, 799),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    nav: &[NavItem {
        label: "基建校舍",
        href: "/construction",
        area: WorkArea::Construction,
    }],
    openapi: crate::web::openapi,
    demo: Some(|run| Box::pin(crate::demo::run(run))),
    indicators: crate::service::indicators::INDICATORS,
    cli: Some(platform::area::AreaCli {
        commands: crate::cli::commands,
        run: |cli| Box::pin(crate::cli::run(cli)),
    }),
    pending: Some(|db, caller| Box::pin(crate::service::pending::tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("construction", "基建校舍")
};
