//! The last step of every change: its audit entry, then the commit.

use crate::db::Tx;
use crate::AppError;

use super::{record, Entry, Who};

/// Records `entry` and commits `tx`, so the change and its record are
/// saved together or not at all.
pub async fn commit(mut tx: Tx, who: &Who, entry: Entry) -> Result<(), AppError> {
    record(&mut tx, who, entry).await?;
    tx.commit().await?;
    Ok(())
}
