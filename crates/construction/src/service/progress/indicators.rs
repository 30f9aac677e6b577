//! The projects' figures for the area's indicators (`crate::service::
//! indicators`), by district, township (the project's township) or
//! institution (projects at an institution).

use chrono::Datelike;
use platform::area::{ratio, Breakdown, IndicatorQuery, IndicatorValue};
use platform::db::{Db, DbError, Sql};

/// Each project as the one breakdown query (`institutions::indicators::
/// grouped`) expects an institution row `i`: the project's school (none for
/// a school not yet delivered) in the project's own township, so that by
/// township every project counts.
const PROJECTS: &str = "construction_projects p JOIN (SELECT q.id AS project_id, s.id, s.name, \
     q.township_id FROM construction_projects q LEFT JOIN institutions s ON s.id = q.institution_id) i \
     ON i.project_id = p.id";

/// `value` over the projects that pass `filter` (with `join` for more
/// tables), grouped as asked within the caller's scope; by institution,
/// projects without one are left out.
pub(crate) async fn projects(
    db: &Db,
    q: &IndicatorQuery,
    value: &str,
    join: &str,
    filter: Sql,
) -> Result<Vec<IndicatorValue>, DbError> {
    let filter = if q.by == Breakdown::Institution {
        filter.push(" AND i.id IS NOT NULL")
    } else {
        filter
    };
    institutions::indicators::grouped(db, q, value, &format!("{PROJECTS}{join}"), filter).await
}

/// Projects of the years the period covers.
pub(crate) fn of_years(q: &IndicatorQuery) -> Sql {
    let mut f = Sql::new("p.status <> 'cancelled' AND p.year <= ").bind(i64::from(q.on.year()));
    if let Some(from) = q.from {
        f = f.push(" AND p.year >= ").bind(i64::from(from.year()));
    }
    f
}

pub(crate) async fn on_time_rate(
    db: &Db,
    q: &IndicatorQuery,
) -> Result<Vec<IndicatorValue>, DbError> {
    let handed_over = || {
        let mut f = Sql::new("h.actual_end IS NOT NULL AND h.actual_end <= ").bind(q.on);
        if let Some(from) = q.from {
            f = f.push(" AND h.actual_end >= ").bind(from);
        }
        f
    };
    let from = " JOIN construction_phases h ON h.project_id = p.id AND h.phase = 'handover'";
    let done = projects(db, q, "COUNT(*)", from, handed_over()).await?;
    let on_time = projects(
        db,
        q,
        "COUNT(*)",
        from,
        handed_over().push(" AND (h.planned_end IS NULL OR h.actual_end <= h.planned_end)"),
    )
    .await?;
    Ok(ratio(&on_time, done, 100.0))
}
