//! The area's part of the demo district: the year's 年检 and 等级验收, the
//! registry of unlicensed kindergartens, then the closure of the school
//! that failed its 年检.

use platform::area::{DemoMade, DemoRun};

use crate::service;

/// The area's demo step.
pub async fn run(run: &DemoRun<'_>) -> anyhow::Result<DemoMade> {
    let (db, size) = (run.db, run.size);
    Ok(vec![
        (
            "民办学校年检与幼儿园等级验收结果",
            service::inspections::fill_demo(db, size).await?,
        ),
        (
            "无证幼儿园",
            service::unlicensed::fill_demo(db, size).await?,
        ),
        (
            "终止办学安置学生",
            service::closures::fill_demo(db, size).await?,
        ),
    ])
}
