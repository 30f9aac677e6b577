//! Progress reports (形象进度) with photos, stalled projects and late
//! phases, the start page, reports and indicators, and the demo's reports.
//! Projects and phases are written straight into their tables.

mod fixtures;

mod demo;
mod overview;
mod photos;
mod reports;
mod scoping;
mod watch;
