//! Services: permission, validation, one transaction, audit.

pub mod disclosure;
pub mod documents;
pub mod files;
pub mod limits;
pub mod notices;
pub mod pending;
pub mod petitions;
