//! The area's published figures (指标), by district, township or
//! institution, within the caller's scope:
//!
//! - 督导覆盖率 (%): of the supervised institutions (running, licensed),
//!   the share a responsible inspector visited in the period (from its
//!   start, or the start of the term of its end day, to its end).
//! - 整改按期完成率 (%): of the supervision rectification orders due in the
//!   period (deadline within it, up to its end), the share closed by
//!   their deadline.
//! - 责任督学督导次数 (次): visits of responsible inspectors in the period.

use chrono::NaiveDate;
use platform::area::{Indicator, IndicatorQuery, IndicatorValue};
use platform::db::{Db, DbError, Sql};

use crate::domain::inspectors::term_start;
use crate::domain::reviews::percent;
use crate::store::inspectors::SUPERVISED;

/// The period's first day: as asked, or the start of the term of its end.
fn since(q: &IndicatorQuery) -> NaiveDate {
    q.from.unwrap_or_else(|| term_start(q.on))
}

/// `part` of `whole` (row counts over `from`) as percentages, leaving out
/// groups with nothing to count.
async fn share(
    db: &Db,
    q: &IndicatorQuery,
    from: &str,
    whole: Sql,
    part: Sql,
) -> Result<Vec<IndicatorValue>, DbError> {
    let grouped = |filter| institutions::indicators::grouped(db, q, "COUNT(*)", from, filter);
    let wholes = grouped(whole).await?;
    let parts = grouped(part).await?;
    Ok(wholes
        .into_iter()
        .filter_map(|w| {
            let p = parts
                .iter()
                .find(|p| p.key == w.key)
                .map_or(0.0, |p| p.value);
            percent(p as i64, w.value as i64).map(|value| IndicatorValue { value, ..w })
        })
        .collect())
}

async fn coverage(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let visited = Sql::new(format!(
        "{SUPERVISED} AND EXISTS (SELECT 1 FROM supervision_visits v WHERE v.institution_id = i.id \
         AND v.visited_on >= "
    ))
    .bind(since(q))
    .push(" AND v.visited_on <= ")
    .bind(q.on)
    .push(")");
    share(db, q, "institutions i", Sql::new(SUPERVISED), visited).await
}

/// Supervision orders, each at its institution `i`.
const ORDERS: &str = "inspection_orders o JOIN institutions i ON i.id = o.institution_id";

fn due(q: &IndicatorQuery) -> Sql {
    Sql::new("o.owner = 'supervision' AND o.deadline >= ")
        .bind(since(q))
        .push(" AND o.deadline <= ")
        .bind(q.on)
}

async fn on_time_rate(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let on_time = due(q).push(" AND o.status = 'closed' AND o.closed_on <= o.deadline");
    share(db, q, ORDERS, due(q), on_time).await
}

async fn visits(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let filter = Sql::new("v.visited_on >= ")
        .bind(since(q))
        .push(" AND v.visited_on <= ")
        .bind(q.on);
    let from = "supervision_visits v JOIN institutions i ON i.id = v.institution_id";
    institutions::indicators::grouped(db, q, "COUNT(*)", from, filter).await
}

pub const INDICATORS: &[Indicator] = &[
    Indicator {
        key: "supervision.coverage",
        name: "督导覆盖率",
        unit: "%",
        definition: "正常办学的持证学校、幼儿园中，期间内（未指定起始日期时为截止日所在学期）有责任督学督导记录者所占百分比",
        compute: |db, q| Box::pin(coverage(db, q)),
    },
    Indicator {
        key: "supervision.on_time_rate",
        name: "整改按期完成率",
        unit: "%",
        definition: "教育督导下发的整改通知中，整改期限在期间内（截至截止日）者里，在期限内复查销号的所占百分比",
        compute: |db, q| Box::pin(on_time_rate(db, q)),
    },
    Indicator {
        key: "supervision.visits",
        name: "责任督学督导次数",
        unit: "次",
        definition: "期间内（未指定起始日期时为截止日所在学期）责任督学登记的挂牌督导记录数",
        compute: |db, q| Box::pin(visits(db, q)),
    },
];
