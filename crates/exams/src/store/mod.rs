//! Storage: SQL and the scope filter.

pub mod quality;
pub mod results;
