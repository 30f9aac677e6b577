//! Pure rules of student records and dropout control. No I/O here.

pub mod dates;
pub mod dropout;
pub mod grade;
pub mod identity;
pub mod privacy;
pub mod student;
pub mod template;

pub use grade::{Grade, Stage};
