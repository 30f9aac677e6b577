//! Staff records (教职工) and what hangs on them: postings, honours and
//! 师德 records, and the changes waiting for or past review.

pub mod changes;
pub mod honours;
pub mod postings;
mod records;

pub use records::*;
