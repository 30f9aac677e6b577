//! Pure rules: no I/O.

pub mod builder;
pub mod campaigns;
pub mod evidence;
pub mod framework;
pub mod indicator_row;
pub mod kinds;
pub mod order;
pub mod points;
pub mod rows;
pub mod score;

pub use builder::EditError;
pub use framework::{Band, Body, Check, Framework, FrameworkError, LevelOption, Method, Node};
pub use indicator_row::{Field, IndicatorRow};
pub use kinds::{CampaignId, EvidenceId, FrameworkId, OrderId, Owner, Purpose, Source};
pub use order::{OrderError, OrderEvent, OrderStatus};
pub use points::Points;
pub use rows::RowProblem;
pub use score::{Answer, ScoreError, Scored};

#[cfg(test)]
mod builder_tests;
#[cfg(test)]
mod framework_tests;
#[cfg(test)]
mod order_tests;
#[cfg(test)]
mod rows_tests;
#[cfg(test)]
mod sample;
#[cfg(test)]
mod score_tests;
