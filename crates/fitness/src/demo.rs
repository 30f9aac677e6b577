//! The area's step of the demo district: scored fitness tests of the demo
//! pupils (see `service::reports::fill_demo`), recorded in the audit log.

use platform::area::{DemoMade, DemoRun};

pub async fn run(run: &DemoRun<'_>) -> anyhow::Result<DemoMade> {
    let made = crate::service::reports::fill_demo(run.db, run.size).await?;
    (run.progress)(made);
    let tx = run.db.begin().await?;
    let summary = format!("生成演示体质健康测试成绩：{made} 条");
    platform::area::demo::commit_recorded(tx, summary).await?;
    Ok(vec![("体质健康测试", made)])
}
