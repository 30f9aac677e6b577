//! The registry's published figures, and the one way every area breaks an
//! institution-owned figure down by district, township or institution.

use platform::area::{BoxFuture, Breakdown, Indicator, IndicatorQuery, IndicatorValue};
use platform::db::{Db, DbError, Sql};

/// Computes `value` (an aggregate, trusted SQL) over the rows of `from`
/// (trusted SQL naming the owning institution's row `i`) that pass
/// `filter` (conditions with bound values), for the caller's scope, grouped
/// as `q.by` asks.
pub async fn grouped(
    db: &Db,
    q: &IndicatorQuery,
    value: &str,
    from: &str,
    filter: Sql,
) -> Result<Vec<IndicatorValue>, DbError> {
    let value = format!("CAST(COALESCE({value}, 0) AS DOUBLE PRECISION) AS value");
    let (select, group) = match q.by {
        Breakdown::District => ("SELECT '' AS key, '全区' AS label, ", ""),
        Breakdown::Township => (
            "SELECT CAST(t.id AS TEXT) AS key, t.name AS label, ",
            " GROUP BY t.id, t.name, t.code ORDER BY t.code",
        ),
        Breakdown::Institution => (
            "SELECT CAST(i.id AS TEXT) AS key, i.name AS label, ",
            " GROUP BY i.id, i.name ORDER BY i.name",
        ),
    };
    let join = if q.by == Breakdown::Township {
        " JOIN townships t ON t.id = i.township_id"
    } else {
        ""
    };
    let mut sql = Sql::new(format!(
        "{select}{value} FROM {from}{join} WHERE {}",
        filter.text()
    ));
    for a in filter.args() {
        sql = sql.arg(a.clone());
    }
    let sql = q.scope.restrict(sql, "i.id").push(group);
    db.fetch_all(sql).await
}

fn active_institutions<'a>(
    db: &'a Db,
    q: &'a IndicatorQuery,
    value: &'static str,
) -> BoxFuture<'a, Result<Vec<IndicatorValue>, DbError>> {
    Box::pin(grouped(
        db,
        q,
        value,
        "institutions i",
        Sql::new("i.status = 'active'"),
    ))
}

/// 机构数 and 核定学位数 of the institutions running on the day.
pub const INDICATORS: &[Indicator] = &[
    Indicator {
        key: "institutions.count",
        name: "机构数",
        unit: "所",
        definition: "当前正常办学的各级各类教育机构数（不含已停办、撤销、合并的机构）",
        compute: |db, q| active_institutions(db, q, "COUNT(*)"),
    },
    Indicator {
        key: "institutions.approved_places",
        name: "核定学位数",
        unit: "个",
        definition: "当前正常办学机构的核定学位数之和",
        compute: |db, q| active_institutions(db, q, "SUM(i.approved_places)"),
    },
];
