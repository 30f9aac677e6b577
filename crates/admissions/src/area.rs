//! Admissions as a work area of the program.

use platform::area::{Area, AreaCli, Task};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::web::NavItem;
use platform::AppError;

pub static AREA: Area = Area {
    table_prefixes: &["admissions_"],
    migration_range: (300, 399),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    nav: &[NavItem {
        label: "招生入学",
        href: "/admissions",
        area: WorkArea::Admissions,
    }],
    openapi: crate::web::openapi,
    public_paths: &["/apply", "/api/v1/public/"],
    cli: Some(AreaCli {
        commands: crate::cli::commands,
        run: |cli| Box::pin(crate::cli::run(cli)),
    }),
    pending: Some(|db, caller| Box::pin(pending_tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("admissions", "招生入学")
};

/// Appeals waiting for the bureau's answer, on the round that has them.
async fn pending_tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    if !caller.role.may(WorkArea::Admissions, Access::Write) || caller.scope.institution().is_some()
    {
        return Ok(vec![]);
    }
    let rounds = crate::store::applications::open_appeals_by_round(db).await?;
    Ok(rounds
        .into_iter()
        .map(|(round, count)| Task {
            area: "招生入学".into(),
            label: "招生申诉待答复".into(),
            count,
            href: format!("/admissions/{round}#appeals"),
            nav_href: "/admissions".into(),
        })
        .collect())
}
