//! The demo's closure: the private school that failed this year's 年检 (see
//! the inspections' demo) is closed, each pupil placed in a public school
//! of the same kind, and the school closed in the registry.

use chrono::{Datelike, Duration};
use platform::area::DemoSize;
use platform::audit::Who;
use platform::db::{Db, Sql};
use platform::InstitutionId;

use crate::domain::closures::ClosureId;
use crate::store::closures as store;

/// Closes the failing school; returns the pupils placed.
pub async fn fill_demo(db: &Db, _size: DemoSize) -> anyhow::Result<u64> {
    let today = platform::time::today();
    let failing: Option<(i64, String, String)> = db
        .fetch_optional(
            Sql::new(
                "SELECT i.id, i.name, i.school_type FROM private_results r \
                 JOIN institutions i ON i.id = r.institution_id \
                 WHERE r.kind = 'annual' AND r.result = 'unqualified' AND i.status = 'active' \
                 AND r.year = ",
            )
            .bind(today.year() as i64)
            .push(" ORDER BY i.id LIMIT 1"),
        )
        .await?;
    let Some((id, name, school_type)) = failing else {
        return Ok(0);
    };
    let prefix: String = school_type.chars().take(2).collect();
    let destinations: Vec<(i64,)> = db
        .fetch_all(
            Sql::new(
                "SELECT id FROM institutions WHERE ownership = 'public' AND status = 'active' \
                 AND school_type LIKE ",
            )
            .bind(format!("{prefix}%"))
            .push(" ORDER BY id LIMIT 5"),
        )
        .await?;
    let mut tx = db.begin().await?;
    let closure: ClosureId = store::insert(
        &mut tx,
        id,
        today - Duration::days(30),
        "年检不合格，举办者申请终止办学",
        None,
    )
    .await?;
    let pupils = store::pupils(&mut tx, closure).await?;
    for (n, p) in pupils.iter().enumerate() {
        match destinations.get(n % destinations.len().max(1)) {
            Some((d,)) => store::place(&mut tx, closure, p.student_id, Some(*d), "").await?,
            None => {
                store::place(&mut tx, closure, p.student_id, None, "随父母转往区外就读").await?
            }
        };
    }
    store::finalise(&mut tx, closure, today - Duration::days(3)).await?;
    institutions::service::close_in(&mut tx, &Who::system("demo"), InstitutionId(id), "终止办学")
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    platform::area::demo::commit_recorded(
        tx,
        format!(
            "生成民办教育演示数据：{name}终止办学，安置学生 {} 人",
            pupils.len()
        ),
    )
    .await?;
    Ok(pupils.len() as u64)
}
