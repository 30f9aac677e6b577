//! The area's part of the demo district: responsible inspectors and their
//! visits first, then the supervision frameworks, the 发展性督导 campaign
//! with its results, and the orders that came of it.

use platform::area::{DemoMade, DemoRun};

use crate::service;

/// The area's demo step.
pub async fn run(run: &DemoRun<'_>) -> anyhow::Result<DemoMade> {
    let (db, size) = (run.db, run.size);
    Ok(vec![
        (
            "责任督学与督导记录",
            service::inspectors::fill_demo(db, size).await?,
        ),
        (
            "督导评估标准、评估与整改",
            service::reviews::fill_demo(db, size).await?,
        ),
    ])
}
