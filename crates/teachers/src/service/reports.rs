//! The teachers area: reports.
