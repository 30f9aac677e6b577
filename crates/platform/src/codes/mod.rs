//! Public standard code tables, compiled in from `data/standards/` (copied
//! unchanged from the published tables, see that folder's README).

mod divisions;
mod school_types;
mod table;

pub use divisions::{division, townships_of, Division};
pub use school_types::{school_type, school_types, SchoolType};
pub use table::{educations, ethnic_groups, health_statuses, political_statuses, CodeTable};
