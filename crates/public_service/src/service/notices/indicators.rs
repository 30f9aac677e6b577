//! 通知阅读率 (%): of the receipts of the bureau's notices sent in the
//! period (up to the day), those confirmed as read; by the recipient
//! institution, its township or the district.

use chrono::{Days, NaiveTime};
use platform::area::{ratio, Indicator, IndicatorQuery, IndicatorValue};
use platform::db::{Db, DbError, Sql};

const RECEIPTS: &str = "public_notice_receipts r JOIN public_notices n ON n.id = r.notice_id \
     JOIN institutions i ON i.id = r.institution_id";

/// The receipts of the notices sent in the period of `q`.
fn sent_in(q: &IndicatorQuery) -> Sql {
    let end = (q.on + Days::new(1)).and_time(NaiveTime::MIN).and_utc();
    let mut f = Sql::new("n.sent_at < ").bind(end);
    if let Some(from) = q.from {
        f = f
            .push(" AND n.sent_at >= ")
            .bind(from.and_time(NaiveTime::MIN).and_utc());
    }
    f
}

async fn read_rate(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let grouped = |filter| institutions::indicators::grouped(db, q, "COUNT(*)", RECEIPTS, filter);
    let all = grouped(sent_in(q)).await?;
    let read = grouped(sent_in(q).push(" AND r.read_at IS NOT NULL")).await?;
    Ok(ratio(&read, all, 100.0))
}

pub const READ_RATE: Indicator = Indicator {
    key: "public.notice_read_rate",
    name: "通知阅读率",
    unit: "%",
    definition:
        "期间内（截至当日）教育局发出的通知公告，接收机构已确认阅读（回执）者占应收回执的百分比",
    compute: |db, q| Box::pin(read_rate(db, q)),
};
