//! The area's part of the demo district: each part's demo data, in order.

use platform::area::{DemoMade, DemoRun};

use crate::service;

/// The area's demo step.
pub async fn run(run: &DemoRun<'_>) -> anyhow::Result<DemoMade> {
    let (db, size) = (run.db, run.size);
    Ok(vec![
        (
            "安全隐患与整改通知",
            service::hazards::fill_demo(db, size).await?,
        ),
        (
            "应急预案与演练",
            service::drills::fill_demo(db, size).await?,
        ),
        (
            "安全事故与疫情报告",
            service::incidents::fill_demo(db, size).await?,
        ),
        ("校车", service::buses::fill_demo(db, size).await?),
    ])
}
