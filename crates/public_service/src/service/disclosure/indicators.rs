//! 依申请公开按期答复率 (%): of the requests received in the period whose
//! deadline had passed by the day or which were answered by then, those
//! answered within their deadline. A figure of the bureau: district only.

use platform::area::{Breakdown, Indicator, IndicatorQuery, IndicatorValue};
use platform::auth::Scope;
use platform::db::{Db, DbError, Sql};

fn decided(q: &IndicatorQuery) -> Sql {
    let mut f = Sql::new("SELECT COUNT(*) FROM public_disclosure_requests WHERE (due_on < ")
        .bind(q.on)
        .push(" OR replied_on <= ")
        .bind(q.on)
        .push(")");
    if let Some(from) = q.from {
        f = f.push(" AND received_on >= ").bind(from);
    }
    f
}

async fn on_time_rate(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    if q.by != Breakdown::District || q.scope != Scope::All {
        return Ok(vec![]);
    }
    let all = db.scalar(decided(q)).await?;
    let on_time = db
        .scalar(
            decided(q)
                .push(" AND replied_on <= due_on AND replied_on <= ")
                .bind(q.on),
        )
        .await?;
    Ok(crate::domain::notices::read_rate(on_time, all)
        .map(|value| IndicatorValue {
            key: String::new(),
            label: "全区".into(),
            value,
        })
        .into_iter()
        .collect())
}

pub const ON_TIME_RATE: Indicator = Indicator {
    key: "public.disclosure_on_time_rate",
    name: "依申请公开按期答复率",
    unit: "%",
    definition:
        "期间内收到的依申请公开申请中，截至当日已到答复期限或已答复者里，在期限内答复者所占百分比",
    compute: |db, q| Box::pin(on_time_rate(db, q)),
};
