//! Pure rules of admissions (招生入学). No I/O here.
//!
//! A round is an [`Instance`]: schools with seats (招生计划) and children
//! with ranked choices (志愿), each carrying the child's priority tier
//! (顺位) at that school. [`allocate`] runs student-proposing deferred
//! acceptance with the published seed's lottery (摇号) breaking ties;
//! [`verify`] checks any published result; [`early_admission`] (提前招生)
//! runs before the round and [`place_unassigned`] (统筹安排) after it.

pub mod application;
pub mod canonical;
pub mod early;
pub mod engine;
pub mod ids;
pub mod instance;
pub mod lottery;
pub mod placement;
pub mod priority;
pub mod status;
pub mod verify;

#[cfg(test)]
mod brute_force;
#[cfg(test)]
mod engine_tests;
#[cfg(test)]
mod properties;
#[cfg(test)]
mod verify_tests;

pub use canonical::{hash_parts, input_hash};
pub use early::early_admission;
pub use engine::{allocate, AllocateError, Allocation, Cutoff, ENGINE_VERSION};
pub use ids::{AppealId, ApplicationId, RoundId, RunId};
pub use instance::{
    validate, validate_with_limit, ChildSpec, Choice, Instance, InstanceError, SchoolSpec,
    MAX_CHOICES,
};
pub use lottery::lottery_number;
pub use placement::place_unassigned;
pub use status::{AppealStatus, Placement};
pub use verify::{check_matching, verify, Violation};
