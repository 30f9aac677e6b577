//! Hazards (隐患): reported by schools with photos, ordered fixed by the
//! 安全科 through the inspection mechanism's orders, the start page, the
//! indicators, the inbox and the demo's hazards.

pub mod fixtures;

mod demo;
mod loop_;
mod overview;
mod scoping;
