//! What the bureau and parents do in an admission round, each step in one
//! transaction with its audit entry.

pub mod allocation;
pub mod applying;
pub mod setup;

/// The last step of every change: its audit entry, then the commit, so
/// the change and its record are saved together or not at all.
pub(crate) async fn commit(
    mut tx: platform::db::Tx,
    who: &platform::audit::Who,
    entry: platform::audit::Entry,
) -> Result<(), platform::AppError> {
    platform::audit::record(&mut tx, who, entry).await?;
    tx.commit().await?;
    Ok(())
}
