//! The figures of petitions (指标), for the whole district (a case belongs
//! to no institution or township, so other breakdowns and institution
//! callers get no rows):
//!
//! - 信访按期办结率 (%): of the cases answered in the period, those answered
//!   by their deadline (with an extension granted, the extended one).
//! - 信访满意率 (%): of the cases answered in the period and rated by the
//!   writer, those rated 满意 or 基本满意.

use platform::area::{Breakdown, Indicator, IndicatorQuery, IndicatorValue};
use platform::auth::Scope;
use platform::db::{Db, DbError};

use crate::domain::petitions::{answered_on_time, percent};
use crate::store::petitions as store;

/// The district's figure of `part` of `whole`, or none.
fn district(q: &IndicatorQuery, part: i64, whole: i64) -> Vec<IndicatorValue> {
    if q.by != Breakdown::District || q.scope != Scope::All {
        return vec![];
    }
    percent(part, whole)
        .map(|value| IndicatorValue {
            key: String::new(),
            label: "全区".into(),
            value,
        })
        .into_iter()
        .collect()
}

async fn on_time_rate(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let rows = store::answered(db, q.from, q.on).await?;
    let on_time = rows
        .iter()
        .filter(|d| match (d.replied_on, d.reply_by) {
            (Some(r), Some(by)) => answered_on_time(r, by),
            _ => true,
        })
        .count();
    Ok(district(q, on_time as i64, rows.len() as i64))
}

async fn satisfaction_rate(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let rows = store::answered(db, q.from, q.on).await?;
    let rated: Vec<_> = rows.iter().filter_map(|d| d.satisfaction).collect();
    let satisfied = rated.iter().filter(|s| s.counts_as_satisfied()).count();
    Ok(district(q, satisfied as i64, rated.len() as i64))
}

pub const ON_TIME: Indicator = Indicator {
    key: "public.petition_on_time",
    name: "信访按期办结率",
    unit: "%",
    definition: "期间内答复的信访件中，在办理期限（含经批准延长的期限）内答复者所占百分比",
    compute: |db, q| Box::pin(on_time_rate(db, q)),
};

pub const SATISFACTION: Indicator = Indicator {
    key: "public.petition_satisfaction",
    name: "信访满意率",
    unit: "%",
    definition: "期间内答复并经信访人评价的信访件中，评价为满意或基本满意者所占百分比",
    compute: |db, q| Box::pin(satisfaction_rate(db, q)),
};

pub const INDICATORS: &[Indicator] = &[ON_TIME, SATISFACTION];
