//! Storage of student records. Every read takes the caller's
//! [`Scope`](platform::auth::Scope), applied to the institution of the
//! student's current enrolment: a school sees only the students it has.

pub mod bulk;
pub mod dropout;
pub mod enrolments;
pub mod left_behind;
pub mod pending;
pub mod promotion;
pub mod students;
pub mod suspensions;

pub use students::{StudentFilter, StudentRecord, StudentRow};
