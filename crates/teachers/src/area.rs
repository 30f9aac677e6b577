//! Teachers as a work area of the program.

use platform::area::{Area, AreaCli};
use platform::auth::WorkArea;
use platform::web::NavItem;

pub static AREA: Area = Area {
    table_prefixes: &["teachers_"],
    migration_range: (600, 699),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    nav: &[NavItem {
        label: "教师队伍",
        href: "/teachers",
        area: WorkArea::Teachers,
    }],
    openapi: crate::web::openapi,
    indicators: crate::service::reports::INDICATORS,
    demo: Some(|run| Box::pin(crate::demo::run(run))),
    cli: Some(AreaCli {
        commands: crate::demo::cli::commands,
        run: |cli| Box::pin(crate::demo::cli::run(cli)),
    }),
    pending: Some(|db, caller| Box::pin(crate::service::pending::tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("teachers", "教师队伍")
};
