//! Pure rules of student aid: money, vocabularies, program definitions,
//! terms and eligibility. No I/O here.

pub mod condition;
pub mod decisions;
pub mod eligibility;
pub mod ids;
pub mod kinds;
pub mod money;
pub mod presets;
pub mod program;
pub mod status;
pub mod term;

#[cfg(test)]
mod condition_tests;
#[cfg(test)]
mod eligibility_tests;
#[cfg(test)]
mod money_tests;
#[cfg(test)]
mod tests;

pub use condition::{Condition, ConditionInput};
pub use decisions::{decide, Decision, FLAG_COMBINATIONS};
pub use eligibility::{evaluate_all, incompatibility_sets, Hit, Profile, Rule, Why};
pub use ids::{ApplicationId, BatchId, LedgerLineId, ProgramId};
pub use kinds::{Flag, Ownership, Period, Stage, UrbanRural};
pub use money::Fen;
pub use program::{AmountInput, ProgramDef, ProgramInput};
pub use status::{ApplicationStatus, BatchKind, BatchStatus, LedgerKind};
pub use term::{Term, TermInput};
