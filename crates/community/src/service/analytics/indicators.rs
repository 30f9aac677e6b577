//! The area's published figures (指标), by district, township or
//! institution:
//!
//! - 持卡市民数 (人): learning cards in use on the day; by township the
//!   holder's street, by institution the issuing one.
//! - 参训人次 (人次): attendances at course meetings plus 人次 of trainings
//!   and early education in the period; by township and institution where
//!   the learning took place.
//! - 早教覆盖率 (%): of the 0–3 children in the catchments of the year's
//!   early-education sessions (up to the day), the families reached.
//! - 标准化社区学校比例 (%): of the community schools running, those whose
//!   latest assessment by the day's year is 达标.

use chrono::Datelike;
use institutions::indicators::grouped;
use platform::area::{ratio, Breakdown, Indicator, IndicatorQuery, IndicatorValue};
use platform::db::{Db, DbError, Sql};

use crate::store::analytics::instants;
use crate::store::network::COMMUNITY_TYPE;

/// The start of "since the beginning" for figures counting events.
const EARLIEST: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(1990, 1, 1) {
    Some(d) => d,
    None => chrono::NaiveDate::MIN,
};

async fn cards(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let (_, end) = instants((q.on, q.on));
    let filter = || Sql::new("c.status = 'active' AND c.created_at < ").bind(end);
    if q.by == Breakdown::Institution {
        let from = "community_cards c JOIN institutions i ON i.id = c.issued_by";
        return grouped(db, q, "COUNT(*)", from, filter()).await;
    }
    let (select, group) = match q.by {
        Breakdown::Township => (
            "SELECT CAST(t.id AS TEXT) AS key, t.name AS label, ",
            " GROUP BY t.id, t.name, t.code ORDER BY t.code",
        ),
        _ => ("SELECT '' AS key, '全区' AS label, ", ""),
    };
    let f = filter();
    let mut sql = Sql::new(format!(
        "{select}CAST(COUNT(*) AS DOUBLE PRECISION) AS value FROM community_cards c \
         JOIN townships t ON t.id = c.township_id WHERE {}",
        f.text()
    ));
    for a in f.args() {
        sql = sql.arg(a.clone());
    }
    db.fetch_all(q.scope.restrict(sql, "c.issued_by").push(group))
        .await
}

fn add(mut a: Vec<IndicatorValue>, b: Vec<IndicatorValue>) -> Vec<IndicatorValue> {
    for v in b {
        match a.iter_mut().find(|x| x.key == v.key) {
            Some(x) => x.value += v.value,
            None => a.push(v),
        }
    }
    a
}

async fn attendances(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let from_day = q.from.unwrap_or(EARLIEST);
    let (start, _) = instants((from_day, from_day));
    let (_, end) = instants((q.on, q.on));
    let meetings = grouped(
        db,
        q,
        "COUNT(*)",
        "community_attendance a JOIN community_sessions s ON s.id = a.session_id \
         JOIN institutions i ON i.id = s.institution_id",
        Sql::new("a.attended_at >= ")
            .bind(start)
            .push(" AND a.attended_at < ")
            .bind(end),
    )
    .await?;
    let trainings = grouped(
        db,
        q,
        "SUM(r.attendances)",
        "community_trainings r JOIN institutions i ON i.id = r.institution_id",
        Sql::new("r.held_on >= ")
            .bind(from_day)
            .push(" AND r.held_on <= ")
            .bind(q.on),
    )
    .await?;
    Ok(add(meetings, trainings))
}

async fn early_coverage(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let first = chrono::NaiveDate::from_ymd_opt(q.on.year(), 1, 1).unwrap_or(q.on);
    let from = "community_trainings r JOIN institutions i ON i.id = r.institution_id";
    let filter = || {
        Sql::new("r.kind = 'early' AND r.held_on >= ")
            .bind(first)
            .push(" AND r.held_on <= ")
            .bind(q.on)
    };
    let families = grouped(db, q, "SUM(r.families)", from, filter()).await?;
    let children = grouped(db, q, "SUM(r.children)", from, filter()).await?;
    Ok(ratio(&families, children, 100.0)
        .into_iter()
        .map(|v| IndicatorValue {
            value: v.value.min(100.0),
            ..v
        })
        .collect())
}

async fn standardised(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let schools = || Sql::new("i.status = 'active' AND i.school_type = ").bind(COMMUNITY_TYPE);
    let met = schools()
        .push(
            " AND (SELECT s.status FROM community_standardisation s WHERE s.institution_id = i.id \
             AND s.year <= ",
        )
        .bind(i64::from(q.on.year()))
        .push(" ORDER BY s.year DESC, s.id DESC LIMIT 1) = 'met'");
    let all = grouped(db, q, "COUNT(*)", "institutions i", schools()).await?;
    let part = grouped(db, q, "COUNT(*)", "institutions i", met).await?;
    Ok(ratio(&part, all, 100.0))
}

pub const INDICATORS: &[Indicator] = &[
    Indicator {
        key: "community.cards",
        name: "持卡市民数",
        unit: "人",
        definition: "截至当日在用（未停用）的市民终身学习卡张数，按持卡人居住的乡镇（街道）或发卡机构统计",
        compute: |db, q| Box::pin(cards(db, q)),
    },
    Indicator {
        key: "community.attendances",
        name: "参训人次",
        unit: "人次",
        definition: "期间内社区教育课程的考勤人次，加上实用技术培训、职业技能培训和0–3岁早教指导的培训人次，按举办机构所在乡镇（街道）统计",
        compute: |db, q| Box::pin(attendances(db, q)),
    },
    Indicator {
        key: "community.early_coverage",
        name: "早教覆盖率",
        unit: "%",
        definition: "当年（截至当日）0–3岁早教指导覆盖的家庭数占服务范围内0–3岁儿童数的百分比（不超过100%）",
        compute: |db, q| Box::pin(early_coverage(db, q)),
    },
    Indicator {
        key: "community.standardised_schools",
        name: "标准化社区学校比例",
        unit: "%",
        definition: "正常办学的社区学校（社区学院）中，截至当年最近一次评定为“达标”的标准化社区学校所占百分比",
        compute: |db, q| Box::pin(standardised(db, q)),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn v(key: &str, value: f64) -> IndicatorValue {
        IndicatorValue {
            key: key.into(),
            label: key.into(),
            value,
        }
    }

    #[test]
    fn attendances_of_both_sources_add_up_by_key() {
        let got = add(
            vec![v("1", 3.0), v("2", 1.0)],
            vec![v("2", 4.0), v("3", 7.0)],
        );
        assert_eq!(got, [v("1", 3.0), v("2", 5.0), v("3", 7.0)]);
    }
}
