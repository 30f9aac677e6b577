//! 体质健康: test results (recording, import and export in the national
//! template, rescoring) and reports.

mod reports;
mod results;
