//! Reading batches (发放批次), bureau-only: an institution user gets 404
//! here as on every bureau-only aid route.

use platform::auth::Caller;
use platform::db::Db;
use platform::AppError;
use serde::Serialize;

use crate::domain::BatchId;
use crate::store::ledger::{self, ConflictLine, LedgerLine};
use crate::store::reports::{self, ProgramSum};
use crate::store::{batches, BatchRow};

/// A batch with its totals per program, first rows and conflicts.
#[derive(Serialize, utoipa::ToSchema)]
pub struct BatchDetail {
    pub batch: BatchRow,
    pub programs: Vec<ProgramSum>,
    pub rows: Vec<LedgerLine>,
    pub conflicts: Vec<ConflictLine>,
}

/// Batches, newest first.
pub async fn list(db: &Db, caller: &Caller) -> Result<Vec<BatchRow>, AppError> {
    Ok(batches::list(&super::bureau(db, caller)?).await?)
}

/// One batch with up to `rows` ledger rows and conflicts.
pub async fn detail(
    db: &Db,
    caller: &Caller,
    id: BatchId,
    rows: i64,
) -> Result<BatchDetail, AppError> {
    let bureau = super::bureau(db, caller)?;
    Ok(BatchDetail {
        batch: batches::get(&bureau, id).await?,
        programs: reports::batch_summary(&bureau, id).await?,
        rows: ledger::of_batch(&bureau, id, rows).await?,
        conflicts: ledger::conflicts(&bureau, id, rows).await?,
    })
}
