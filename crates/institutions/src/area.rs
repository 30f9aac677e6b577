//! The registry as a work area of the program.

use platform::area::{Area, DemoMade, DemoRun};
use platform::auth::users::{self, NewUser};
use platform::auth::{Role, WorkArea};
use platform::web::NavItem;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

pub static AREA: Area = Area {
    table_prefixes: &["institution"],
    migration_range: (100, 199),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    nav: &[NavItem::new(
        "机构",
        "/institutions",
        WorkArea::Institutions,
    )],
    openapi: crate::web::openapi,
    demo: Some(|run| Box::pin(demo(run))),
    indicators: crate::indicators::INDICATORS,
    home: Some(|state, actor| Box::pin(crate::web::home::panel(&state.db, actor))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("institutions", "机构管理")
};

/// Username of the demo account of the n-th institution (1-based, in
/// creation order): school001, school002, …
pub fn institution_username(n: usize) -> String {
    format!("school{n:03}")
}

/// The demo institutions, each with its histories and one account.
async fn demo(run: &DemoRun<'_>) -> anyhow::Result<DemoMade> {
    let townships = platform::district::townships(run.db).await?;
    let mut rng = ChaCha8Rng::seed_from_u64(2026);
    let mut tx = run.db.begin().await?;
    let seeded = crate::demo::seed(&mut tx, &townships, &mut rng).await?;
    for (n, (id, name)) in seeded.institutions.iter().enumerate() {
        users::create(
            &mut tx,
            NewUser {
                username: &institution_username(n + 1),
                display_name: &format!("{name}管理员"),
                password_hash: run.password_hash,
                role: Role::Institution,
                institution: Some(*id),
                must_change_password: false,
            },
        )
        .await?;
    }
    let count = seeded.institutions.len() as u64;
    let summary = format!("生成演示机构：{count} 个机构及其账号");
    platform::area::demo::commit_recorded(tx, summary).await?;
    Ok(vec![("机构", count), ("机构账号", count)])
}
