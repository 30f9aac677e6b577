//! Storage of student aid: programs, batches, the ledger, applications and
//! report queries. Reads of institution-owned records take the caller's
//! [`Scope`](platform::auth::Scope).

pub mod already_paid;
pub mod application_pages;
pub mod applications;
pub mod batch_lines;
pub mod batches;
pub mod facts;
pub mod ledger;
pub mod pending;
pub mod programs;
pub mod reports;

pub use batches::BatchRow;
pub use programs::Program;
