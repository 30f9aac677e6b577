//! The area's part of the demo district: each part's demo data, in order
//! (projects and phases first, then what refers to them).

use platform::area::{DemoMade, DemoRun};

use crate::service;

/// The area's demo step.
pub async fn run(run: &DemoRun<'_>) -> anyhow::Result<DemoMade> {
    let (db, size) = (run.db, run.size);
    Ok(vec![
        ("基建项目", service::projects::fill_demo(db, size).await?),
        (
            "校舍、资产与采购记录",
            service::estate::fill_demo(db, size).await?,
        ),
        (
            "形象进度报告",
            service::progress::fill_demo(db, size).await?,
        ),
    ])
}
