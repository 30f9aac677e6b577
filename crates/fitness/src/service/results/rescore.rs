//! Bulk (re)scoring: every test of a school year in the caller's scope,
//! in batches — a batch read in id order, scored in memory, its scores
//! written back through the bulk writer and one `UPDATE … FROM` — each
//! batch its own transaction, so other writers are never held up for
//! long (rescoring is idempotent: a run stopped half-way is run again).

use chrono::Utc;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::vocab::SchoolYear;
use platform::AppError;
use serde::Serialize;

use crate::store::results::rescore::{batch, write_back};
use crate::store::results::{sex_of, Scores};

/// Tests per batch.
pub const BATCH: i64 = 20_000;

/// What a run does with each test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Score the results under the standard.
    Score,
    /// Write the stored scores back as read, without scoring: the same
    /// reads and writes, for measuring what scoring adds.
    WriteBackOnly,
}

#[derive(Clone, Copy, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct Rescored {
    /// Tests read and written back.
    pub tests: u64,
    /// Of those, complete and scored.
    pub scored: u64,
}

/// (Re)scores every test of `year` in the caller's scope.
pub async fn rescore(
    db: &Db,
    caller: &Caller,
    year: SchoolYear,
    mode: Mode,
) -> Result<Rescored, AppError> {
    caller.require(WorkArea::Fitness, Access::Write)?;
    let job = platform::jobs::start("fitness_rescore");
    let mut done = Rescored::default();
    let mut after = 0;
    loop {
        let mut tx = db.begin().await?;
        let rows = batch(&mut tx, &caller.scope, year.0, after, BATCH).await?;
        let Some(last) = rows.last() else {
            break;
        };
        after = last.id;
        let scores: Vec<(i64, Scores)> = rows
            .into_iter()
            .map(|r| {
                let scores = match mode {
                    Mode::Score => {
                        let sheet = r.raw.sheet(r.exempt);
                        Scores::of(sheet.score(r.grade as u8, sex_of(&r.sex)).as_ref())
                    }
                    Mode::WriteBackOnly => r.scores,
                };
                (r.id, scores)
            })
            .collect();
        done.tests += scores.len() as u64;
        done.scored += scores.iter().filter(|(_, s)| s.total.is_some()).count() as u64;
        write_back(&mut tx, &scores, Utc::now()).await?;
        tx.commit().await?;
    }
    job.rows(done.tests as usize);
    let summary = format!(
        "重新评分{}体测成绩 {} 条（完整并评分 {} 条）",
        year.label(),
        done.tests,
        done.scored
    );
    let entry =
        Entry::new("update", "fitness_test", summary).institution(caller.scope.institution());
    let mut tx = db.begin().await?;
    audit::record(&mut tx, &caller.who, entry).await?;
    tx.commit().await?;
    job.succeeded();
    Ok(done)
}
