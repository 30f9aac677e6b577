//! The area's part of the demo district: each part's demo data, in order.

use platform::area::{DemoMade, DemoRun};

use crate::service;

/// The area's demo step.
pub async fn run(run: &DemoRun<'_>) -> anyhow::Result<DemoMade> {
    let (db, size) = (run.db, run.size);
    Ok(vec![
        (
            "通知公告与回执",
            service::notices::fill_demo(db, size).await?,
        ),
        ("信息公开", service::disclosure::fill_demo(db, size).await?),
        ("信访件", service::petitions::fill_demo(db, size).await?),
        ("电子公文", service::documents::fill_demo(db, size).await?),
    ])
}
