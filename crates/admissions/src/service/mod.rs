//! What the bureau and parents do in an admission round, each step in one
//! transaction with its audit entry.

pub mod allocation;
pub mod applying;
pub mod setup;

/// Saves a change to a round's set-up or results with its audit entry.
async fn round_changed(
    tx: platform::db::Tx,
    caller: &platform::auth::Caller,
    round: crate::domain::RoundId,
    summary: impl Into<String>,
) -> Result<(), platform::AppError> {
    let entry = platform::audit::Entry::new("update", "admission_round", summary).id(round.0);
    platform::audit::commit(tx, &caller.who, entry).await
}
