//! Student records and dropout control as a work area of the program.

use platform::area::{Area, AreaCli, DemoMade, DemoRun, Task};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::web::NavItem;
use platform::AppError;

use crate::store::dropout::{self as cases, CaseFilter};
use crate::store::pending;
use crate::web::dropout::{visits_due_before, VISIT_EVERY_DAYS};

pub static AREA: Area = Area {
    table_prefixes: &["students"],
    migration_range: (200, 299),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    nav: &[
        NavItem {
            label: "学籍",
            href: "/students",
            area: WorkArea::Students,
        },
        NavItem {
            label: "控辍保学",
            href: "/dropout",
            area: WorkArea::Dropout,
        },
    ],
    openapi: crate::web::openapi,
    demo: Some(|run| Box::pin(demo(run))),
    cli: Some(AreaCli {
        commands: crate::cli::commands,
        run: |cli| Box::pin(crate::cli::run(cli)),
    }),
    pending: Some(|db, caller| Box::pin(pending_tasks(db, caller))),
    indicators: crate::indicators::INDICATORS,
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("students", "学籍管理")
};

async fn demo(run: &DemoRun<'_>) -> anyhow::Result<DemoMade> {
    let db = run.db;
    let all = institutions::store::list_all(db, &Scope::All, &Default::default()).await?;
    let townships = platform::district::townships(db).await?;
    let made = crate::demo::seed(
        db,
        &all,
        &townships,
        run.size.students(),
        2026,
        run.progress,
    )
    .await?;
    Ok(vec![("学生", made)])
}

async fn pending_tasks(db: &platform::db::Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    let mut tasks = Vec::new();
    if caller.role.may(WorkArea::Students, Access::Write) {
        tasks.push(Task {
            area: "学籍管理".into(),
            label: "转学申请待确认".into(),
            count: pending::transfers_to_confirm(db, &caller.scope).await?,
            href: "/students/transfers".into(),
            nav_href: "/students".into(),
        });
    }
    if caller.role.may(WorkArea::Dropout, Access::Write) {
        let due = CaseFilter {
            visit_due_before: Some(visits_due_before()),
            ..Default::default()
        };
        tasks.push(Task {
            area: "控辍保学".into(),
            label: format!("劝返案件超过 {VISIT_EVERY_DAYS} 天未家访"),
            count: cases::count(db, &caller.scope, &due).await?,
            href: "/dropout?status=open&visit_due=1".into(),
            nav_href: "/dropout".into(),
        });
    }
    Ok(tasks)
}
