//! Pure rules of student records and dropout control. No I/O here. The
//! bureau's shared vocabulary (national IDs, masking, dates as people write
//! them, grades and stages) lives in `platform::vocab`.

pub mod consolidation;
pub mod dropout;
pub mod enrolment;
pub mod ids;
pub mod promotion;
pub mod steps;
pub mod student;
pub mod taught;
pub mod template;

pub use platform::vocab::{dates, grade, identity, privacy};
pub use platform::vocab::{Grade, Stage};
