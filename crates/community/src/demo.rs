//! The area's part of the demo district: each part's demo data, in order.

use platform::area::{DemoMade, DemoRun};

use crate::service;

/// The area's demo step.
pub async fn run(run: &DemoRun<'_>) -> anyhow::Result<DemoMade> {
    let (db, size) = (run.db, run.size);
    Ok(vec![
        ("学习卡", service::cards::fill_demo(db, size).await?),
        ("课程与班次", service::courses::fill_demo(db, size).await?),
        (
            "社区教育网络（教学点、标准化评定）",
            service::network::fill_demo(db, size).await?,
        ),
        (
            "学习资源、活动与培训",
            service::activities::fill_demo(db, size).await?,
        ),
    ])
}
