//! What the bureau and parents do in an admission round, each step in one
//! transaction with its audit entry.

pub mod allocation;
pub mod applying;
pub mod setup;
