//! The area's published figures (指标), by district, township or
//! institution:
//!
//! - 演练达标率 (%): of the licensed institutions running, those that held
//!   at least two drills in the year of the day (up to that day).
//! - 预案覆盖率 (%): of the same institutions, those with a plan of every
//!   hazard type approved by the day.
//! - 隐患整改率 (%): of the hazards found in the period, those whose order
//!   is closed (销号).

use chrono::Datelike;
use platform::area::{Indicator, IndicatorQuery, IndicatorValue};
use platform::db::{Db, DbError, Sql};

use crate::domain::drills::{EmergencyType, REQUIRED_DRILLS};
use crate::domain::hazards::percent;

const INSTITUTIONS: &str = "institutions i";
const RUNNING: &str = "i.status = 'active' AND i.licence = 'licensed'";
const HAZARDS: &str = "safety_hazards h JOIN institutions i ON i.id = h.institution_id";

/// `part` of `whole` in percent, row by row (rows without a whole left out).
async fn share(
    db: &Db,
    q: &IndicatorQuery,
    from: &str,
    whole: Sql,
    part: Sql,
) -> Result<Vec<IndicatorValue>, DbError> {
    let all = institutions::indicators::grouped(db, q, "COUNT(*)", from, whole).await?;
    let some = institutions::indicators::grouped(db, q, "COUNT(*)", from, part).await?;
    Ok(all
        .into_iter()
        .filter_map(|w| {
            let n = some
                .iter()
                .find(|s| s.key == w.key)
                .map_or(0.0, |s| s.value);
            percent(n as i64, w.value as i64).map(|value| IndicatorValue { value, ..w })
        })
        .collect())
}

async fn drill_rate(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let start = chrono::NaiveDate::from_ymd_opt(q.on.year(), 1, 1).unwrap_or(q.on);
    let part = Sql::new(RUNNING)
        .push(" AND (SELECT COUNT(*) FROM safety_drills d WHERE d.institution_id = i.id AND d.drilled_on >= ")
        .bind(start)
        .push(" AND d.drilled_on <= ")
        .bind(q.on)
        .push(") >= ")
        .bind(REQUIRED_DRILLS);
    share(db, q, INSTITUTIONS, Sql::new(RUNNING), part).await
}

async fn plan_coverage(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let part = Sql::new(RUNNING)
        .push(" AND (SELECT COUNT(DISTINCT p.plan_type) FROM safety_plans p WHERE p.institution_id = i.id AND p.approved_on <= ")
        .bind(q.on)
        .push(") >= ")
        .bind(EmergencyType::ALL.len() as i64);
    share(db, q, INSTITUTIONS, Sql::new(RUNNING), part).await
}

async fn rectification_rate(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let found = || {
        let mut f = Sql::new("h.found_on <= ").bind(q.on);
        if let Some(from) = q.from {
            f = f.push(" AND h.found_on >= ").bind(from);
        }
        f
    };
    let closed = found().push(
        " AND EXISTS (SELECT 1 FROM inspection_orders o WHERE o.id = h.order_id AND o.status = 'closed')",
    );
    share(db, q, HAZARDS, found(), closed).await
}

pub const INDICATORS: &[Indicator] = &[
    Indicator {
        key: "safety.drill_compliance",
        name: "演练达标率",
        unit: "%",
        definition: "正常办学的有证机构中，当年（截至当日）开展应急演练不少于两次者所占百分比",
        compute: |db, q| Box::pin(drill_rate(db, q)),
    },
    Indicator {
        key: "safety.plan_coverage",
        name: "预案覆盖率",
        unit: "%",
        definition: "正常办学的有证机构中，气象、地震、火灾、伤害、食品、公共卫生六类应急预案齐全（批准日期不晚于当日）者所占百分比",
        compute: |db, q| Box::pin(plan_coverage(db, q)),
    },
    Indicator {
        key: "safety.hazard_rectification",
        name: "隐患整改率",
        unit: "%",
        definition: "期间内发现的安全隐患中，整改通知已复查销号者所占百分比",
        compute: |db, q| Box::pin(rectification_rate(db, q)),
    },
];
