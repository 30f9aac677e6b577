//! The courses part's published figures, by district, township or the
//! school that ran the session:
//!
//! - 学分转换人数 (人): learning cards whose session hours were converted to
//!   credits in the period (each card once per school).
//! - 结业证书数 (份): certificates issued for completed sessions in the
//!   period.

use chrono::{Duration, NaiveDate};
use platform::area::{Indicator, IndicatorQuery, IndicatorValue};
use platform::db::{Db, DbError, Sql};

/// Hours bookings with the session (and school) they were converted for.
const CONVERTED: &str = "community_credits k JOIN community_sessions s ON s.id = \
     CASE WHEN k.source = 'hours' THEN CAST(SUBSTR(k.source_ref, 9) AS BIGINT) END \
     JOIN institutions i ON i.id = s.institution_id";

const ISSUED: &str = "community_certificates x JOIN community_sessions s ON s.id = x.session_id \
     JOIN institutions i ON i.id = s.institution_id";

/// The instant a day (Beijing time) starts.
fn start_of(day: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    platform::time::from_local(day.and_hms_opt(0, 0, 0).unwrap_or_default())
}

async fn credited_cards(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let mut f =
        Sql::new("k.source = 'hours' AND k.booked_at < ").bind(start_of(q.on + Duration::days(1)));
    if let Some(from) = q.from {
        f = f.push(" AND k.booked_at >= ").bind(start_of(from));
    }
    institutions::indicators::grouped(db, q, "COUNT(DISTINCT k.card_id)", CONVERTED, f).await
}

async fn certificates(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let mut f = Sql::new("x.kind = 'course' AND x.issued_on <= ").bind(q.on);
    if let Some(from) = q.from {
        f = f.push(" AND x.issued_on >= ").bind(from);
    }
    institutions::indicators::grouped(db, q, "COUNT(*)", ISSUED, f).await
}

pub const INDICATORS: &[Indicator] = &[
    Indicator {
        key: "community.credited_cards",
        name: "学分转换人数",
        unit: "人",
        definition: "期间内班次学时转换为学分（学分银行入账）的学习卡数，按开班学校统计",
        compute: |db, q| Box::pin(credited_cards(db, q)),
    },
    Indicator {
        key: "community.course_certificates",
        name: "结业证书数",
        unit: "份",
        definition:
            "期间内为结业班次颁发的结业证书份数（出勤达到规定比例的学员），不含认定的外部证书",
        compute: |db, q| Box::pin(certificates(db, q)),
    },
];
