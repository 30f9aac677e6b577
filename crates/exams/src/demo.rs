//! The area's demo step: the exams of the last two years and the quality
//! monitoring rounds (see `service::results::fill_demo`).

use platform::area::{DemoMade, DemoRun};

pub async fn run(run: &DemoRun<'_>) -> anyhow::Result<DemoMade> {
    let made = crate::service::results::fill_demo(run.db, run.size).await?;
    Ok(vec![("考试与质量监测记录", made)])
}
