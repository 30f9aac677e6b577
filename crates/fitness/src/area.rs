//! 体质健康 as a work area of the program.

use platform::area::{Area, AreaCli};
use platform::auth::WorkArea;
use platform::web::NavItem;

pub static AREA: Area = Area {
    table_prefixes: &["fitness_"],
    migration_range: (450, 499),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    nav: &[NavItem {
        label: "体质健康",
        href: "/fitness",
        area: WorkArea::Fitness,
    }],
    openapi: crate::web::openapi,
    demo: Some(|run| Box::pin(crate::demo::run(run))),
    indicators: crate::service::reports::INDICATORS,
    pending: Some(|db, caller| Box::pin(crate::service::pending::tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    cli: Some(AreaCli {
        commands: crate::cli::commands,
        run: |cli| Box::pin(crate::cli::run(cli)),
    }),
    ..Area::new("fitness", "体质健康")
};
