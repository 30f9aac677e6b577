//! The published figures of official documents:
//!
//! - 公文办理时长（收文）(天): the average days from receipt (收文日期) to
//!   办结 of the incoming documents closed in the period.
//! - 公文办理时长（发文）(天): the average days from 拟稿 to 签发 of the
//!   outgoing documents signed in the period.
//! - 公文按期签收率 (%): of the receipts due in the period (an institution's
//!   copy of an issued document), those signed by their deadline; by
//!   district, township or institution.
//!
//! The durations are the bureau's own work: district figures only (no
//! breakdown by township or institution, none for an institution's scope).

use platform::area::{ratio, Breakdown, Indicator, IndicatorQuery, IndicatorValue};
use platform::auth::Scope;
use platform::db::{Db, DbError, Sql};

use crate::domain::documents::average_days;
use crate::store::documents::{incoming, signing_spans};

fn district(q: &IndicatorQuery, value: Option<f64>) -> Vec<IndicatorValue> {
    match (q.by, q.scope, value) {
        (Breakdown::District, Scope::All, Some(value)) => vec![IndicatorValue {
            key: String::new(),
            label: "全区".into(),
            value,
        }],
        _ => vec![],
    }
}

async fn incoming_days(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let spans = incoming::handling_spans(db, q.from, q.on).await?;
    Ok(district(q, average_days(&spans)))
}

async fn outgoing_days(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let spans = signing_spans(db, q.from, q.on).await?;
    Ok(district(q, average_days(&spans)))
}

const RECEIPTS: &str =
    "public_document_recipients r JOIN institutions i ON i.id = r.institution_id";

async fn receipt_rate(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let due = || {
        let mut f = Sql::new("r.due_on <= ").bind(q.on);
        if let Some(from) = q.from {
            f = f.push(" AND r.due_on >= ").bind(from);
        }
        f
    };
    let all = institutions::indicators::grouped(db, q, "COUNT(*)", RECEIPTS, due()).await?;
    let on_time = institutions::indicators::grouped(
        db,
        q,
        "COUNT(*)",
        RECEIPTS,
        due().push(" AND r.signed_on <= r.due_on"),
    )
    .await?;
    Ok(ratio(&on_time, all, 100.0))
}

pub const INCOMING_DAYS: Indicator = Indicator {
    key: "public.incoming_handling_days",
    name: "公文办理时长（收文）",
    unit: "天",
    definition: "期间内办结的收文，自收文日期至办结日期的平均天数（全区，不分乡镇、学校）",
    compute: |db, q| Box::pin(incoming_days(db, q)),
};

pub const OUTGOING_DAYS: Indicator = Indicator {
    key: "public.outgoing_handling_days",
    name: "公文办理时长（发文）",
    unit: "天",
    definition: "期间内签发的发文，自拟稿日期至签发日期的平均天数（全区，不分乡镇、学校）",
    compute: |db, q| Box::pin(outgoing_days(db, q)),
};

pub const RECEIPT_ON_TIME: Indicator = Indicator {
    key: "public.document_receipt_on_time",
    name: "公文按期签收率",
    unit: "%",
    definition:
        "签收期限在期间内（不晚于当日）的发文签收中，收文学校在期限内（含当日）签收者所占百分比",
    compute: |db, q| Box::pin(receipt_rate(db, q)),
};

pub const INDICATORS: &[Indicator] = &[INCOMING_DAYS, OUTGOING_DAYS, RECEIPT_ON_TIME];
