//! The area's published figures (指标), by district, township (the
//! project's township) or institution (projects at an institution):
//!
//! - 消除危房面积 (m²): dangerous-building area removed by the projects of
//!   the period's years. The figure 危房面积 proper — D级 floor area still
//!   standing — comes from the buildings register once it is merged.
//! - 项目按期完成率 (%): of the projects handed over (交付使用 finished) in the
//!   period, the share that finished it by its planned end.
//! - 在建项目数 (个): projects in construction (status 在建) begun by the
//!   day's year.
//! - 规划建筑面积 (m²): planned floor area of the period's projects.

use chrono::Datelike;
use platform::area::{Breakdown, Indicator, IndicatorQuery, IndicatorValue};
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
async fn projects(
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
fn of_years(q: &IndicatorQuery) -> Sql {
    let mut f = Sql::new("p.status <> 'cancelled' AND p.year <= ").bind(i64::from(q.on.year()));
    if let Some(from) = q.from {
        f = f.push(" AND p.year >= ").bind(i64::from(from.year()));
    }
    f
}

async fn on_time_rate(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
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
    Ok(done
        .into_iter()
        .filter(|d| d.value > 0.0)
        .map(|d| {
            let n = on_time
                .iter()
                .find(|n| n.key == d.key)
                .map_or(0.0, |n| n.value);
            IndicatorValue {
                value: n * 100.0 / d.value,
                ..d
            }
        })
        .collect())
}

pub const INDICATORS: &[Indicator] = &[
    Indicator {
        key: "construction.dangerous_area_removed",
        name: "消除危房面积",
        unit: "平方米",
        definition: "期间所含年度的建设项目（已撤销的除外）登记的消除危房面积之和，按项目所在乡镇（街道）或学校计",
        compute: |db, q| Box::pin(projects(db, q, "SUM(p.dangerous_area_removed)", "", of_years(q))),
    },
    Indicator {
        key: "construction.on_time_rate",
        name: "项目按期完成率",
        unit: "%",
        definition: "期间内完成“交付使用”阶段的项目中，实际完成日期不晚于计划完成日期（未定计划的视为按期）者所占百分比",
        compute: |db, q| Box::pin(on_time_rate(db, q)),
    },
    Indicator {
        key: "construction.active_projects",
        name: "在建项目数",
        unit: "个",
        definition: "状态为“在建”、立项年度不晚于当日所在年度的建设项目数",
        compute: |db, q| {
            Box::pin(projects(
                db,
                q,
                "COUNT(*)",
                "",
                Sql::new("p.status = 'active' AND p.year <= ").bind(i64::from(q.on.year())),
            ))
        },
    },
    Indicator {
        key: "construction.planned_floor_area",
        name: "规划建筑面积",
        unit: "平方米",
        definition: "期间所含年度的建设项目（已撤销的除外）的规划建筑面积之和",
        compute: |db, q| Box::pin(projects(db, q, "SUM(p.planned_floor_area)", "", of_years(q))),
    },
];
