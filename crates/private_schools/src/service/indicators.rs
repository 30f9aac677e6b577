//! The area's published figures (指标), by district, township or
//! institution:
//!
//! - 年检合格率 (%): of the private institutions with a 年检 result for the
//!   day's year, the share 合格 or 基本合格.
//! - 无证幼儿园清零进度 (%): of the unlicensed kindergartens found by the
//!   day, the share whose case has ended (取缔, 转为合规, 停办).
//! - 无证幼儿园存量 (所): found by the day and not yet ended.
//!
//! Unlicensed kindergartens are not institutions: by township they count in
//! their own township; they have no figure by institution, and an
//! institution's user sees none.

use chrono::Datelike;
use platform::area::{Breakdown, Indicator, IndicatorQuery, IndicatorValue};
use platform::db::{Db, DbError, Sql};

const RESULTS: &str = "private_results r JOIN institutions i ON i.id = r.institution_id";

/// Each unlicensed kindergarten as the breakdown query expects an
/// institution row `i`: no institution, its own township.
const UNLICENSED: &str = "private_unlicensed u JOIN (SELECT v.id AS unlicensed_id, \
     CAST(NULL AS BIGINT) AS id, '' AS name, v.township_id FROM private_unlicensed v) i \
     ON i.unlicensed_id = u.id";

const CLEARED: &str = "100.0 * SUM(CASE WHEN u.status IN ('banned', 'compliant', 'stopped') \
     THEN 1 ELSE 0 END) / COUNT(*)";
const OPEN: &str = "NOT (u.status IN ('banned', 'compliant', 'stopped')) AND ";

async fn pass_rate(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let filter = Sql::new("r.kind = 'annual' AND r.year = ").bind(i64::from(q.on.year()));
    institutions::indicators::grouped(
        db,
        q,
        "100.0 * SUM(CASE WHEN r.result IN ('qualified', 'basic') THEN 1 ELSE 0 END) / COUNT(*)",
        RESULTS,
        filter,
    )
    .await
}

async fn unlicensed(
    db: &Db,
    q: &IndicatorQuery,
    value: &str,
    status: &str,
) -> Result<Vec<IndicatorValue>, DbError> {
    if q.by == Breakdown::Institution {
        return Ok(vec![]);
    }
    let filter = Sql::new(format!("{status}u.found_on <= ")).bind(q.on);
    institutions::indicators::grouped(db, q, value, UNLICENSED, filter).await
}

pub const INDICATORS: &[Indicator] = &[
    Indicator {
        key: "private.annual_pass_rate",
        name: "年检合格率",
        unit: "%",
        definition: "当年有年检结果的民办学校中，结果为“合格”或“基本合格”者所占百分比",
        compute: |db, q| Box::pin(pass_rate(db, q)),
    },
    Indicator {
        key: "private.unlicensed_cleared",
        name: "无证幼儿园清零进度",
        unit: "%",
        definition: "截至当日已发现的无证幼儿园中，已取缔、转为合规或停办者所占百分比（按所在乡镇（街道）计）",
        compute: |db, q| {
            Box::pin(unlicensed(
                db,
                q,
                CLEARED,
                "",
            ))
        },
    },
    Indicator {
        key: "private.unlicensed_remaining",
        name: "无证幼儿园存量",
        unit: "所",
        definition: "截至当日已发现、尚未取缔、转为合规或停办的无证幼儿园数",
        compute: |db, q| {
            Box::pin(unlicensed(
                db,
                q,
                "COUNT(*)",
                OPEN,
            ))
        },
    },
];

#[cfg(test)]
mod tests {
    #[test]
    fn the_ended_statuses_are_the_domains() {
        use crate::domain::unlicensed::Status;
        let ended: Vec<&str> = Status::ALL
            .iter()
            .filter(|s| s.is_ended())
            .map(|s| s.as_str())
            .collect();
        let list = format!("u.status IN ('{}')", ended.join("', '"));
        assert!(super::CLEARED.contains(&list));
        assert!(super::OPEN.contains(&list));
    }
}
